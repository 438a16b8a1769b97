#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// The checklist, runs and period states of the month-end close (README "The checklist",
// "Period states").
void registerCloseRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
