#include "decimal.h"

#include "fixed_point.h"

#include <algorithm>

namespace keel {

namespace {
ValueError overflow()
{
    return valueError(ValueErrorCode::OutOfRange,
                      QStringLiteral("decimal result out of range (|value| <= 10^24)"));
}
} // namespace

Result<Decimal> Decimal::checked(Int128 m)
{
    if (m > MaxMantissa || m < -MaxMantissa)
        return overflow();
    return Decimal(m);
}

Result<Decimal> Decimal::fromMantissa(Int128 mantissa)
{
    return checked(mantissa);
}

Result<Decimal> Decimal::parse(QStringView text)
{
    Result<Int128> m = detail::parseFixed(text, Scale, MaxMantissa);
    if (!m)
        return m.error();
    return Decimal(*m);
}

QString Decimal::toString(int minDecimals) const
{
    return detail::formatFixed(m_, Scale, std::clamp(minDecimals, 0, Scale));
}

double Decimal::toDouble() const
{
    return double(m_) / double(ScaleFactor);
}

Result<Decimal> Decimal::add(const Decimal &other) const
{
    return checked(m_ + other.m_); // both <= 10^30: the sum cannot overflow 128 bits
}

Result<Decimal> Decimal::subtract(const Decimal &other) const
{
    return checked(m_ - other.m_);
}

Result<Decimal> Decimal::multiply(const Decimal &other) const
{
    Int128 product;
    // If the raw product overflows 128 bits, |result| >= 1.7e38 / 1e6 > MaxMantissa anyway.
    if (__builtin_mul_overflow(m_, other.m_, &product))
        return overflow();
    return checked(divideRoundHalfAwayFromZero(product, ScaleFactor));
}

Result<Decimal> Decimal::divide(const Decimal &other) const
{
    if (other.m_ == 0)
        return valueError(ValueErrorCode::DivisionByZero, QStringLiteral("division by zero"));
    // m_ * 10^6 <= 10^36 fits in 128 bits.
    return checked(divideRoundHalfAwayFromZero(m_ * ScaleFactor, other.m_));
}

Decimal Decimal::rounded(int places) const
{
    const Int128 step = pow10i(Scale - std::clamp(places, 0, Scale));
    return Decimal(divideRoundHalfAwayFromZero(m_, step) * step);
}

} // namespace keel
