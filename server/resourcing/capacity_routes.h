#pragma once

#include "db/database.h"

namespace keel {

class Router;

// GET /api/v1/resourcing/capacity, /api/v1/resourcing/bench and
// /api/v1/resourcing/requests/{id}/suggestions (ResourcingUse, legal-entity scope).
void registerCapacityRoutes(Router &router, const DbConfig &database);

} // namespace keel
