#include "analytics_catalogue.h"

namespace keel {

QList<MetricDefinition> salesMetrics()
{
    return {};
}

QList<AnalyticsFact> salesFacts()
{
    return {};
}

} // namespace keel
