#include "quote_calculator.h"

#include "rounding.h"

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
    t.ok = false;
    t.error = why;
    return t;
}

// `m` in `currency`, or zero when not given.
Result<Money> orZero(const Money &m, const Currency &currency)
{
    if (!m.isValid())
        return Money::zero(currency);
    if (!(m.currency() == currency))
        return valueError(
            ValueErrorCode::CurrencyMismatch,
            tr("%1 is not in the quote's currency %2.").arg(m.currency().code(), currency.code()));
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

    QuoteTotals t;
    QList<Money> amounts;
    QList<Money> costs;
    int lineNo = 0;
    for (const QuoteLine &line : lines) {
        ++lineNo;
        Money amount = Money::zero(currency);
        Money cost = Money::zero(currency);
        if (line.kind == QuoteLine::Kind::Role) {
            if (line.hours.isNegative())
                return failed(tr("Line %1: hours cannot be negative.").arg(lineNo));
            const auto rate = orZero(line.rate, currency);
            const auto costRate = orZero(line.costRate, currency);
            if (!rate || !costRate)
                return failed(tr("Line %1: %2")
                                  .arg(lineNo)
                                  .arg(!rate ? rate.error().message : costRate.error().message));
            const auto a = rate->multiply(line.hours);
            const auto c = costRate->multiply(line.hours);
            if (!a || !c)
                return failed(tr("Line %1: the amount is too large.").arg(lineNo));
            amount = *a;
            cost = *c;
        } else {
            const auto price = orZero(line.price, currency);
            const auto c = orZero(line.cost, currency);
            if (!price || !c)
                return failed(tr("Line %1: %2")
                                  .arg(lineNo)
                                  .arg(!price ? price.error().message : c.error().message));
            amount = *price;
            cost = *c;
        }
        amounts.append(amount);
        costs.append(cost);
        t.lines.append({amount, cost});
    }

    const auto subtotal = Money::sum(amounts, currency);
    const auto cost = Money::sum(costs, currency);
    if (!subtotal || !cost)
        return failed(tr("The quote's total is too large."));
    const auto factor = discountPct.divide(Decimal::fromInt(100));
    if (!factor)
        return failed(tr("The discount is not a valid percentage."));
    const auto discount = subtotal->multiply(*factor);
    if (!discount)
        return failed(tr("The quote's total is too large."));
    const auto total = subtotal->subtract(*discount);
    if (!total)
        return failed(tr("The quote's total is too large."));
    const auto margin = total->subtract(*cost);
    if (!margin)
        return failed(tr("The quote's total is too large."));

    t.subtotal = *subtotal;
    t.cost = *cost;
    t.discount = *discount;
    t.total = *total;
    t.margin = *margin;
    t.marginPct = Decimal();
    if (!total->isZero()) {
        // margin / total × 100 at 2 places, one rounding: (margin × 10^4) / total hundredths.
        const Int128 hundredths =
            divideRoundHalfAwayFromZero(Int128(margin->minorUnits()) * 10000, total->minorUnits());
        const auto pct = Decimal::fromMantissa(hundredths * 10000); // 10^6 / 10^2
        if (!pct)
            return failed(tr("The margin cannot be expressed as a percentage."));
        t.marginPct = *pct;
    }
    t.ok = true;
    return t;
}

} // namespace keel::sales
