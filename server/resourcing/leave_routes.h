#pragma once

#include <memory>

namespace keel {

class Router;
class LeaveService;

// /api/v1/resourcing/leave…, /api/v1/resourcing/holidays
void registerLeaveRoutes(Router &router, std::shared_ptr<const LeaveService> service);

} // namespace keel
