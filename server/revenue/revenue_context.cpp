#include "revenue_context.h"

namespace keel {

void registerRevenueContext(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    // Each part of server/revenue registers its routes here.
    (void)router;
    (void)database;
    (void)workflow;
}

} // namespace keel
