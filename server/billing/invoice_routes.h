#pragma once

namespace keel {

class Router;
class WorkflowService;
struct DbConfig;

// Invoices and credit notes: review, approval, issue, PDF (server/billing/README.md).
void registerInvoiceRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
