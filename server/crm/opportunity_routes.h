#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// The selling side of crm under /api/v1/crm: job roles and their cost rates, catalogue (service
// lines, offerings), opportunity stages, opportunities + pipeline board, rate cards and client
// rates, quotes. Also registers the "quote" state machine and its approval handler.
void registerCrmSalesRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
