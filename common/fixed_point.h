#pragma once

// Internal helpers shared by Decimal and Money: strict parsing and lossless formatting of
// fixed-point numbers. Not part of the public API; use Decimal and Money.

#include "result.h"
#include "rounding.h"

#include <QString>
#include <QStringView>

namespace keel::detail {

// Parses -?[0-9]+(\.[0-9]{1,scale})? into a mantissa at `scale` places with
// |mantissa| <= maxAbsMantissa. No spaces, signs '+', exponents, separators or empty parts.
Result<Int128> parseFixed(QStringView text, int scale, Int128 maxAbsMantissa);

// Formats mantissa / 10^scale with at least minDecimals and at most `scale` fraction digits,
// dropping trailing zeros beyond minDecimals.
QString formatFixed(Int128 mantissa, int scale, int minDecimals);

} // namespace keel::detail
