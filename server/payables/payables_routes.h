#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Vendor payments, payables aging and the finance list of bills (server/receivables/README.md).
void registerPayablesRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
