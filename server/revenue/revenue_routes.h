#pragma once

namespace keel {

class Router;
struct DbConfig;

// /revenue/runs, /revenue/obligations, /revenue/contracts/{id}/schedule, /revenue/forecast.
void registerRevenueRoutes(Router &router, const DbConfig &database);

} // namespace keel
