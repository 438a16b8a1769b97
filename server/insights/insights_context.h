#pragma once

namespace keel {

class Router;
struct DbConfig;

// Insights: transparent models trained on the firm's own history, explained and backtested
// (server/insights/README.md).
void registerInsightsContext(Router &router, const DbConfig &database);

} // namespace keel
