#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// The month-end close: checklist, runs (FX revaluation, intercompany, accruals), period states
// and reopening, and the consolidated statements.
void registerCloseContext(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
