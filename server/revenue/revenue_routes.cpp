#include "revenue_routes.h"

#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"
#include "revenue_forecast_service.h"
#include "revenue_obligation_service.h"
#include "revenue_run_service.h"

#include <memory>

namespace keel {

void registerRevenueRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    RevenueRunService::registerStateMachines();
    const auto runs = std::make_shared<RevenueRunService>(database);
    const auto obligations = std::make_shared<const RevenueObligationService>(database);
    const auto forecast = std::make_shared<const RevenueForecastService>(database);
    const QString base = QStringLiteral("/api/v1/revenue");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    router.add({"POST", base + "/runs", RevenueManage, Scope::LegalEntity,
                "Start the revenue recognition run of an entity and period (202; poll "
                "GET /revenue/runs/{id})",
                [runs](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    qint64 started = 0;
                    Reply reply = idempotent(runs->db(), r, [&] {
                        const QJsonObject run = runs->start(r, body);
                        started = run.value("id").toString().toLongLong();
                        return Reply::json(run, 202);
                    });
                    // Handed to a worker only once the row is committed.
                    if (started)
                        runs->enqueue(started);
                    return reply;
                }});
    router.add({"GET", base + "/runs", FinanceUse, Scope::LegalEntity,
                "Revenue recognition runs, newest first (?legal_entity_id=&period=&limit=&after=)",
                [runs](Request &r) { return Reply::json(runs->list(r)); }});
    router.add({"GET", base + "/runs/{id}", FinanceUse, Scope::LegalEntity,
                "One revenue recognition run: status, progress and step, counts and amounts",
                [runs, id](Request &r) { return Reply::json(runs->get(r, id(r))); }});
    router.add({"GET", base + "/obligations", FinanceUse, Scope::LegalEntity,
                "Performance obligations (?legal_entity_id=&contract_id=&limit=&after=)",
                [obligations](Request &r) { return Reply::json(obligations->list(r)); }});
    router.add({"PATCH", base + "/obligations/{id}", RevenueManage, Scope::LegalEntity,
                "Change an obligation's method {method, version} until it is first recognised",
                [obligations, id](Request &r) {
                    return Reply::json(obligations->patch(r, id(r), r.jsonObject()));
                }});
    router.add({"GET", base + "/contracts/{id}/schedule", FinanceUse, Scope::LegalEntity,
                "A contract's recognition schedule: actual and forecast revenue by obligation "
                "and month, billed, contract asset and liability, loss provision",
                [forecast, id](Request &r) { return Reply::json(forecast->schedule(r, id(r))); }});
    router.add({"GET", base + "/forecast", FinanceUse, Scope::LegalEntity,
                "Revenue by month, actual then forecast (?legal_entity_id=&from=&to=&currency=)",
                [forecast](Request &r) { return Reply::json(forecast->forecast(r)); }});
    router.add({"GET", base + "/forecast/{period}/contracts", FinanceUse, Scope::LegalEntity,
                "The contracts behind one month of the forecast (?legal_entity_id=&currency=)",
                [forecast](Request &r) {
                    return Reply::json(
                        forecast->monthContracts(r, r.params.value(QStringLiteral("period"))));
                }});
}

} // namespace keel
