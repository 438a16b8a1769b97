#include "payables_routes.h"

namespace keel {

void registerPayablesRoutes(Router & /*router*/, const DbConfig & /*database*/, WorkflowService & /*workflow*/) {}

} // namespace keel
