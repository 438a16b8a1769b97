#include "analytics_context.h"

#include "analytics_routes.h"

namespace keel {

void registerAnalyticsContext(Router &router, const DbConfig &database)
{
    registerAnalyticsRoutes(router, database);
}

} // namespace keel
