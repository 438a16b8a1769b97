#include "people_metrics.h"

#include "analytics_catalogue.h"
#include "people_store.h"

namespace keel {

AnalyticsFact personMonthFact()
{
    return {QStringLiteral("person_month"), QStringLiteral("analytics_person_month"),
            rebuildPersonMonths};
}

QList<MetricDefinition> peopleMetrics()
{
    return {utilisationMetric(), benchMetric()};
}

QList<AnalyticsFact> peopleFacts()
{
    return {personMonthFact()};
}

} // namespace keel
