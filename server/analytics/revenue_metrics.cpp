#include "analytics_catalogue.h"

namespace keel {

QList<MetricDefinition> revenueMetrics()
{
    return {};
}

QList<AnalyticsFact> revenueFacts()
{
    return {};
}

} // namespace keel
