#include "close_routes.h"

#include "close_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"

#include <memory>

namespace keel {

void registerCloseRoutes(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    using namespace Permission;
    CloseService::registerStateMachines();
    const auto close = std::make_shared<CloseService>(database, workflow);
    close->registerApprovalHandlers(workflow);
    const QString base = QStringLiteral("/api/v1/close");
    const QString period = base + QStringLiteral("/entities/{id}/periods/{period}");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };
    const auto param = [](Request &r, const char *name) {
        return r.params.value(QString::fromLatin1(name));
    };

    router.add({"GET", base + "/periods", FinanceUse, Scope::LegalEntity,
                "The close cockpit: per entity and month its period status and red, amber and "
                "green checklist items (?from=YYYY-MM&to=YYYY-MM, at most 24 months)",
                [close](Request &r) { return Reply::json(close->grid(r)); }});
    router.add({"GET", period, FinanceUse, Scope::LegalEntity,
                "The checklist of an entity's period with live counts, states and runs",
                [close, id, param](Request &r) {
                    return Reply::json(close->checklist(r, id(r), param(r, "period")));
                }});
    router.add(
        {"GET", period + "/items/{task}", FinanceUse, Scope::LegalEntity,
         "The records a checklist item counts (?limit=&after=)", [close, id, param](Request &r) {
             return Reply::json(close->itemRecords(r, id(r), param(r, "period"), param(r, "task")));
         }});
    router.add({"PATCH", period + "/items/{task}", CloseManage, Scope::LegalEntity,
                "Set a checklist item's responsible person or note {responsible_user_id?, "
                "note?, version?}",
                [close, id, param](Request &r) {
                    return Reply::json(close->updateItem(r, id(r), param(r, "period"),
                                                         param(r, "task"), r.jsonObject()));
                }});
    router.add(
        {"POST", period + "/items/{task}/sign-off", CloseManage, Scope::LegalEntity,
         "Sign off an amber checklist item (red ones cannot be)", [close, id, param](Request &r) {
             return Reply::json(close->signOff(r, id(r), param(r, "period"), param(r, "task")));
         }});
    router.add({"POST", period + "/runs/{kind}", CloseManage, Scope::LegalEntity,
                "Start a close run (revenue_recognition, subcontractor_accruals, fx_revaluation, "
                "intercompany, all): 202, poll GET /close/runs/{id}; 423 once hard-closed",
                [close, id, param](Request &r) {
                    qint64 started = 0;
                    Reply reply = idempotent(close->db(), r, [&] {
                        const QJsonObject run =
                            close->startRun(r, id(r), param(r, "period"), param(r, "kind"));
                        started = run.value("id").toString().toLongLong();
                        return Reply::json(run, 202);
                    });
                    if (started)
                        close->enqueue(started);
                    return reply;
                }});
    router.add({"GET", base + "/runs/{id}", FinanceUse, Scope::LegalEntity,
                "One close run: kind, status, progress and step, result",
                [close, id](Request &r) { return Reply::json(close->run(r, id(r))); }});
    router.add({"POST", period + "/soft-close", CloseManage, Scope::LegalEntity,
                "Soft-close the period: time and expenses refused (409 previous_period_open, "
                "checklist_red)",
                [close, id, param](Request &r) {
                    return Reply::json(close->softClose(r, id(r), param(r, "period")));
                }});
    router.add({"POST", period + "/hard-close", CloseApprove, Scope::LegalEntity,
                "Hard-close the period: every posting refused (409 previous_period_open, "
                "checklist_open)",
                [close, id, param](Request &r) {
                    return Reply::json(close->hardClose(r, id(r), param(r, "period")));
                }});
    router.add({"POST", period + "/reopen", CloseManage, Scope::LegalEntity,
                "Request reopening {to_status, reason}: 202 with the request; a controller "
                "approves it through /approvals/{id}/approve",
                [close, id, param](Request &r) {
                    return Reply::json(
                        close->requestReopen(r, id(r), param(r, "period"), r.jsonObject()), 202);
                }});
}

} // namespace keel
