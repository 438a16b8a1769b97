#pragma once

#include "db/database.h"

namespace keel {

class Router;

void registerAuditRoutes(Router &router, const DbConfig &database);

} // namespace keel
