#include "timeexpense_context.h"

#include "expense_routes.h"
#include "sync_routes.h"
#include "time_routes.h"

namespace keel {

// Each part of the context registers its routes here (time, expenses and vendors, sync).
void registerTimeExpenseContext(Router &router, const DbConfig &database,
                                WorkflowService & /*workflow*/, DomainEvents & /*events*/)
{
    registerTimeRoutes(router, database);
    registerExpenseRoutes(router, database);
    registerSyncRoutes(router, database);
}

} // namespace keel
