#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Revenue recognition: performance obligations, recognition runs, schedules and the forecast.
void registerRevenueContext(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
