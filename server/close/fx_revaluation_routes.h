#pragma once

namespace keel {

class Router;
struct DbConfig;

// The FX revaluation's own read; the run itself is started through the close's
// /runs/fx_revaluation (close_*), which calls revalueForeignCurrency (fx_revaluation.h).
void registerFxRevaluationRoutes(Router &router, const DbConfig &database);

} // namespace keel
