#pragma once

namespace keel {

class DomainEvents;
class Router;
class WorkflowService;
struct DbConfig;

// Time entries and timesheets, expenses and expense reports, subcontractor costs, and the
// offline-sync protocol that carries a consultant's time and expenses (server/timeexpense).
void registerTimeExpenseContext(Router &router, const DbConfig &database, WorkflowService &workflow,
                                DomainEvents &events);

} // namespace keel
