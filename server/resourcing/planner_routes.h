#pragma once

#include <memory>

namespace keel {

class Router;
class PlannerService;
class AssignmentService;

// /api/v1/resourcing/planner and /api/v1/resourcing/assignments…
void registerPlannerRoutes(Router &router, std::shared_ptr<const PlannerService> planner);
void registerAssignmentRoutes(Router &router, std::shared_ptr<const AssignmentService> service);

} // namespace keel
