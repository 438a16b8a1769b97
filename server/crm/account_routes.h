#pragma once

#include "db/database.h"

namespace keel {

class Router;

// /api/v1/crm/accounts, contacts, activities and leads (SalesUse, scope legal_entity).
void registerCrmAccountRoutes(Router &router, const DbConfig &database);

} // namespace keel
