#include "period_reopen.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "period_states.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"

#include <QSqlQuery>

namespace keel::period_reopen {

namespace {

const QString kType = QStringLiteral("period_reopen");

struct PeriodReopenRow
{
    qint64 id = 0, periodId = 0, entityId = 0, requestedBy = 0;
    QString entityCode, fromStatus, toStatus, reason, status;
    QDate periodStart;
    QJsonObject json;
};

std::optional<PeriodReopenRow> load(QSqlDatabase db, qint64 id, bool lock)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT r.id, r.accounting_period_id, p.legal_entity_id, le.code, "
                       "p.period_start, r.from_status, r.to_status, r.reason, r.status, "
                       "r.requested_by, u.display_name, r.decided_by, r.requested_at, "
                       "r.decided_at, r.version FROM period_reopen_requests r JOIN "
                       "accounting_periods p ON p.id = r.accounting_period_id JOIN "
                       "legal_entities le ON le.id = p.legal_entity_id JOIN users u ON u.id = "
                       "r.requested_by WHERE r.id = ?") +
            (lock ? QStringLiteral(" FOR UPDATE OF r") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    PeriodReopenRow r;
    r.id = q.value(0).toLongLong();
    r.periodId = q.value(1).toLongLong();
    r.entityId = q.value(2).toLongLong();
    r.entityCode = q.value(3).toString();
    r.periodStart = q.value(4).toDate();
    r.fromStatus = q.value(5).toString();
    r.toStatus = q.value(6).toString();
    r.reason = q.value(7).toString();
    r.status = q.value(8).toString();
    r.requestedBy = q.value(9).toLongLong();
    r.json = QJsonObject{
        {"id", QString::number(r.id)},
        {"legal_entity_id", QString::number(r.entityId)},
        {"entity_code", r.entityCode},
        {"period", r.periodStart.toString(QStringLiteral("yyyy-MM"))},
        {"from_status", r.fromStatus},
        {"to_status", r.toStatus},
        {"reason", r.reason},
        {"status", r.status},
        {"requested_by",
         QJsonObject{{"id", QString::number(r.requestedBy)}, {"name", q.value(10).toString()}}},
        {"decided_by", q.value(11).isNull() ? QJsonValue() : QJsonValue(q.value(11).toString())},
        {"requested_at", q.value(12).toDateTime().toUTC().toString(Qt::ISODateWithMs)},
        {"decided_at", q.value(13).isNull() ? QJsonValue()
                                            : QJsonValue(q.value(13).toDateTime().toUTC().toString(
                                                  Qt::ISODateWithMs))},
        {"version", q.value(14).toInt()}};
    return r;
}

[[noreturn]] void conflict(const QString &detail, const QString &code)
{
    throw ApiError(Problem{409,
                           problemTypeUri(ErrorType::Conflict),
                           QStringLiteral("Workflow conflict"),
                           detail,
                           {{QStringLiteral("period"), code, detail}}});
}

void audit(QSqlDatabase db, AuditEntry e, const QString &action, const PeriodReopenRow &before,
           const QJsonObject &after)
{
    e.action = action;
    e.recordType = QStringLiteral("period_reopen_request");
    e.recordId = QString::number(before.id);
    e.before = before.json;
    e.after = after;
    appendAudit(db, e);
}

void decide(QSqlDatabase db, const Request &request, qint64 id, bool approve,
            const QString &comment)
{
    const auto row = load(db, id, true);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no reopen request %1.").arg(id));
    const QString to = period_states::reopenMachine().next(
        row->status, approve ? QStringLiteral("approve") : QStringLiteral("reject"));
    const AuditEntry actor = AuditEntry::from(request, {}, {}, {});
    if (approve) {
        const auto entity = close_store::entity(db, row->entityId);
        const ClosePeriodRow period = close_store::lockPeriod(db, row->entityId, row->periodStart);
        if (period.status != row->fromStatus)
            conflict(QStringLiteral("The period is %1 now, not %2 as when the reopening was "
                                    "requested.")
                         .arg(period.status, row->fromStatus),
                     QStringLiteral("status_changed"));
        const QString action = row->fromStatus == QLatin1String("hard_closed") &&
                                       row->toStatus == QLatin1String("open")
                                   ? QStringLiteral("reopen_to_open")
                                   : QStringLiteral("reopen");
        period_states::apply(db, *entity, row->periodStart, period, action, actor);
        // Sign-offs were given for the period as it was closed.
        close_store::clearSignOffs(db, row->entityId, row->periodStart);
    }
    db::query(db,
              QStringLiteral("UPDATE period_reopen_requests SET status = ?, decided_by = ?, "
                             "decided_at = now(), version = version + 1 WHERE id = ?"),
              {to, request.caller().user.id, id});
    QJsonObject after = load(db, id, false)->json;
    if (!approve)
        after.insert(QStringLiteral("comment"), comment);
    audit(db, actor,
          approve ? QStringLiteral("period_reopen.approve")
                  : QStringLiteral("period_reopen.reject"),
          *row, after);
}

// The reopening may not leave a closed period after a more open one.
void requireNeighbours(QSqlDatabase db, qint64 entityId, QDate ps, const QString &toStatus)
{
    const QString next = close_store::periodStatus(db, entityId, ps.addMonths(1));
    if (toStatus == QLatin1String("open") && next != QLatin1String("open"))
        conflict(QStringLiteral("The next period is %1; reopen it first.").arg(next),
                 QStringLiteral("next_period_closed"));
    if (toStatus == QLatin1String("soft_closed") && next == QLatin1String("hard_closed"))
        conflict(QStringLiteral("The next period is hard-closed; reopen it first."),
                 QStringLiteral("next_period_closed"));
}

} // namespace

QJsonObject request(QSqlDatabase db, const WorkflowService &workflow, const Request &request,
                    const CloseEntity &entity, QDate ps, const QJsonObject &body)
{
    JsonReader in(body);
    const QString toStatus = in.requiredString(QStringLiteral("to_status"));
    const QString reason = in.requiredString(QStringLiteral("reason")).trimmed();
    if (in.ok() && toStatus != QLatin1String("open") && toStatus != QLatin1String("soft_closed"))
        in.addError(QStringLiteral("to_status"), "invalid_value",
                    QStringLiteral("open or soft_closed"));
    if (in.ok() && (reason.size() < 3 || reason.size() > 2000))
        in.addError(QStringLiteral("reason"), "invalid_value",
                    QStringLiteral("3 to 2000 characters"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(db);
    const ClosePeriodRow period = close_store::lockPeriod(db, entity.id, ps);
    if (period.status == QLatin1String("open"))
        conflict(QStringLiteral("The period is open; there is nothing to reopen."),
                 QStringLiteral("not_closed"));
    if (period.status == toStatus ||
        (period.status == QLatin1String("soft_closed") && toStatus != QLatin1String("open")))
        throw ApiError::invalidField(QStringLiteral("to_status"), "not_lower",
                                     QStringLiteral("a status below %1").arg(period.status));
    requireNeighbours(db, entity.id, ps, toStatus);
    QSqlQuery pending = db::query(db,
                                  QStringLiteral("SELECT 1 FROM period_reopen_requests WHERE "
                                                 "accounting_period_id = ? AND status = "
                                                 "'pending'"),
                                  {period.id});
    if (pending.next())
        conflict(QStringLiteral("A request to reopen this period is already waiting for "
                                "approval."),
                 QStringLiteral("reopen_pending"));
    QSqlQuery ins = db::query(
        db,
        QStringLiteral("INSERT INTO period_reopen_requests "
                       "(accounting_period_id, from_status, to_status, "
                       "reason, requested_by) VALUES (?, ?, ?, ?, ?) "
                       "RETURNING id, greatest(0, current_date - "
                       "coalesce((SELECT closed_at::date FROM "
                       "accounting_periods WHERE id = ?), current_date))"),
        {period.id, period.status, toStatus, reason, request.caller().user.id, period.id});
    ins.next();
    const qint64 id = ins.value(0).toLongLong();
    const QString period_ = ps.toString(QStringLiteral("yyyy-MM"));
    const qint64 approvalId = workflow.submit(
        db, request,
        ApprovalSubject{kType, QString::number(id), entity.code, QString(),
                        request.caller().user.id,
                        QStringLiteral("Reopen %1 %2 (%3 → %4)")
                            .arg(entity.code, period_, period.status, toStatus),
                        QJsonObject{{"days_closed", QString::number(ins.value(1).toLongLong())}}});
    if (!approvalId)
        conflict(QStringLiteral("No approval policy applies to reopening this period, and a "
                                "period reopens only with a controller's approval."),
                 QStringLiteral("no_approval_policy"));
    const auto row = load(db, id, false);
    QJsonObject out = row->json;
    out.insert(QStringLiteral("approval_request_id"), QString::number(approvalId));
    AuditEntry e = AuditEntry::from(request, QStringLiteral("period_reopen.request"),
                                    QStringLiteral("period_reopen_request"), QString::number(id));
    e.after = out;
    appendAudit(db, e);
    tx.commit();
    return out;
}

void registerHandlers(WorkflowService &workflow)
{
    workflow.registerHandler(
        kType, {[](QSqlDatabase db, const Request &r, const QString &id) {
                    decide(db, r, id.toLongLong(), true, {});
                },
                [](QSqlDatabase db, const Request &r, const QString &id, const QString &comment) {
                    decide(db, r, id.toLongLong(), false, comment);
                }});
}

} // namespace keel::period_reopen
