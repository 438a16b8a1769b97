#include "billing_context.h"

#include "banking/banking_routes.h"
#include "billing_run_routes.h"
#include "invoice_routes.h"
#include "payables/payables_routes.h"
#include "receivables/receivables_routes.h"

namespace keel {

void registerBillingContext(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    registerBillingRunRoutes(router, database, workflow);
    registerInvoiceRoutes(router, database, workflow);
    registerReceivablesRoutes(router, database, workflow);
    registerPayablesRoutes(router, database, workflow);
    registerBankingRoutes(router, database, workflow);
}

} // namespace keel
