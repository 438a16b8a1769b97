#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Customer receipts and allocations, aging, statements, collections, DSO
// (server/receivables/README.md).
void registerReceivablesRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
