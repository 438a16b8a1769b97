#pragma once

#include "decimal.h"
#include "money.h"

#include <QList>
#include <QString>

namespace keel::sales {

// One line of a quote as the editor holds it. A role line bills hours × rate and costs
// hours × cost rate; a fixed line bills `price` and costs `cost`.
struct QuoteLine
{
    enum class Kind
    {
        Role,
        Fixed
    };
    Kind kind = Kind::Role;
    QString role;        // role line: role code
    QString description; // fixed line (or a note on a role line)
    Decimal hours;       // role line
    Decimal rate;        // role line: hourly bill rate in the quote currency (up to 6 places)
    Decimal costRate;    // role line: standard cost rate (zero = unknown)
    Money price;         // fixed line
    Money cost;          // fixed line (may be invalid = zero)
};

struct QuoteLineTotals
{
    Money amount;
    Money cost;
};

// The totals of a quote as the editor shows them. The arithmetic is the server's own
// (common/quote_pricing.h, DESIGN.md section 4); this adds the editor's wording:
//  line amount  = hours × rate, rounded once, half away from zero, to the minor unit, per line
//  line cost    = hours × cost rate, rounded the same way
//  subtotal     = Σ line amounts
//  discount     = subtotal × discount % / 100, rounded to the cent
//  total        = subtotal − discount
//  margin       = total − Σ line costs
//  margin %     = margin / total × 100, rounded half away from zero to 2 places (0 when the
//                 total is zero)
struct QuoteTotals
{
    bool ok = false;
    QString error; // why not ok (currency mismatch, overflow, bad discount)
    QList<QuoteLineTotals> lines;
    Money subtotal;
    Money discount;
    Money total;
    Money cost;
    Money margin;
    Decimal marginPct;
};

// Pure: no server, no widgets. `discountPct` is a percentage (12.5 = 12.5 %), 0..100 with at
// most 4 decimal places.
QuoteTotals calculateQuote(const QList<QuoteLine> &lines, const Decimal &discountPct,
                           const Currency &currency);

} // namespace keel::sales
