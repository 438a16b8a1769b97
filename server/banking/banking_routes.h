#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Bank accounts, statement import and reconciliation (server/receivables/README.md).
void registerBankingRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
