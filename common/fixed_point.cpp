#include "fixed_point.h"

#include <algorithm>

namespace keel::detail {

Result<Int128> parseFixed(QStringView text, int scale, Int128 maxAbsMantissa)
{
    const auto bad = [&text] {
        return valueError(ValueErrorCode::InvalidFormat,
                          QStringLiteral("'%1' is not a decimal number").arg(text));
    };
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool negative = false;
    if (i < n && text[i] == u'-') {
        negative = true;
        ++i;
    }
    Int128 mantissa = 0;
    const auto tooBig = [&text] {
        return valueError(ValueErrorCode::OutOfRange,
                          QStringLiteral("'%1' is out of range").arg(text));
    };
    qsizetype intDigits = 0;
    for (; i < n && text[i] >= u'0' && text[i] <= u'9'; ++i, ++intDigits) {
        mantissa = mantissa * 10 + (text[i].unicode() - u'0');
        if (mantissa > maxAbsMantissa) // also keeps the accumulator far from overflow
            return tooBig();
    }
    if (intDigits == 0)
        return bad();
    int fracDigits = 0;
    if (i < n && text[i] == u'.') {
        ++i;
        for (; i < n && text[i] >= u'0' && text[i] <= u'9'; ++i) {
            if (++fracDigits > scale)
                return valueError(
                    ValueErrorCode::TooManyDecimals,
                    QStringLiteral("'%1' has more than %2 decimal places").arg(text).arg(scale));
            mantissa = mantissa * 10 + (text[i].unicode() - u'0');
        }
        if (fracDigits == 0)
            return bad();
    }
    if (i != n)
        return bad();
    // Scale up the remaining places one by one so that the range check cannot be skipped.
    for (int k = fracDigits; k < scale; ++k) {
        mantissa *= 10;
        if (mantissa > maxAbsMantissa)
            return tooBig();
    }
    if (mantissa > maxAbsMantissa)
        return tooBig();
    return negative ? -mantissa : mantissa;
}

QString formatFixed(Int128 mantissa, int scale, int minDecimals)
{
    const bool negative = mantissa < 0;
    UInt128 u = negative ? UInt128(0) - UInt128(mantissa) : UInt128(mantissa);
    // Digits, least significant first, with at least scale + 1 of them.
    QString digits;
    do {
        digits.append(QChar(u'0' + int(u % 10)));
        u /= 10;
    } while (u != 0);
    while (digits.size() < scale + 1)
        digits.append(u'0');
    std::reverse(digits.begin(), digits.end());
    QString intPart = digits.left(digits.size() - scale);
    QString frac = digits.right(scale);
    int keep = scale;
    while (keep > minDecimals && frac[keep - 1] == u'0')
        --keep;
    frac.truncate(keep);
    QString out;
    if (negative)
        out.append(u'-');
    out.append(intPart);
    if (!frac.isEmpty()) {
        out.append(u'.');
        out.append(frac);
    }
    return out;
}

} // namespace keel::detail
