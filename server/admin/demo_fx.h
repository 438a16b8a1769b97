#pragma once

// The demo firm's exchange rates (demo_expenses.cpp for the history, demo_close.cpp for the
// months before it): one random walk of EUR/USD and GBP/USD in integers of 1e-10, and the other
// four directions derived from it, so that inverses and the cross rate agree on every day.

#include "demo_names.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <utility>

namespace keel::demo {

inline constexpr qint64 RateScale = 10'000'000'000LL;      // fx_rates: 10 decimals
inline constexpr qint64 EurUsdLevel = 10800LL * 1'000'000; // 1.08
inline constexpr qint64 GbpUsdLevel = 12700LL * 1'000'000; // 1.27

// a × b / scale, rounded half away from zero (all operands positive here).
inline qint64 mulDiv(qint64 a, qint64 b, qint64 scale)
{
    const __int128 p = __int128(a) * b;
    return qint64((p + scale / 2) / scale);
}

// A rate in units of 1e-10 as the numeric(20, 10) text.
inline QString rateText(qint64 units)
{
    return QStringLiteral("%1.%2")
        .arg(units / RateScale)
        .arg(units % RateScale, 10, 10, QLatin1Char('0'));
}

// One day of the walk: a step of at most ±0.3 % that drifts back to its level.
inline qint64 fxStep(SplitMix64 &rng, qint64 rate, qint64 level)
{
    const qint64 noise = qint64(rng.below(6001)) - 3000; // parts per million
    return rate + qint64(__int128(rate) * noise / 1'000'000) + (level - rate) / 40;
}

// The six directions of a day ("FROM TO", rate) from its EUR/USD and GBP/USD.
inline std::array<std::pair<const char *, qint64>, 6> fxDay(qint64 eurUsd, qint64 gbpUsd)
{
    const qint64 eurGbp = mulDiv(eurUsd, RateScale, gbpUsd);
    return {{
        {"EUR USD", eurUsd},
        {"USD EUR", mulDiv(RateScale, RateScale, eurUsd)},
        {"GBP USD", gbpUsd},
        {"USD GBP", mulDiv(RateScale, RateScale, gbpUsd)},
        {"EUR GBP", eurGbp},
        {"GBP EUR", mulDiv(RateScale, RateScale, eurGbp)},
    }};
}

} // namespace keel::demo
