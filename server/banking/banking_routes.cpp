#include "banking_routes.h"

namespace keel {

void registerBankingRoutes(Router & /*router*/, const DbConfig & /*database*/, WorkflowService & /*workflow*/) {}

} // namespace keel
