#include "analytics_catalogue.h"

namespace keel {

QList<MetricDefinition> projectMetrics()
{
    return {};
}

QList<AnalyticsFact> projectFacts()
{
    return {};
}

} // namespace keel
