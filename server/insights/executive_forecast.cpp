#include "executive_forecast.h"

#include "insights_model.h"

namespace keel {

// Placeholder until its author lands the model: training reports that it is not built.
InsightsModelSpec executiveForecastModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("executive_forecast");
    spec.title = QStringLiteral("Executive forecast");
    spec.train = [](QSqlDatabase, QDate, const InsightsProgress &) {
        InsightsTrained t;
        t.error = QStringLiteral("not built yet");
        return t;
    };
    return spec;
}

void registerExecutiveForecastRoutes(Router &, const DbConfig &) {}

} // namespace keel
