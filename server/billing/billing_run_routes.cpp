#include "billing_run_routes.h"

namespace keel {

void registerBillingRunRoutes(Router & /*router*/, const DbConfig & /*database*/, WorkflowService & /*workflow*/) {}

} // namespace keel
