#include "revenue_context.h"

#include "revenue_routes.h"

namespace keel {

void registerRevenueContext(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    (void)workflow; // revenue has no approvals
    registerRevenueRoutes(router, database);
}

} // namespace keel
