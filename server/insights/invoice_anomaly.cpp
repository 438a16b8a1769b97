#include "invoice_anomaly.h"

#include "invoice_anomaly_service.h"

#include "http/router.h"
#include "insights_model_store.h"
#include "permissions.h"

#include <memory>

namespace keel {

std::vector<InvoiceAnomalyScored>
currentInvoiceAnomalies(QSqlDatabase db, const QList<qint64> &entityIds, qint64 invoiceId)
{
    const auto model = currentInsightsModel(db, QStringLiteral("invoice_anomaly"));
    if (!model)
        return {};
    InvoiceAnomalyTargets targets;
    targets.entityIds = entityIds;
    targets.invoiceId = invoiceId;
    return scoreInvoiceAnomalies(db, targets, QDate::currentDate().addDays(1),
                                 InvoiceAnomalyParams::fromJson(model->parameters));
}

void registerInvoiceAnomalyRoutes(Router &router, const DbConfig &database)
{
    const auto service = std::make_shared<const InvoiceAnomalyService>(database);
    router.add({"GET", QStringLiteral("/api/v1/insights/invoice-anomalies"),
                Permission::InsightsUse, Scope::LegalEntity,
                "Draft invoices with their anomaly flags, each saying what it compared against "
                "(?entity=&invoice=<id>&all=true)",
                [service](Request &r) { return Reply::json(service->list(r)); }});
}

} // namespace keel
