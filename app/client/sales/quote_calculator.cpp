#include "quote_calculator.h"

#include "quote_pricing.h"

#include <QCoreApplication>

namespace keel::sales {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("keel::sales::QuoteCalculator", text);
}

QuoteTotals failed(const QString &why)
{
    QuoteTotals t;
    t.error = why;
    return t;
}

// `m` in `currency`, or zero when not given.
Result<Money> orZero(const Money &m, const Currency &currency)
{
    if (!m.isValid())
        return Money::zero(currency);
    if (!(m.currency() == currency))
        return valueError(ValueErrorCode::CurrencyMismatch,
                          QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                      "%1 is not in the quote's currency %2.")
                              .arg(m.currency().code(), currency.code()));
    return m;
}
} // namespace

QuoteTotals calculateQuote(const QList<QuoteLine> &lines, const Decimal &discountPct,
                           const Currency &currency)
{
    if (!currency.isValid())
        return failed(tr("The quote has no currency."));
    if (discountPct.isNegative() || discountPct > Decimal::fromInt(100))
        return failed(tr("The discount must be between 0 and 100 %."));
    if (discountPct.mantissa() % 100 != 0)
        return failed(tr("The discount has at most 4 decimal places."));

    // The editor names the line at fault; the pricing itself is the server's.
    QList<pricing::Line> priced;
    int lineNo = 0;
    for (const QuoteLine &line : lines) {
        ++lineNo;
        pricing::Line p;
        if (line.kind == QuoteLine::Kind::Role) {
            if (line.hours.isNegative() || line.rate.isNegative() || line.costRate.isNegative())
                return failed(
                    QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                "Line %1: hours and rates cannot be negative.")
                        .arg(lineNo));
            p.hours = line.hours;
            p.billRate = line.rate;
            p.costRate = line.costRate;
        } else {
            const auto price = orZero(line.price, currency);
            const auto cost = orZero(line.cost, currency);
            if (!price || !cost)
                return failed(
                    QCoreApplication::translate("keel::sales::QuoteCalculator", "Line %1: %2")
                        .arg(lineNo)
                        .arg(!price ? price.error().message : cost.error().message));
            p.kind = pricing::Line::Kind::Fixed;
            p.fixedPrice = *price;
            p.fixedCost = *cost;
        }
        priced.append(p);
    }

    const auto result = pricing::price(currency, priced, discountPct);
    if (!result)
        return failed(result.error().code == ValueErrorCode::OutOfRange
                          ? tr("The quote's total is too large.")
                          : result.error().message);
    QuoteTotals t;
    t.ok = true;
    for (const pricing::PricedLine &line : result->lines)
        t.lines.append({line.list, line.cost});
    t.subtotal = result->list;
    t.discount = result->discount;
    t.total = result->net;
    t.cost = result->cost;
    t.margin = result->margin;
    t.marginPct = result->marginPct.value_or(Decimal());
    return t;
}

} // namespace keel::sales
