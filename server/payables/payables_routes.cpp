#include "payables_routes.h"

#include "http/concurrency.h"
#include "http/router.h"
#include "payables_aging_service.h"
#include "permissions.h"
#include "vendor_payment_service.h"

#include <memory>

namespace keel {

void registerPayablesRoutes(Router &router, const DbConfig &database,
                            WorkflowService & /*workflow*/)
{
    using namespace Permission;
    const auto payments = std::make_shared<const VendorPaymentService>(database);
    const auto reads = std::make_shared<const PayablesAgingService>(database);
    const QString base = QStringLiteral("/api/v1/payables");

    router.add({"POST", base + "/payments", CashManage, Scope::LegalEntity,
                "Pay approved bills of a vendor (same currency); posts AP / bank / realised FX",
                [payments, database](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(db::connection(database), r,
                                      [&] { return Reply::json(payments->create(r, body), 201); });
                }});
    router.add({"GET", base + "/payments", FinanceUse, Scope::LegalEntity,
                "Vendor payments of an entity (?legal_entity_id=&vendor_id=&limit=&after=)",
                [payments](Request &r) { return Reply::json(payments->list(r)); }});
    router.add({"GET", base + "/payments/{id}", FinanceUse, Scope::LegalEntity,
                "One vendor payment with its allocations", [payments](Request &r) {
                    return Reply::json(payments->get(r, r.idParam(QStringLiteral("id"))));
                }});
    router.add({"GET", base + "/bills", FinanceUse, Scope::LegalEntity,
                "Vendor bills with balance, keyset paged "
                "(?legal_entity_id=&status=&vendor_id=&due_before=&limit=&after=)",
                [reads](Request &r) { return Reply::json(reads->bills(r)); }});
    router.add({"GET", base + "/aging", FinanceUse, Scope::LegalEntity,
                "Payables aging per vendor (?legal_entity_id=&as_of=&currency=)",
                [reads](Request &r) { return Reply::json(reads->aging(r)); }});
}

} // namespace keel
