#pragma once

namespace keel {

class Router;
struct DbConfig;

// Analytics: every metric of DESIGN.md section 8 in one place, with drill-downs and the
// aggregates that keep them fast (server/analytics/README.md).
void registerAnalyticsContext(Router &router, const DbConfig &database);

} // namespace keel
