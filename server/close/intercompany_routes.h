#pragma once

namespace keel {

class Router;
struct DbConfig;

// GET /close/intercompany (the reconciliation) and GET /close/statements (entity and group
// statements); the intercompany run itself starts through the close's runs.
void registerIntercompanyRoutes(Router &router, const DbConfig &database);

} // namespace keel
