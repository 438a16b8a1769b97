#pragma once

namespace keel {

class Router;
struct DbConfig;

// /api/v1/time: own entries (create, edit, delete, adjust), weeks and their submission, the
// project managers' approvals inbox and decisions, and the missing-time list (README "Time").
void registerTimeRoutes(Router &router, const DbConfig &config);

} // namespace keel
