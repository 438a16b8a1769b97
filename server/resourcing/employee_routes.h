#pragma once

#include <memory>

namespace keel {

class Router;
class EmployeeService;

// /api/v1/resourcing/employees…, /api/v1/resourcing/skills
struct DbConfig;

// Everything of resourcing's people part: employees, skills, leave and holidays, resource
// requests, assignments and the planner (registers the leave state machine too).
void registerResourcingPeopleRoutes(Router &router, const DbConfig &config);

void registerEmployeeRoutes(Router &router, std::shared_ptr<const EmployeeService> service);

} // namespace keel
