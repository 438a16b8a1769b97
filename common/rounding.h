#pragma once

// The single rounding rule of Keel (DESIGN.md section 4): half away from zero.
// Decimal (multiply, divide, rounded) and Money (multiply, convert, fromDecimal) all round
// through divideRoundHalfAwayFromZero and nothing else.

namespace keel {

using Int128 = __int128;
using UInt128 = unsigned __int128;

// n / d rounded half away from zero: 1/8 at two places (125/1000 -> 13/100), -125/1000 -> -13/100.
// d must not be zero. Exact for every n, d except n == INT128_MIN, which Keel never produces.
Int128 divideRoundHalfAwayFromZero(Int128 n, Int128 d);

// 10^n for 0 <= n <= 38.
Int128 pow10i(int n);

} // namespace keel
