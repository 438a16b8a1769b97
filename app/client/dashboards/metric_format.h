#pragma once

#include <QString>

namespace keel::dashboards {

// Display text of a metric value from its exact decimal text, never through a double:
// money "USD 1,234,567.50", ratio "73.12 %", hours "1,234.5 h", days "45.2 days", count "12".
// Empty for an empty value. Digits are grouped by the locale.
QString formatMetricValue(const QString &value, const QString &unit, const QString &currency);
// Money in a few characters for a label beside a mark: "USD 52.1 m", "USD 815.3 k",
// "USD 420.00"; rounded from the exact decimal (half away from zero), never through a double.
QString formatCompactMoney(const QString &value, const QString &currency);
// The same without the currency (axis titles and headers name it once).
QString formatMetricNumber(const QString &value, const QString &unit);
// "0.7312" -> "73.12": a ratio as percent by moving the decimal point (exact).
QString ratioAsPercent(const QString &ratio);
// What the unit reads as beside an axis: "USD", "%", "hours", "days", "count".
QString unitCaption(const QString &unit, const QString &currency);
// For chart geometry only: the value as qreal (ratios in percent). 0 for empty text.
double chartNumber(const QString &value, const QString &unit);
// "2026-03" -> "Mar 26" for month axes; other keys unchanged.
QString shortMonthLabel(const QString &key, const QString &fallback);

} // namespace keel::dashboards
