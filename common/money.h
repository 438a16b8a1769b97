#pragma once

#include "currency.h"
#include "decimal.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <compare>

namespace keel {

// An amount of money: int64 minor units (cents) plus its Currency. Never a float.
//
// Range: |minorUnits| <= INT64_MAX (INT64_MIN is excluded so that negation cannot fail).
// Every fallible operation returns Result (see result.h), with ValueErrorCode::OutOfRange,
// CurrencyMismatch, InvalidCurrency, InvalidFormat, TooManyDecimals or InvalidWeights; nothing
// throws and nothing wraps around. Rounding is half away from zero at the minor unit, through
// keel::divideRoundHalfAwayFromZero (shared with Decimal).
//
// A default-constructed Money has no currency (isValid() == false); arithmetic on it fails.
class Money
{
public:
    Money() = default;

    static Money zero(const Currency &currency) { return Money(0, currency); }
    // Fails for INT64_MIN or an invalid currency.
    static Result<Money> fromMinor(qint64 minorUnits, const Currency &currency);
    // Strict decimal text (as Decimal::parse) with at most currency.minorUnits() places:
    // "1234.50" EUR -> 123450, "1234.5" EUR -> 123450, "1234.505" EUR -> TooManyDecimals,
    // "12.0" JPY -> TooManyDecimals. Never rounds.
    static Result<Money> parse(QStringView amount, const Currency &currency);
    static Result<Money> parse(QStringView amount, QStringView currencyCode);
    // Rounds an exact decimal to the currency's minor unit (half away from zero).
    static Result<Money> fromDecimal(const Decimal &amount, const Currency &currency);
    // Sum of a list that must all be in `currency` (the result for an empty list is zero).
    static Result<Money> sum(const QList<Money> &amounts, const Currency &currency);

    bool isValid() const { return currency_.isValid(); }
    qint64 minorUnits() const { return minor_; }
    const Currency &currency() const { return currency_; }
    bool isZero() const { return minor_ == 0; }
    bool isNegative() const { return minor_ < 0; }
    bool isPositive() const { return minor_ > 0; }

    // Exactly minorUnits() decimals: "1234.50", "-0.05", JPY "1234", KWD "1.000".
    QString toString() const;
    Decimal toDecimal() const; // exact

    Result<Money> add(const Money &other) const;
    Result<Money> subtract(const Money &other) const;
    Money negated() const { return Money(-minor_, currency_); }
    Money abs() const { return Money(minor_ < 0 ? -minor_ : minor_, currency_); }

    // this × factor (hours, quantity, rate), rounded half away from zero at the minor unit:
    // 0.25 × 0.5 = 0.125 -> 0.13; -0.125 -> -0.13.
    Result<Money> multiply(const Decimal &factor) const;
    // FX: this × rate expressed in `to`, rounded once at the target's minor unit.
    Result<Money> convert(const Decimal &rate, const Currency &to) const;

    // Splits this amount over weights by the largest-remainder method: the parts always sum
    // to exactly this amount (negative amounts too, with every part carrying the sign),
    // a zero weight gets zero, ties go to the earlier weight. 100.00 over {1,1,1} ->
    // 33.34, 33.33, 33.33. Fails (InvalidWeights) for an empty list, a negative weight or
    // all-zero weights.
    Result<QList<Money>> allocate(const QList<qint64> &weights) const;
    Result<QList<Money>> allocate(const QList<Decimal> &weights) const;

    // Equal when amount and currency are equal. Amounts in different currencies are
    // unordered: a < b, a > b and a == b are all false.
    friend bool operator==(const Money &, const Money &) = default;
    friend std::partial_ordering operator<=>(const Money &a, const Money &b)
    {
        if (!(a.currency_ == b.currency_))
            return std::partial_ordering::unordered;
        return a.minor_ <=> b.minor_;
    }

private:
    Money(qint64 minor, const Currency &currency) : minor_(minor), currency_(currency) {}
    static Result<Money> checked(Int128 minor, const Currency &currency);
    Result<Money> sameCurrency(const Money &other) const;

    qint64 minor_ = 0;
    Currency currency_;
};

} // namespace keel
