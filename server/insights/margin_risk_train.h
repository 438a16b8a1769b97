#pragma once

#include "insights_model.h"

namespace keel {

// Fits the margin-risk rule on the projects finished by `asOf` and backtests it: fitted on those
// finished before asOf − 6 months, replayed weekly on the others (README.md "margin_risk").
InsightsTrained trainMarginRisk(QSqlDatabase db, QDate asOf, const InsightsProgress &progress);

} // namespace keel
