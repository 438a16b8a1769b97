#include "receivables_routes.h"

namespace keel {

void registerReceivablesRoutes(Router & /*router*/, const DbConfig & /*database*/, WorkflowService & /*workflow*/) {}

} // namespace keel
