#pragma once

#include "result.h"
#include "rounding.h"

#include <QString>
#include <QStringView>

#include <compare>

namespace keel {

// An exact fixed-point decimal for rates, quantities and FX rates: a 128-bit integer mantissa
// with exactly 6 decimal places (value = mantissa / 10^6).
//
// Range: |value| <= 10^24 (|mantissa| <= 10^30), far beyond the required ±9e12. Every
// operation that could leave that range or lose digits returns Result with an error
// (ValueErrorCode::OutOfRange, InvalidFormat, TooManyDecimals, DivisionByZero); nothing throws.
// Multiplication and division round half away from zero to 6 places (keel::
// divideRoundHalfAwayFromZero, the one rounding rule shared with Money).
class Decimal
{
public:
    static constexpr int Scale = 6;
    static constexpr Int128 ScaleFactor = 1'000'000;
    static constexpr Int128 MaxMantissa = Int128(1'000'000'000'000'000) * 1'000'000'000'000'000;

    constexpr Decimal() = default; // zero

    // Always representable: |qint64| < 10^19 < 10^24.
    static Decimal fromInt(qint64 value) { return Decimal(Int128(value) * ScaleFactor); }
    // value = mantissa / 10^6; fails when |mantissa| > MaxMantissa.
    static Result<Decimal> fromMantissa(Int128 mantissa);
    // Strict: -?[0-9]+(\.[0-9]{1,6})?  ("12", "-0.5", "1234.567890"). Rejects "", " 1", "+1",
    // "1e5", "1,5", "1.", ".5", a 7th decimal place (TooManyDecimals) and |value| > 10^24.
    static Result<Decimal> parse(QStringView text);

    Int128 mantissa() const { return m_; }
    bool isZero() const { return m_ == 0; }
    bool isNegative() const { return m_ < 0; }
    bool isPositive() const { return m_ > 0; }
    int sign() const { return m_ < 0 ? -1 : (m_ > 0 ? 1 : 0); }

    // Lossless, no trailing zero noise: "1.5", "-0.000001", "12", "0".
    QString toString() const { return toString(0); }
    // At least minDecimals (clamped to 0..6) places: toString(2) of 1.5 is "1.50".
    QString toString(int minDecimals) const;
    // For charts only; never for money.
    double toDouble() const;

    Result<Decimal> add(const Decimal &other) const;
    Result<Decimal> subtract(const Decimal &other) const;
    Result<Decimal> multiply(const Decimal &other) const; // rounded half away from zero
    Result<Decimal> divide(const Decimal &other) const;   // rounded half away from zero
    Decimal negated() const { return Decimal(-m_); }      // range is symmetric: cannot fail
    Decimal abs() const { return Decimal(m_ < 0 ? -m_ : m_); }
    // Rounded to `places` (clamped to 0..6) decimal places, half away from zero. Cannot fail:
    // MaxMantissa is a multiple of every 10^k, k <= 6.
    Decimal rounded(int places) const;

    friend bool operator==(const Decimal &, const Decimal &) = default;
    friend std::strong_ordering operator<=>(const Decimal &a, const Decimal &b)
    {
        return a.m_ <=> b.m_;
    }

private:
    constexpr explicit Decimal(Int128 m) : m_(m) {}
    static Result<Decimal> checked(Int128 m);

    Int128 m_ = 0;
};

} // namespace keel
