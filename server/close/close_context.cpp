#include "close_context.h"

namespace keel {

void registerCloseContext(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    // Each part of server/close registers its routes here (checklist, FX revaluation,
    // intercompany and consolidation).
    (void)router;
    (void)database;
    (void)workflow;
}

} // namespace keel
