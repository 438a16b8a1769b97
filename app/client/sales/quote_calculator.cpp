#include "quote_calculator.h"

#include "rounding.h"

#include <QCoreApplication>

namespace keel::sales {

namespace {
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
        return valueError(ValueErrorCode::CurrencyMismatch,
                          QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                      "%1 is not in the quote's currency %2.")
                              .arg(m.currency().code(), currency.code()));
    return m;
}
} // namespace

Result<Money> extendHours(const Decimal &hours, const Decimal &rate, const Currency &currency)
{
    if (!currency.isValid())
        return valueError(ValueErrorCode::InvalidCurrency,
                          QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                      "The quote has no currency."));
    // Both operands carry 6 places, the product 12; bounded so that it fits in 128 bits.
    const Int128 limit = Int128(1'000'000'000'000'000'000);
    if (hours.abs().mantissa() > limit || rate.abs().mantissa() > limit)
        return valueError(ValueErrorCode::OutOfRange,
                          QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                      "Hours or rate out of range."));
    const Int128 minor = divideRoundHalfAwayFromZero(
        hours.mantissa() * rate.mantissa(), pow10i(2 * Decimal::Scale - currency.minorUnits()));
    if (minor > Int128(INT64_MAX) || minor < -Int128(INT64_MAX))
        return valueError(
            ValueErrorCode::OutOfRange,
            QCoreApplication::translate("keel::sales::QuoteCalculator", "Amount out of range."));
    return Money::fromMinor(qint64(minor), currency);
}

QuoteTotals calculateQuote(const QList<QuoteLine> &lines, const Decimal &discountPct,
                           const Currency &currency)
{
    if (!currency.isValid())
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The quote has no currency."));
    if (discountPct.isNegative() || discountPct > Decimal::fromInt(100))
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The discount must be between 0 and 100 %."));

    if (discountPct.mantissa() % 100 != 0)
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The discount has at most 4 decimal places."));

    QuoteTotals t;
    QList<Money> amounts;
    QList<Money> costs;
    int lineNo = 0;
    for (const QuoteLine &line : lines) {
        ++lineNo;
        Money amount = Money::zero(currency);
        Money cost = Money::zero(currency);
        if (line.kind == QuoteLine::Kind::Role) {
            if (line.hours.isNegative() || line.rate.isNegative() || line.costRate.isNegative())
                return failed(
                    QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                "Line %1: hours and rates cannot be negative.")
                        .arg(lineNo));
            const auto a = extendHours(line.hours, line.rate, currency);
            const auto c = extendHours(line.hours, line.costRate, currency);
            if (!a || !c)
                return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                          "Line %1: the amount is too large.")
                                  .arg(lineNo));
            amount = *a;
            cost = *c;
        } else {
            const auto price = orZero(line.price, currency);
            const auto c = orZero(line.cost, currency);
            if (!price || !c)
                return failed(
                    QCoreApplication::translate("keel::sales::QuoteCalculator", "Line %1: %2")
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
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The quote's total is too large."));
    const auto factor = discountPct.divide(Decimal::fromInt(100));
    if (!factor)
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The discount is not a valid percentage."));
    const auto discount = subtotal->multiply(*factor);
    if (!discount)
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The quote's total is too large."));
    const auto total = subtotal->subtract(*discount);
    if (!total)
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The quote's total is too large."));
    const auto margin = total->subtract(*cost);
    if (!margin)
        return failed(QCoreApplication::translate("keel::sales::QuoteCalculator",
                                                  "The quote's total is too large."));

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
            return failed(QCoreApplication::translate(
                "keel::sales::QuoteCalculator", "The margin cannot be expressed as a percentage."));
        t.marginPct = *pct;
    }
    t.ok = true;
    return t;
}

} // namespace keel::sales
