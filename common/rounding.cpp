#include "rounding.h"

namespace keel {

namespace {
UInt128 absU(Int128 v)
{
    return v < 0 ? UInt128(0) - UInt128(v) : UInt128(v);
}
} // namespace

Int128 divideRoundHalfAwayFromZero(Int128 n, Int128 d)
{
    const bool negative = (n < 0) != (d < 0);
    const UInt128 un = absU(n);
    const UInt128 ud = absU(d);
    UInt128 q = un / ud;
    const UInt128 r = un % ud;
    if (r >= ud - r) // r / d >= 1/2, written so that 2 * r cannot overflow
        ++q;
    return negative ? -Int128(q) : Int128(q);
}

Int128 pow10i(int n)
{
    Int128 p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

} // namespace keel
