#include "collections_forecast.h"

#include "insights_model.h"

namespace keel {

// Placeholder until its author lands the model: training reports that it is not built.
InsightsModelSpec collectionsModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("collections");
    spec.title = QStringLiteral("Collections prediction");
    spec.train = [](QSqlDatabase, QDate, const InsightsProgress &) {
        InsightsTrained t;
        t.error = QStringLiteral("not built yet");
        return t;
    };
    return spec;
}

void registerCollectionsRoutes(Router &, const DbConfig &) {}

} // namespace keel
