#include "quote_pricing.h"

#include "rounding.h"

namespace keel::pricing {

namespace {
ValueError fail(const char *code, const QString &message)
{
    return valueError(code, message);
}
} // namespace

Result<Money> extend(const Decimal &hours, const Decimal &rate, const Currency &currency)
{
    if (!currency.isValid())
        return fail(ValueErrorCode::InvalidCurrency, QStringLiteral("no currency"));
    // Both operands carry 6 places: the product has 12. Bounded so that it fits in 128 bits.
    const Int128 limit = Int128(1'000'000'000'000'000'000); // 10^18 mantissa = 10^12 units
    if (hours.abs().mantissa() > limit || rate.abs().mantissa() > limit)
        return fail(ValueErrorCode::OutOfRange, QStringLiteral("hours or rate out of range"));
    const Int128 product = hours.mantissa() * rate.mantissa();
    const Int128 minor =
        divideRoundHalfAwayFromZero(product, pow10i(2 * Decimal::Scale - currency.minorUnits()));
    if (minor > Int128(INT64_MAX) || minor < -Int128(INT64_MAX))
        return fail(ValueErrorCode::OutOfRange, QStringLiteral("amount out of range"));
    return Money::fromMinor(qint64(minor), currency);
}

std::optional<Decimal> percentOf(const Money &part, const Money &whole)
{
    if (whole.isZero())
        return std::nullopt;
    // Hundredths of a percent: part × 10000 / whole, one rounding.
    const Int128 hundredths =
        divideRoundHalfAwayFromZero(Int128(part.minorUnits()) * 10000, whole.minorUnits());
    const auto d = Decimal::fromMantissa(hundredths * 10000);
    if (!d)
        return std::nullopt;
    return *d;
}

Result<Totals> price(const Currency &currency, const QList<Line> &lines, const Decimal &discountPct)
{
    if (!currency.isValid())
        return fail(ValueErrorCode::InvalidCurrency, QStringLiteral("no currency"));
    if (discountPct.isNegative() || discountPct > Decimal::fromInt(100))
        return fail(ValueErrorCode::OutOfRange, QStringLiteral("discount must be 0 to 100 %"));
    if (discountPct.mantissa() % 100 != 0)
        return fail(ValueErrorCode::TooManyDecimals,
                    QStringLiteral("discount has at most 4 decimal places"));

    Totals t;
    t.list = Money::zero(currency);
    t.cost = Money::zero(currency);
    for (const Line &line : lines) {
        PricedLine p;
        if (line.kind == Line::Kind::Role) {
            if (line.hours.isNegative() || line.billRate.isNegative() || line.costRate.isNegative())
                return fail(ValueErrorCode::OutOfRange,
                            QStringLiteral("hours and rates cannot be negative"));
            auto list = extend(line.hours, line.billRate, currency);
            if (!list)
                return list.error();
            auto cost = extend(line.hours, line.costRate, currency);
            if (!cost)
                return cost.error();
            p.list = *list;
            p.cost = *cost;
        } else {
            if (!(line.fixedPrice.currency() == currency) ||
                (line.fixedCost && !(line.fixedCost->currency() == currency)))
                return fail(ValueErrorCode::CurrencyMismatch,
                            QStringLiteral("a fixed-price item is not in %1").arg(currency.code()));
            p.list = line.fixedPrice;
            p.cost = line.fixedCost.value_or(Money::zero(currency));
        }
        auto list = t.list.add(p.list);
        if (!list)
            return list.error();
        auto cost = t.cost.add(p.cost);
        if (!cost)
            return cost.error();
        t.list = *list;
        t.cost = *cost;
        t.lines.append(p);
    }
    // pct / 100 is exact: pct has at most 4 places, the factor at most 6.
    const auto factor = discountPct.divide(Decimal::fromInt(100));
    if (!factor)
        return factor.error();
    auto discount = t.list.multiply(*factor);
    if (!discount)
        return discount.error();
    t.discount = *discount;
    auto net = t.list.subtract(t.discount);
    if (!net)
        return net.error();
    t.net = *net;
    auto margin = t.net.subtract(t.cost);
    if (!margin)
        return margin.error();
    t.margin = *margin;
    t.marginPct = percentOf(t.margin, t.net);
    return t;
}

} // namespace keel::pricing
