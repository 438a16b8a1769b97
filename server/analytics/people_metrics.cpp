#include "analytics_catalogue.h"

namespace keel {

QList<MetricDefinition> peopleMetrics()
{
    return {};
}

QList<AnalyticsFact> peopleFacts()
{
    return {};
}

} // namespace keel
