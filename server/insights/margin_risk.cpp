#include "margin_risk.h"

#include "insights_model.h"

namespace keel {

// Placeholder until its author lands the model: training reports that it is not built.
InsightsModelSpec marginRiskModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("margin_risk");
    spec.title = QStringLiteral("Margin-risk alerts");
    spec.train = [](QSqlDatabase, QDate, const InsightsProgress &) {
        InsightsTrained t;
        t.error = QStringLiteral("not built yet");
        return t;
    };
    return spec;
}

void registerMarginRiskRoutes(Router &, const DbConfig &) {}

} // namespace keel
