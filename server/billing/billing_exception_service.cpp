#include "billing_exception_service.h"

#include "audit/audit_log.h"
#include "billing_exception_store.h"
#include "billing_run_access.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "workflow/state_machine.h"

namespace keel {

using billing_run_access::covers;

namespace {

const StateMachine &exceptionMachine()
{
    static const StateMachine m{
        QStringLiteral("billing_exception"),
        {"open", "written_off", "released"},
        QStringLiteral("open"),
        {{"open", "write_off", "written_off"}, {"open", "release", "released"}}};
    return m;
}

} // namespace

void BillingExceptionService::registerStateMachines()
{
    StateMachineRegistry::add(exceptionMachine());
}

QJsonObject BillingExceptionService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    const QStringList entities =
        request.caller().entitiesFor(QString::fromLatin1(Permission::BillingUse));
    const qint64 entityId = billing_run_access::entityFilter(request, db(), entities);
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && !exceptionMachine().states.contains(status))
        throw ApiError::malformed(QStringLiteral("status is one of %1.")
                                      .arg(exceptionMachine().states.join(QStringLiteral(", "))));
    return page.page(
        billing_exception_store::list(db(), entities, entityId, status, page.after, page.limit));
}

QJsonObject BillingExceptionService::writeOff(const Request &request, qint64 id,
                                              const QJsonObject &body) const
{
    return resolve(request, id, body, QStringLiteral("write_off"));
}

QJsonObject BillingExceptionService::release(const Request &request, qint64 id,
                                             const QJsonObject &body) const
{
    return resolve(request, id, body, QStringLiteral("release"));
}

QJsonObject BillingExceptionService::resolve(const Request &request, qint64 id,
                                             const QJsonObject &body, const QString &action) const
{
    JsonReader in(body);
    const QString note = in.optionalString(QStringLiteral("note")).value_or(QString()).trimmed();
    if (in.ok() && (note.isEmpty() || note.size() > 2000))
        in.addError(QStringLiteral("note"), "required",
                    QStringLiteral("say why, in 1 to 2000 characters"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    QSqlDatabase db = this->db();
    db::Transaction tx(db);
    const auto x = billing_exception_store::exception(db, id, true);
    if (!x || !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::BillingManage)),
                      x->entityCode))
        throw ApiError::notFound(QStringLiteral("There is no billing exception %1.").arg(id));
    const QString to = exceptionMachine().next(x->status, action);
    if (!request.header("If-Match").isEmpty() || body.contains(QStringLiteral("version")))
        requireVersion(request, body, x->version);
    if (action == QLatin1String("release")) {
        if (x->kind == QLatin1String("cap_exceeded") && billing_exception_store::capReached(db, id))
            throw ApiError(Problem{409,
                                   problemTypeUri(ErrorType::Conflict),
                                   QStringLiteral("Cap still reached"),
                                   QStringLiteral("The contract line has billed its whole "
                                                  "not-to-exceed amount; raise the cap with a "
                                                  "change order first, or write the hours off."),
                                   {{QStringLiteral("id"), QStringLiteral("cap_still_reached"),
                                     QStringLiteral("the cap is still reached")}}});
        billing_exception_store::releaseSources(db, id);
    }
    billing_exception_store::resolve(db, id, to, request.caller().user.id, note);
    const QJsonObject after = billing_exception_store::exception(db, id, false)->json;
    AuditEntry e = AuditEntry::from(request, QStringLiteral("billing_exception.") + action,
                                    QStringLiteral("billing_exception"), QString::number(id));
    e.before = x->json;
    e.after = after;
    appendAudit(db, e);
    tx.commit();
    return after;
}

} // namespace keel
