#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Billing runs and billing exceptions (server/billing/README.md).
void registerBillingRunRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
