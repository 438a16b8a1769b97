#include "billing_run_routes.h"

#include "billing_contract_service.h"
#include "billing_exception_service.h"
#include "billing_run_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"

#include <memory>

namespace keel {

void registerBillingRunRoutes(Router &router, const DbConfig &database,
                              WorkflowService & /*workflow*/)
{
    using namespace Permission;
    BillingRunService::registerStateMachines();
    BillingExceptionService::registerStateMachines();
    const auto runs = std::make_shared<BillingRunService>(database);
    const auto exceptions = std::make_shared<const BillingExceptionService>(database);
    const auto contracts = std::make_shared<const BillingContractService>(database);
    const QString base = QStringLiteral("/api/v1/billing");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    router.add({"POST", base + "/runs", BillingManage, Scope::LegalEntity,
                "Start a billing run of an entity and period (202; poll GET /billing/runs/{id})",
                [runs](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    qint64 started = 0;
                    Reply reply = idempotent(runs->db(), r, [&] {
                        const QJsonObject run = runs->start(r, body);
                        started = run.value("id").toString().toLongLong();
                        return Reply::json(run, 202);
                    });
                    // Handed to a worker only now that the row is committed (a replayed
                    // Idempotency-Key started nothing).
                    if (started)
                        runs->enqueue(started);
                    return reply;
                }});
    router.add({"GET", base + "/runs", BillingUse, Scope::LegalEntity,
                "Billing runs, newest first (?legal_entity_id=&limit=&after=)",
                [runs](Request &r) { return Reply::json(runs->list(r)); }});
    router.add({"GET", base + "/runs/{id}", BillingUse, Scope::LegalEntity,
                "One billing run: status, progress and step, counts and totals",
                [runs, id](Request &r) { return Reply::json(runs->get(r, id(r))); }});
    router.add({"GET", base + "/contracts", BillingUse, Scope::LegalEntity,
                "Contracts a billing run can bill (?legal_entity_id=&q=&limit=&after=), with "
                "their billing models and approved unbilled time",
                [contracts](Request &r) { return Reply::json(contracts->list(r)); }});
    router.add({"GET", base + "/exceptions", BillingUse, Scope::LegalEntity,
                "Billing exceptions (?legal_entity_id=&status=&limit=&after=)",
                [exceptions](Request &r) { return Reply::json(exceptions->list(r)); }});
    router.add({"POST", base + "/exceptions/{id}/write-off", BillingManage, Scope::LegalEntity,
                "Write an open exception off {note}: its hours are never billed",
                [exceptions, id](Request &r) {
                    return Reply::json(exceptions->writeOff(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/exceptions/{id}/release", BillingManage, Scope::LegalEntity,
                "Release an open exception {note}: the next run bills its hours (409 "
                "cap_still_reached while the cap is reached)",
                [exceptions, id](Request &r) {
                    return Reply::json(exceptions->release(r, id(r), r.jsonObject()));
                }});
}

} // namespace keel
