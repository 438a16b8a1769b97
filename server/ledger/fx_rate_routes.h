#pragma once

namespace keel {

class Router;
struct DbConfig;

// /fx/rates… and /group: exchange rates by day and the group's settings.
void registerFxRateRoutes(Router &router, const DbConfig &database);

} // namespace keel
