#pragma once

namespace keel {

class Router;
struct DbConfig;

// The models' registry routes, training runs (on demand and on a schedule, claimable by any
// server) and the model store (README.md, "Models and training").
void registerInsightsPlatformRoutes(Router &router, const DbConfig &database);

} // namespace keel
