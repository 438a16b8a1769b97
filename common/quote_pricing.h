#pragma once

// Quote pricing: the ONE place where quote lines, discount, cost and margin are computed.
// Pure functions over keel::Money / keel::Decimal; no database, no I/O.
//
// Rules (DESIGN.md section 4):
//   role line   list = hours × bill rate, cost = hours × standard cost rate,
//               each rounded once, half away from zero, at the currency's minor unit;
//   fixed line  list = the price given, cost = the cost given (zero when none);
//   list value  = Σ line list amounts;  discount = list × discount% (rounded once);
//   net value   = list − discount;      cost = Σ line costs;  margin = net − cost;
//   margin %    = margin / net × 100, rounded half away from zero to 2 places
//                 (none when net is zero).

#include "decimal.h"
#include "money.h"
#include "result.h"

#include <QList>

#include <optional>

namespace keel::pricing {

struct Line
{
    enum class Kind
    {
        Role,
        Fixed
    };
    Kind kind = Kind::Role;
    // Role lines
    Decimal hours;
    Decimal billRate; // per hour, in the quote currency
    Decimal costRate; // standard cost per hour, in the quote currency
    // Fixed-price lines
    Money fixedPrice;
    std::optional<Money> fixedCost;
};

struct PricedLine
{
    Money list;
    Money cost;
};

struct Totals
{
    QList<PricedLine> lines; // parallel to the input
    Money list;
    Money discount;
    Money net;
    Money cost;
    Money margin;
    std::optional<Decimal> marginPct; // none when net is zero
};

// hours × rate at the currency's minor unit, rounded once (half away from zero).
Result<Money> extend(const Decimal &hours, const Decimal &rate, const Currency &currency);

// Percentage `part / whole × 100` rounded to 2 places; none when whole is zero.
std::optional<Decimal> percentOf(const Money &part, const Money &whole);

// Prices a quote. discountPct is 0..100 with at most 4 decimal places; fails (invalid_format /
// out_of_range / currency_mismatch) otherwise, or when an amount leaves Money's range.
Result<Totals> price(const Currency &currency, const QList<Line> &lines,
                     const Decimal &discountPct);

} // namespace keel::pricing
