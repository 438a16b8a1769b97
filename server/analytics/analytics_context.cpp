#include "analytics_context.h"

#include "analytics_routes.h"
#include "revenue_snapshot_routes.h"

namespace keel {

void registerAnalyticsContext(Router &router, const DbConfig &database)
{
    registerAnalyticsRoutes(router, database);
    registerForecastSnapshotRoutes(router, database);
}

} // namespace keel
