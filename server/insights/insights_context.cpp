#include "insights_context.h"

#include "collections_forecast.h"
#include "executive_forecast.h"
#include "insights_platform.h"
#include "invoice_anomaly.h"
#include "margin_risk.h"
#include "opportunity_score.h"

namespace keel {

void registerInsightsContext(Router &router, const DbConfig &database)
{
    registerInsightsPlatformRoutes(router, database);
    registerOpportunityScoreRoutes(router, database);
    registerMarginRiskRoutes(router, database);
    registerInvoiceAnomalyRoutes(router, database);
    registerCollectionsRoutes(router, database);
    registerExecutiveForecastRoutes(router, database);
}

} // namespace keel
