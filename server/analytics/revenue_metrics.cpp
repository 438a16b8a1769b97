#include "analytics_catalogue.h"
#include "revenue_billing_sql.h"
#include "revenue_family.h"

namespace keel {

QList<MetricDefinition> revenueMetrics()
{
    using namespace revenue_analytics;
    return {revenueVsForecastMetric(), forecastAccuracyMetric(), writeOffRateMetric(),
            invoiceCycleTimeMetric(), milestonesDueMetric()};
}

QList<AnalyticsFact> revenueFacts()
{
    return {revenue_analytics::billingMonthFact()};
}

} // namespace keel
