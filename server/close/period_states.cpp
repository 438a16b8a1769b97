#include "period_states.h"

#include "close_checklist.h"
#include "http/http_types.h"
#include "workflow/state_machine.h"

#include <QSqlQuery>

namespace keel::period_states {

namespace {

[[noreturn]] void conflict(const QString &detail, QList<FieldError> errors)
{
    throw ApiError(Problem{409, problemTypeUri(ErrorType::Conflict),
                           QStringLiteral("Workflow conflict"), detail, std::move(errors)});
}

} // namespace

const StateMachine &periodMachine()
{
    static const StateMachine m{QStringLiteral("accounting_period"),
                                {"open", "soft_closed", "hard_closed"},
                                QStringLiteral("open"),
                                {{"open", "soft_close", "soft_closed"},
                                 {"soft_closed", "hard_close", "hard_closed"},
                                 {"soft_closed", "reopen", "open"},
                                 {"hard_closed", "reopen", "soft_closed"},
                                 {"hard_closed", "reopen_to_open", "open"}}};
    return m;
}

const StateMachine &reopenMachine()
{
    static const StateMachine m{
        QStringLiteral("period_reopen_request"),
        {"pending", "approved", "rejected"},
        QStringLiteral("pending"),
        {{"pending", "approve", "approved"}, {"pending", "reject", "rejected"}}};
    return m;
}

const StateMachine &runMachine()
{
    static const StateMachine m{
        QStringLiteral("close_run"),
        {"running", "completed", "failed"},
        QStringLiteral("running"),
        {{"running", "complete", "completed"}, {"running", "fail", "failed"}}};
    return m;
}

void registerMachines()
{
    StateMachineRegistry::add(periodMachine());
    StateMachineRegistry::add(reopenMachine());
    StateMachineRegistry::add(runMachine());
}

bool previousClosed(QSqlDatabase db, qint64 entityId, QDate ps, bool hard)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT (SELECT status FROM accounting_periods WHERE legal_entity_id = ? "
                       "AND period_start = ?::date - interval '1 month'), EXISTS (SELECT 1 FROM "
                       "accounting_periods WHERE legal_entity_id = ? AND period_start < ?)"),
        {entityId, ps, entityId, ps});
    q.next();
    if (!q.value(1).toBool())
        return true;
    const QString status = q.value(0).toString();
    return hard ? status == QLatin1String("hard_closed")
                : status == QLatin1String("soft_closed") || status == QLatin1String("hard_closed");
}

void apply(QSqlDatabase db, const CloseEntity &entity, QDate ps, const ClosePeriodRow &row,
           const QString &action, const AuditEntry &actor)
{
    const QString to = periodMachine().next(row.status, action);
    close_store::setPeriodStatus(db, row.id, to, actor.actorId);
    AuditEntry e = actor;
    e.action = QStringLiteral("accounting_period.") + action;
    e.recordType = QStringLiteral("accounting_period");
    e.recordId = QString::number(row.id);
    const QString period = ps.toString(QStringLiteral("yyyy-MM"));
    e.before = QJsonObject{{"legal_entity", entity.code},
                           {"period", period},
                           {"status", row.status},
                           {"version", row.version}};
    e.after = QJsonObject{{"legal_entity", entity.code},
                          {"period", period},
                          {"status", to},
                          {"version", row.version + 1}};
    appendAudit(db, e);
}

QString close(QSqlDatabase db, const CloseEntity &entity, QDate ps, const QString &action,
              const AuditEntry &actor, bool skipGate)
{
    const ClosePeriodRow row = close_store::lockPeriod(db, entity.id, ps);
    periodMachine().next(row.status, action);
    const bool hard = action == QLatin1String("hard_close");
    const QString period = ps.toString(QStringLiteral("yyyy-MM"));
    if (!previousClosed(db, entity.id, ps, hard))
        conflict(QStringLiteral("%1 %2 cannot be %3 while %4 is %5.")
                     .arg(entity.code, period,
                          hard ? QStringLiteral("hard-closed") : QStringLiteral("soft-closed"),
                          ps.addMonths(-1).toString(QStringLiteral("yyyy-MM")),
                          hard ? QStringLiteral("not hard-closed") : QStringLiteral("open")),
                 {{QStringLiteral("period"), QStringLiteral("previous_period_open"),
                   hard ? QStringLiteral("the previous period is not hard-closed")
                        : QStringLiteral("the previous period is open")}});
    if (!skipGate) {
        const CloseChecklist list = buildCloseChecklist(db, entity, ps, row.status);
        const QStringList blocking = hard ? list.redTasks + list.unsignedAmber : list.redTasks;
        if (!blocking.isEmpty()) {
            QList<FieldError> errors;
            for (const QString &task : blocking)
                errors.append({QStringLiteral("items/") + task,
                               list.redTasks.contains(task) ? QStringLiteral("red")
                                                            : QStringLiteral("not_signed_off"),
                               QStringLiteral("%1 open").arg(list.counts.value(task))});
            conflict(
                hard ? QStringLiteral("Every item must be green or signed off before the "
                                      "hard close: %1.")
                           .arg(blocking.join(QStringLiteral(", ")))
                     : QStringLiteral("Red items block the soft close: %1.")
                           .arg(blocking.join(QStringLiteral(", "))),
                hard ? QList<FieldError>{{QStringLiteral("items"), QStringLiteral("checklist_open"),
                                          blocking.join(u',')}} +
                           errors
                     : QList<FieldError>{{QStringLiteral("items"), QStringLiteral("checklist_red"),
                                          blocking.join(u',')}} +
                           errors);
        }
    }
    apply(db, entity, ps, row, action, actor);
    return periodMachine().next(row.status, action);
}

} // namespace keel::period_states
