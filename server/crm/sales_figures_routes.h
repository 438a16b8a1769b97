#pragma once

namespace keel {

class Router;
struct DbConfig;

// GET /api/v1/crm/figures/...: weighted pipeline, win rate, bookings, sales cycle and their
// drill-downs (SalesUse, legal-entity scope).
void registerSalesFiguresRoutes(Router &router, const DbConfig &database);

} // namespace keel
