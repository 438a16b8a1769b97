#pragma once

namespace keel {

class Router;
struct DbConfig;

// GET /sync/pull, GET /sync/reference, POST /sync/push (README "Sync").
void registerSyncRoutes(Router &router, const DbConfig &database);

} // namespace keel
