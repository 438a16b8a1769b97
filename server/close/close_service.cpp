#include "close_service.h"

#include "audit/audit_log.h"
#include "close_checklist.h"
#include "close_checks.h"
#include "close_runs.h"
#include "close_store.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "period.h"
#include "period_reopen.h"
#include "period_states.h"
#include "permissions.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUrl>

namespace keel {

namespace {

bool covers(const QStringList &entities, const QString &code)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(code);
}

// The entity when the caller holds `permission` for it; 404 otherwise.
CloseEntity visible(QSqlDatabase db, const Request &request, qint64 entityId,
                    const char *permission)
{
    const auto entity = close_store::entity(db, entityId);
    if (!entity ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(permission)), entity->code))
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    return *entity;
}

QDate periodStartOf(const QString &text, const QString &field = QStringLiteral("period"))
{
    const auto p = Period::fromString(text);
    if (!p)
        throw ApiError::invalidField(field, "invalid_format", QStringLiteral("a month YYYY-MM"));
    // The close reaches into the months around it; keep them all four-digit years.
    if (p.value().year() < 1900 || p.value().year() > 9998)
        throw ApiError::invalidField(field, "out_of_range",
                                     QStringLiteral("a month of the years 1900 to 9998"));
    return p.value().firstDay();
}

void requireTask(const QString &task)
{
    if (!close_tasks::all().contains(task))
        throw ApiError::notFound(QStringLiteral("There is no checklist item %1.").arg(task));
}

[[noreturn]] void periodClosed(const CloseEntity &entity, QDate ps)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("%1 %2 is hard-closed; nothing of its close changes "
                                          "any more.")
                               .arg(entity.code, ps.toString(QStringLiteral("yyyy-MM"))),
                           {{QStringLiteral("period"), QStringLiteral("period_closed"),
                             QStringLiteral("the period is hard-closed")}}});
}

[[noreturn]] void conflict(const QString &detail, const QString &field, const QString &code)
{
    throw ApiError(Problem{409,
                           problemTypeUri(ErrorType::Conflict),
                           QStringLiteral("Workflow conflict"),
                           detail,
                           {{field, code, detail}}});
}

QJsonObject checklistJson(QSqlDatabase db, const CloseEntity &entity, QDate ps)
{
    const ClosePeriodRow row{0, close_store::periodStatus(db, entity.id, ps), 0};
    CloseChecklist list = buildCloseChecklist(db, entity, ps, row.status);
    QJsonObject out = list.json;
    out.insert(QStringLiteral("previous_closed"),
               period_states::previousClosed(db, entity.id, ps, false));
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT version FROM accounting_periods WHERE "
                                           "legal_entity_id = ? AND period_start = ?"),
                            {entity.id, ps});
    out.insert(QStringLiteral("version"), q.next() ? q.value(0).toInt() : 0);
    return out;
}

QJsonObject itemOf(const QJsonObject &checklist, const QString &task)
{
    for (const QJsonValue &v : checklist.value(QStringLiteral("items")).toArray())
        if (v.toObject().value(QStringLiteral("task")).toString() == task)
            return v.toObject();
    return {};
}

// A closed period's status is changed by a controller only; anyone else gets 403.
void requireApproverForClosed(const Request &request, const QString &status)
{
    if (status != QLatin1String("open") &&
        !request.caller().can(QString::fromLatin1(Permission::CloseApprove)))
        throw ApiError::forbidden(QStringLiteral("The period is %1; only a controller "
                                                 "(close.approve) changes a closed period, and "
                                                 "reopening goes through an approval.")
                                      .arg(status));
}

} // namespace

void runCloseRuns(QSqlDatabase db, qint64 entityId, QDate periodStart, qint64 userId)
{
    db::Transaction tx(db);
    const auto entity = close_store::entity(db, entityId);
    if (!entity)
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    if (close_store::periodStatus(db, entityId, periodStart) == QLatin1String("hard_closed"))
        periodClosed(*entity, periodStart);
    const qint64 runId =
        close_store::insertRun(db, entityId, periodStart, QStringLiteral("all"), userId);
    const QJsonObject result =
        close_runs::execute(db, entityId, periodStart, QStringLiteral("all"), userId, runId, {});
    close_store::runCompleted(db, runId, result);
    AuditEntry actor;
    actor.actorId = userId;
    actor.action = QStringLiteral("close_run.complete");
    actor.recordType = QStringLiteral("close_run");
    actor.recordId = QString::number(runId);
    actor.after = close_store::run(db, runId)->json;
    appendAudit(db, actor);
    tx.commit();
}

void closePeriod(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &toStatus,
                 qint64 userId, bool skipChecklistGate)
{
    if (toStatus != QLatin1String("soft_closed") && toStatus != QLatin1String("hard_closed"))
        throw ApiError::invalidField(QStringLiteral("to_status"), "invalid_value",
                                     QStringLiteral("soft_closed or hard_closed"));
    db::Transaction tx(db);
    const auto entity = close_store::entity(db, entityId);
    if (!entity)
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    AuditEntry actor;
    actor.actorId = userId;
    QString status = close_store::lockPeriod(db, entityId, periodStart).status;
    if (status == QLatin1String("open"))
        status = period_states::close(db, *entity, periodStart, QStringLiteral("soft_close"), actor,
                                      skipChecklistGate);
    if (toStatus == QLatin1String("hard_closed") && status == QLatin1String("soft_closed"))
        period_states::close(db, *entity, periodStart, QStringLiteral("hard_close"), actor,
                             skipChecklistGate);
    tx.commit();
}

CloseService::CloseService(DbConfig config, WorkflowService &workflow)
    : m_config(std::move(config)), m_workflow(workflow),
      m_runner(std::make_unique<CloseRunner>(m_config))
{}

CloseService::~CloseService() = default;

void CloseService::registerStateMachines()
{
    period_states::registerMachines();
}

void CloseService::registerApprovalHandlers(WorkflowService &workflow)
{
    period_reopen::registerHandlers(workflow);
}

QJsonObject CloseService::grid(const Request &request) const
{
    QSqlDatabase d = db();
    const QDate today = QDate::currentDate();
    const QDate thisMonth(today.year(), today.month(), 1);
    const QString fromText = request.query.queryItemValue(QStringLiteral("from"));
    const QString toText = request.query.queryItemValue(QStringLiteral("to"));
    const QDate to = toText.isEmpty() ? thisMonth : periodStartOf(toText, QStringLiteral("to"));
    const QDate from =
        fromText.isEmpty() ? to.addMonths(-5) : periodStartOf(fromText, QStringLiteral("from"));
    if (from > to)
        throw ApiError::invalidField(QStringLiteral("from"), "after_to",
                                     QStringLiteral("on or before to"));
    if (from.addMonths(24) <= to)
        throw ApiError::invalidField(QStringLiteral("to"), "range_too_long",
                                     QStringLiteral("at most 24 months"));
    const QList<CloseEntity> entities = close_store::entities(
        d, request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)));
    QList<qint64> ids;
    for (const CloseEntity &e : entities)
        ids << e.id;
    const auto statuses = close_store::periodStatuses(d, ids, from, to);
    const auto signedOff = close_store::signedOffCounts(d, ids, from, to);
    const int taskCount = int(close_tasks::all().size());
    QJsonArray rows;
    for (const CloseEntity &e : entities) {
        for (QDate m = from; m <= to; m = m.addMonths(1)) {
            const QString status = statuses.value(e.id).value(m, QStringLiteral("open"));
            int red = 0, amber = 0, green = 0;
            if (status == QLatin1String("hard_closed")) {
                // Closed through its gate: what was signed off then stays amber.
                amber = signedOff.value(e.id).value(m);
                green = taskCount - amber;
            } else {
                const CloseChecklist list = buildCloseChecklist(d, e, m, status);
                red = list.red;
                amber = list.amber;
                green = list.green;
            }
            rows.append(QJsonObject{{"legal_entity_id", QString::number(e.id)},
                                    {"entity_code", e.code},
                                    {"period", m.toString(QStringLiteral("yyyy-MM"))},
                                    {"status", status},
                                    {"red", red},
                                    {"amber", amber},
                                    {"green", green}});
        }
    }
    return QJsonObject{{"from", from.toString(QStringLiteral("yyyy-MM"))},
                       {"to", to.toString(QStringLiteral("yyyy-MM"))},
                       {"items", rows}};
}

QJsonObject CloseService::checklist(const Request &request, qint64 entityId,
                                    const QString &period) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::FinanceUse);
    return checklistJson(d, entity, periodStartOf(period));
}

QJsonObject CloseService::itemRecords(const Request &request, qint64 entityId,
                                      const QString &period, const QString &task) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::FinanceUse);
    const QDate ps = periodStartOf(period);
    requireTask(task);
    bool ok = true;
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 500)
        throw ApiError::invalidField(QStringLiteral("limit"), "invalid_value",
                                     QStringLiteral("1 to 500"));
    const QString after = request.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    if (close_tasks::isRun(task)) {
        // A run's records are its latest run.
        const QJsonObject item = itemOf(checklistJson(d, entity, ps), task);
        QJsonArray items;
        if (item.value(QStringLiteral("run")).isObject() && after.isEmpty())
            items.append(QJsonObject{{"id", item.value("run").toObject().value("id")},
                                     {"label", QStringLiteral("Latest run")},
                                     {"amount", QJsonValue()},
                                     {"owner", QJsonValue()},
                                     {"run", item.value("run")}});
        return QJsonObject{{"items", items}};
    }
    QJsonObject out = closeCheckRecords(d, entity, ps, task, after, limit);
    out.insert(QStringLiteral("task"), task);
    return out;
}

QJsonObject CloseService::updateItem(const Request &request, qint64 entityId, const QString &period,
                                     const QString &task, const QJsonObject &body) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::CloseManage);
    const QDate ps = periodStartOf(period);
    requireTask(task);
    JsonReader in(body);
    std::optional<qint64> responsible;
    if (body.contains(QStringLiteral("responsible_user_id"))) {
        if (body.value(QStringLiteral("responsible_user_id")).isNull())
            responsible = 0;
        else
            responsible = in.optionalInt64(QStringLiteral("responsible_user_id"));
    }
    const auto note = in.optionalString(QStringLiteral("note"));
    const auto version = in.optionalInt64(QStringLiteral("version"));
    if (in.ok() && note && note->size() > 2000)
        in.addError(QStringLiteral("note"), "too_long", QStringLiteral("at most 2000 characters"));
    if (in.ok() && responsible && *responsible && !close_store::userExists(d, *responsible))
        in.addError(QStringLiteral("responsible_user_id"), "unknown",
                    QStringLiteral("no user has this id"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    db::Transaction tx(d);
    if (close_store::periodStatus(d, entity.id, ps) == QLatin1String("hard_closed"))
        periodClosed(entity, ps);
    const CloseTaskRow before = close_store::lockTask(d, entity.id, ps, task);
    // If-Match may come as an entity tag: "3" or W/"3".
    const QByteArray ifMatch =
        request.header("If-Match").trimmed().replace("W/", "").replace('"', "");
    const int sent = version ? int(*version) : ifMatch.isEmpty() ? 0 : ifMatch.toInt();
    if (sent && sent != before.version)
        throw ApiError(Problem{412,
                               problemTypeUri(ErrorType::StaleVersion),
                               QStringLiteral("Stale version"),
                               QStringLiteral("The item changed since you read it (version %1, "
                                              "now %2); reload and try again.")
                                   .arg(sent)
                                   .arg(before.version),
                               {}});
    close_store::updateTask(d, entity.id, ps, task, responsible, note);
    const QJsonObject item = itemOf(checklistJson(d, entity, ps), task);
    AuditEntry e =
        AuditEntry::from(request, QStringLiteral("close_task.update"), QStringLiteral("close_task"),
                         QStringLiteral("%1:%2:%3").arg(entity.code, period, task));
    e.before = QJsonObject{{"responsible_user_id", QString::number(before.responsibleId)},
                           {"note", before.note}};
    e.after = item;
    appendAudit(d, e);
    tx.commit();
    return item;
}

QJsonObject CloseService::signOff(const Request &request, qint64 entityId, const QString &period,
                                  const QString &task) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::CloseManage);
    const QDate ps = periodStartOf(period);
    requireTask(task);
    db::Transaction tx(d);
    if (close_store::periodStatus(d, entity.id, ps) == QLatin1String("hard_closed"))
        periodClosed(entity, ps);
    close_store::lockTask(d, entity.id, ps, task);
    const QJsonObject item = itemOf(checklistJson(d, entity, ps), task);
    const QString state = item.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("red"))
        conflict(QStringLiteral("A red item cannot be signed off; clear what it counts first."),
                 QStringLiteral("task"), QStringLiteral("item_red"));
    if (state == QLatin1String("green"))
        conflict(QStringLiteral("The item is green; there is nothing to sign off."),
                 QStringLiteral("task"), QStringLiteral("item_green"));
    close_store::signOffTask(d, entity.id, ps, task, request.caller().user.id,
                             item.value(QStringLiteral("count")).toInteger());
    const QJsonObject after = itemOf(checklistJson(d, entity, ps), task);
    AuditEntry e = AuditEntry::from(request, QStringLiteral("close_task.sign_off"),
                                    QStringLiteral("close_task"),
                                    QStringLiteral("%1:%2:%3").arg(entity.code, period, task));
    e.before = item;
    e.after = after;
    appendAudit(d, e);
    tx.commit();
    return after;
}

QJsonObject CloseService::startRun(const Request &request, qint64 entityId, const QString &period,
                                   const QString &apiKind) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::CloseManage);
    const QDate ps = periodStartOf(period);
    const QString kind = close_runs::kindOf(apiKind);
    if (kind.isEmpty())
        throw ApiError::invalidField(QStringLiteral("kind"), "invalid_value",
                                     QStringLiteral("revenue_recognition, subcontractor_accruals, "
                                                    "fx_revaluation, intercompany or all"));
    if (!close_runs::available(kind))
        conflict(QStringLiteral("The %1 run is not available on this server yet.").arg(apiKind),
                 QStringLiteral("kind"), QStringLiteral("not_available"));
    db::Transaction tx(d);
    if (close_store::periodStatus(d, entity.id, ps) == QLatin1String("hard_closed"))
        periodClosed(entity, ps);
    const qint64 id = close_store::insertRun(d, entity.id, ps, kind, request.caller().user.id);
    const QJsonObject run = close_store::run(d, id)->json;
    AuditEntry e = AuditEntry::from(request, QStringLiteral("close_run.start"),
                                    QStringLiteral("close_run"), QString::number(id));
    e.after = run;
    appendAudit(d, e);
    tx.commit();
    return run;
}

void CloseService::enqueue(qint64 runId)
{
    m_runner->enqueue(runId);
}

QJsonObject CloseService::run(const Request &request, qint64 runId) const
{
    QSqlDatabase d = db();
    auto row = close_store::run(d, runId);
    if (!row || !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)),
                        row->entityCode))
        throw ApiError::notFound(QStringLiteral("There is no close run %1.").arg(runId));
    if (m_runner->reapIfAbandoned(d, *row))
        row = close_store::run(d, runId);
    return row->json;
}

void CloseService::waitForIdle() const
{
    m_runner->waitForIdle();
}

QJsonObject CloseService::softClose(const Request &request, qint64 entityId,
                                    const QString &period) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::CloseManage);
    const QDate ps = periodStartOf(period);
    db::Transaction tx(d);
    requireApproverForClosed(request, close_store::lockPeriod(d, entity.id, ps).status);
    period_states::close(d, entity, ps, QStringLiteral("soft_close"),
                         AuditEntry::from(request, {}, {}, {}), false);
    const QJsonObject out = checklistJson(d, entity, ps);
    tx.commit();
    return out;
}

QJsonObject CloseService::hardClose(const Request &request, qint64 entityId,
                                    const QString &period) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::CloseApprove);
    const QDate ps = periodStartOf(period);
    db::Transaction tx(d);
    period_states::close(d, entity, ps, QStringLiteral("hard_close"),
                         AuditEntry::from(request, {}, {}, {}), false);
    const QJsonObject out = checklistJson(d, entity, ps);
    tx.commit();
    return out;
}

QJsonObject CloseService::requestReopen(const Request &request, qint64 entityId,
                                        const QString &period, const QJsonObject &body) const
{
    QSqlDatabase d = db();
    const CloseEntity entity = visible(d, request, entityId, Permission::CloseManage);
    return period_reopen::request(d, m_workflow, request, entity, periodStartOf(period), body);
}

} // namespace keel
