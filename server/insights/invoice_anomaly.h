#pragma once

namespace keel {

class Router;
struct DbConfig;

// Invoice anomalies (README.md, "invoice_anomaly"). The model's spec is invoiceAnomalyModel() in
// insights_model.h.
void registerInvoiceAnomalyRoutes(Router &router, const DbConfig &database);

} // namespace keel
