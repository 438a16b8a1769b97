#pragma once

namespace keel {

class Router;
struct DbConfig;

// GET /analytics/metrics, /analytics/metrics/{name}, /analytics/metrics/{name}/records.
void registerAnalyticsRoutes(Router &router, const DbConfig &database);

} // namespace keel
