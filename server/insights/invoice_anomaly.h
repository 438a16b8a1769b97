#pragma once

#include "invoice_anomaly_detect.h"

#include <QList>
#include <QSqlDatabase>

#include <vector>

namespace keel {

class Router;
struct DbConfig;

// Invoice anomalies (README.md, "invoice_anomaly"). The model's spec is invoiceAnomalyModel() in
// insights_model.h.
void registerInvoiceAnomalyRoutes(Router &router, const DbConfig &database);

// The current model's checks of the draft invoices of the entities (one draft when invoiceId),
// every draft with its flags (possibly none), in id order. Empty without a trained model.
std::vector<InvoiceAnomalyScored>
currentInvoiceAnomalies(QSqlDatabase db, const QList<qint64> &entityIds, qint64 invoiceId = 0);

} // namespace keel
