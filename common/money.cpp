#include "money.h"

#include "fixed_point.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace keel {

namespace {
constexpr qint64 MaxMinor = std::numeric_limits<qint64>::max();

ValueError overflow()
{
    return valueError(ValueErrorCode::OutOfRange, QStringLiteral("money amount out of range"));
}

ValueError noCurrency()
{
    return valueError(ValueErrorCode::InvalidCurrency, QStringLiteral("amount has no currency"));
}

ValueError badWeights(const QString &why)
{
    return valueError(ValueErrorCode::InvalidWeights, why);
}

// floor(x * y / z) and its remainder, for y <= z < 2^126, without 256-bit arithmetic.
// Invariant after each bit: (prefix of x) * y == q * z + r, r < z.
void mulDivRem(quint64 x, UInt128 y, UInt128 z, quint64 &q, UInt128 &r)
{
    q = 0;
    r = 0;
    for (int bit = 63; bit >= 0; --bit) {
        q <<= 1;
        r <<= 1; // r < z < 2^126
        if ((x >> bit) & 1u)
            r += y; // < 3z < 2^128
        while (r >= z) {
            r -= z;
            ++q;
        }
    }
}

// Largest remainder over non-negative weights (already validated, sum in (0, 2^126)).
QList<Money> allocateImpl(qint64 total, const Currency &currency, const std::vector<UInt128> &w,
                          UInt128 sum)
{
    const bool negative = total < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(total) : quint64(total);
    const size_t n = w.size();
    std::vector<quint64> base(n);
    std::vector<UInt128> rem(n);
    quint64 given = 0;
    for (size_t i = 0; i < n; ++i) {
        mulDivRem(magnitude, w[i], sum, base[i], rem[i]);
        given += base[i];
    }
    quint64 leftover = magnitude - given; // < number of non-zero remainders
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&rem](size_t a, size_t b) { return rem[a] > rem[b]; });
    for (size_t k = 0; k < n && leftover > 0; ++k, --leftover)
        ++base[order[k]];
    QList<Money> parts;
    parts.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i) {
        const qint64 v = qint64(base[i]); // <= magnitude <= INT64_MAX
        parts.append(Money::fromMinor(negative ? -v : v, currency).value());
    }
    return parts;
}
} // namespace

Result<Money> Money::checked(Int128 minor, const Currency &currency)
{
    if (!currency.isValid())
        return noCurrency();
    if (minor > MaxMinor || minor < -Int128(MaxMinor))
        return overflow();
    return Money(qint64(minor), currency);
}

Result<Money> Money::fromMinor(qint64 minorUnits, const Currency &currency)
{
    return checked(minorUnits, currency);
}

Result<Money> Money::parse(QStringView amount, const Currency &currency)
{
    if (!currency.isValid())
        return noCurrency();
    Result<Int128> m = detail::parseFixed(amount, currency.minorUnits(), MaxMinor);
    if (!m)
        return m.error();
    return Money(qint64(*m), currency);
}

Result<Money> Money::parse(QStringView amount, QStringView currencyCode)
{
    Result<Currency> c = Currency::fromCode(currencyCode);
    if (!c)
        return c.error();
    return parse(amount, *c);
}

Result<Money> Money::fromDecimal(const Decimal &amount, const Currency &currency)
{
    if (!currency.isValid())
        return noCurrency();
    // |mantissa| <= 10^30, times 10^3 at most: fits in 128 bits.
    const Int128 n = amount.mantissa() * pow10i(currency.minorUnits());
    return checked(divideRoundHalfAwayFromZero(n, Decimal::ScaleFactor), currency);
}

Result<Money> Money::sum(const QList<Money> &amounts, const Currency &currency)
{
    Result<Money> acc = Money::fromMinor(0, currency);
    for (const Money &m : amounts) {
        if (!acc)
            break;
        acc = acc->add(m);
    }
    return acc;
}

QString Money::toString() const
{
    return detail::formatFixed(minor_, currency_.minorUnits(), currency_.minorUnits());
}

Decimal Money::toDecimal() const
{
    // |minor| < 9.3e18, times 10^6 at most: within Decimal's 10^30 mantissa range.
    const Int128 m = Int128(minor_) * pow10i(Decimal::Scale - currency_.minorUnits());
    return Decimal::fromMantissa(m).value();
}

Result<Money> Money::sameCurrency(const Money &other) const
{
    if (!isValid() || !other.isValid())
        return noCurrency();
    if (!(currency_ == other.currency_))
        return valueError(ValueErrorCode::CurrencyMismatch,
                          QStringLiteral("cannot combine %1 and %2")
                              .arg(currency_.code(), other.currency_.code()));
    return *this;
}

Result<Money> Money::add(const Money &other) const
{
    if (Result<Money> ok = sameCurrency(other); !ok)
        return ok;
    return checked(Int128(minor_) + other.minor_, currency_);
}

Result<Money> Money::subtract(const Money &other) const
{
    if (Result<Money> ok = sameCurrency(other); !ok)
        return ok;
    return checked(Int128(minor_) - other.minor_, currency_);
}

Result<Money> Money::multiply(const Decimal &factor) const
{
    if (!isValid())
        return noCurrency();
    Int128 product;
    // Overflow of the raw product means |result| >= 1.7e38 / 1e6, far beyond int64.
    if (__builtin_mul_overflow(Int128(minor_), factor.mantissa(), &product))
        return overflow();
    return checked(divideRoundHalfAwayFromZero(product, Decimal::ScaleFactor), currency_);
}

Result<Money> Money::convert(const Decimal &rate, const Currency &to) const
{
    if (!isValid() || !to.isValid())
        return noCurrency();
    // minor_to = minor * rate * 10^b / (10^a * 10^6), a/b = source/target minor units.
    Int128 n;
    if (__builtin_mul_overflow(Int128(minor_), rate.mantissa(), &n) ||
        __builtin_mul_overflow(n, pow10i(to.minorUnits()), &n))
        return overflow(); // |result| >= 1.7e38 / 1e9, far beyond int64
    const Int128 d = pow10i(currency_.minorUnits()) * Decimal::ScaleFactor;
    return checked(divideRoundHalfAwayFromZero(n, d), to);
}

Result<QList<Money>> Money::allocate(const QList<qint64> &weights) const
{
    if (!isValid())
        return noCurrency();
    if (weights.isEmpty())
        return badWeights(QStringLiteral("no weights to allocate over"));
    std::vector<UInt128> w;
    w.reserve(size_t(weights.size()));
    UInt128 sum = 0;
    for (qint64 x : weights) {
        if (x < 0)
            return badWeights(QStringLiteral("negative allocation weight"));
        w.push_back(UInt128(x));
        sum += UInt128(x); // each < 2^63; 2^63 of them would still stay below 2^126
    }
    if (sum == 0)
        return badWeights(QStringLiteral("all allocation weights are zero"));
    return allocateImpl(minor_, currency_, w, sum);
}

Result<QList<Money>> Money::allocate(const QList<Decimal> &weights) const
{
    if (!isValid())
        return noCurrency();
    if (weights.isEmpty())
        return badWeights(QStringLiteral("no weights to allocate over"));
    std::vector<UInt128> w;
    w.reserve(size_t(weights.size()));
    const UInt128 limit = UInt128(1) << 126;
    UInt128 sum = 0;
    for (const Decimal &x : weights) {
        if (x.isNegative())
            return badWeights(QStringLiteral("negative allocation weight"));
        w.push_back(UInt128(x.mantissa()));
        sum += UInt128(x.mantissa()); // each <= 10^30 < 2^100
        if (sum >= limit)
            return badWeights(QStringLiteral("allocation weights too large"));
    }
    if (sum == 0)
        return badWeights(QStringLiteral("all allocation weights are zero"));
    return allocateImpl(minor_, currency_, w, sum);
}

} // namespace keel
