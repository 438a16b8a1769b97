#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace keel {

// Why a value operation failed: a machine-readable code (see ValueErrorCode) and a message
// for people. Value types in common/ never throw and never return garbage: every operation
// that can fail (parsing, overflow, currency mismatch, bad weights) returns a Result.
struct ValueError
{
    QString code;
    QString message;

    bool operator==(const ValueError &) const = default;
};

namespace ValueErrorCode {
inline constexpr auto InvalidFormat = "invalid_format";       // not a number / date / code
inline constexpr auto TooManyDecimals = "too_many_decimals";  // more fraction digits than allowed
inline constexpr auto OutOfRange = "out_of_range";            // overflow or beyond the type's range
inline constexpr auto CurrencyMismatch = "currency_mismatch"; // EUR + USD
inline constexpr auto InvalidCurrency = "invalid_currency";   // unknown or missing currency
inline constexpr auto DivisionByZero = "division_by_zero";
inline constexpr auto InvalidWeights = "invalid_weights"; // allocation: empty, negative, all zero
} // namespace ValueErrorCode

// Either a value or an error (a small std::expected for C++20).
//   Result<Money> r = Money::parse(u"12.50", eur);
//   if (!r) return fail(r.error());
//   Money m = *r;
// Accessing value() of a failed result throws std::bad_variant_access (never garbage).
template <class T, class E = ValueError> class Result
{
public:
    Result(const T &value) : v_(std::in_place_index<0>, value) {}
    Result(T &&value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(const E &error) : v_(std::in_place_index<1>, error) {}
    Result(E &&error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(v_); }
    T &value() & { return std::get<0>(v_); }
    T &&value() && { return std::get<0>(std::move(v_)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(v_) : std::move(fallback); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<1>(v_); }

private:
    std::variant<T, E> v_;
};

inline ValueError valueError(const char *code, const QString &message)
{
    return ValueError{QString::fromLatin1(code), message};
}

} // namespace keel
