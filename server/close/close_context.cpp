#include "close_context.h"

#include "close_routes.h"
#include "fx_revaluation_routes.h"
#include "intercompany_routes.h"

namespace keel {

void registerCloseContext(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    // Each part of server/close registers its routes here (checklist, FX revaluation,
    // intercompany and consolidation).
    registerCloseRoutes(router, database, workflow);
    registerFxRevaluationRoutes(router, database);
    registerIntercompanyRoutes(router, database);
    (void)router;
    (void)database;
    (void)workflow;
}

} // namespace keel
