#include "analytics_catalogue.h"

namespace keel {

QList<MetricDefinition> financeMetrics()
{
    return {};
}

QList<AnalyticsFact> financeFacts()
{
    return {};
}

} // namespace keel
