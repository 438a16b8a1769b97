#include "invoice_routes.h"

namespace keel {

void registerInvoiceRoutes(Router & /*router*/, const DbConfig & /*database*/, WorkflowService & /*workflow*/) {}

} // namespace keel
