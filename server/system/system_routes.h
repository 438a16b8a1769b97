#pragma once

#include "db/database.h"

namespace keel {

class Router;

// Health check and the OpenAPI document: the only routes besides sign-in that need no session.
void registerSystemRoutes(Router &router, const DbConfig &database);

} // namespace keel
