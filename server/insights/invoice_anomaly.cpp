#include "invoice_anomaly.h"

#include "insights_model.h"

namespace keel {

// Placeholder until its author lands the model: training reports that it is not built.
InsightsModelSpec invoiceAnomalyModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("invoice_anomaly");
    spec.title = QStringLiteral("Invoice anomalies");
    spec.train = [](QSqlDatabase, QDate, const InsightsProgress &) {
        InsightsTrained t;
        t.error = QStringLiteral("not built yet");
        return t;
    };
    return spec;
}

void registerInvoiceAnomalyRoutes(Router &, const DbConfig &) {}

} // namespace keel
