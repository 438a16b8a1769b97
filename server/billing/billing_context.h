#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Billing, receivables, payables and banking: from approved work to cash. Registers the routes
// of server/billing, server/receivables, server/payables and server/banking.
void registerBillingContext(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
