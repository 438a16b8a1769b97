#include "time_approval_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "time_entry_rules.h"
#include "time_entry_store.h"
#include "workflow/state_machine.h"

#include <QHash>
#include <QSet>

namespace keel {

using namespace time_sql;

namespace {

constexpr int kCommentMax = 2000;

struct Decision
{
    QString action; // approve | reject
    QString comment;
    QList<QUuid> ids;
    QHash<QUuid, int> versions;
};

Decision parseDecision(const QJsonObject &body)
{
    JsonReader in(body);
    Decision d;
    d.action = in.requiredString(QStringLiteral("decision"));
    if (in.ok() && d.action != QLatin1String("approve") && d.action != QLatin1String("reject"))
        in.addError(QStringLiteral("decision"), "invalid_value",
                    QStringLiteral("approve or reject"));
    if (const auto c = in.optionalString(QStringLiteral("comment")))
        d.comment = c->trimmed();
    if (d.action == QLatin1String("reject") && d.comment.isEmpty())
        in.addError(QStringLiteral("comment"), "required",
                    QStringLiteral("say why the lines are rejected"));
    if (d.comment.size() > kCommentMax)
        in.addError(QStringLiteral("comment"), "too_long",
                    QStringLiteral("at most %1 characters").arg(kCommentMax));
    const QJsonArray lines = in.requiredArray(QStringLiteral("lines"));
    if (in.has(QStringLiteral("lines")) &&
        (lines.isEmpty() || lines.size() > TimeApprovalService::kDecisionMax))
        in.addError(QStringLiteral("lines"), "invalid_value",
                    QStringLiteral("1 to %1 lines").arg(TimeApprovalService::kDecisionMax));
    for (int i = 0; i < lines.size() && in.errors().size() < 20; ++i) {
        const QString name = QStringLiteral("lines/%1").arg(i);
        JsonReader line = in.child(name, lines.at(i).toObject());
        const Uuid id = line.requiredUuid(QStringLiteral("id"));
        const qint64 version = line.requiredInt64(QStringLiteral("version"));
        if (line.ok() && d.versions.contains(id.toQUuid()))
            line.addError(QStringLiteral("id"), "duplicate", QStringLiteral("named twice"));
        in.addErrors(line.errors());
        if (line.ok()) {
            d.ids.append(id.toQUuid());
            d.versions.insert(id.toQUuid(), int(version));
        }
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    return d;
}

QString listed(const QList<QUuid> &ids)
{
    QStringList parts;
    for (qsizetype i = 0; i < ids.size() && i < 5; ++i)
        parts << uuidText(ids.at(i));
    if (ids.size() > 5)
        parts << QStringLiteral("and %1 more").arg(ids.size() - 5);
    return parts.join(QStringLiteral(", "));
}

// Every named line exists, is the caller's to decide, is still submitted and unchanged;
// otherwise 404, 403, 409 or 412 naming the lines.
void requireDecidable(const Decision &d, const QList<LockedLine> &rows)
{
    QSet<QUuid> found;
    QList<QUuid> foreign, moved, stale;
    for (const LockedLine &r : rows) {
        found.insert(r.id);
        if (!r.mayDecide)
            foreign.append(r.id);
        else if (r.status != QLatin1String("submitted"))
            moved.append(r.id);
        else if (r.version != d.versions.value(r.id))
            stale.append(r.id);
    }
    QList<QUuid> missing;
    for (const QUuid &id : d.ids)
        if (!found.contains(id))
            missing.append(id);
    if (!missing.isEmpty())
        throw ApiError::notFound(
            QStringLiteral("There is no time entry %1; nothing was decided.").arg(listed(missing)));
    if (!foreign.isEmpty())
        throw ApiError::forbidden(
            QStringLiteral("You do not approve %1 (time is approved by the project's manager, a "
                           "manager's own time by their line manager); nothing was decided.")
                .arg(listed(foreign)));
    if (!moved.isEmpty())
        throw ApiError::conflict(QStringLiteral("%1 line(s) are no longer submitted (decided by "
                                                "someone else or withdrawn): %2; nothing was "
                                                "decided.")
                                     .arg(moved.size())
                                     .arg(listed(moved)));
    if (!stale.isEmpty())
        throw ApiError(Problem{412,
                               problemTypeUri(ErrorType::StaleVersion),
                               QStringLiteral("Stale version"),
                               QStringLiteral("%1 line(s) changed since you read them: %2; reload "
                                              "and decide again.")
                                   .arg(stale.size())
                                   .arg(listed(stale)),
                               {}});
}

void requireCostable(const TimeApprovalStore &store, const QList<QUuid> &ids)
{
    const QList<UncostedLine> bad = store.uncosted(ids, 5);
    if (bad.isEmpty())
        return;
    QList<FieldError> errors;
    for (const UncostedLine &l : bad)
        errors.append(
            {QStringLiteral("lines"), l.problem,
             l.problem == QLatin1String("no_cost_rate")
                 ? QStringLiteral("%1 has no cost rate on %2 (entry %3)")
                       .arg(l.employeeName, l.workDate.toString(Qt::ISODate), uuidText(l.id))
                 : QStringLiteral("no %1→%2 exchange rate on or before %3 (entry %4)")
                       .arg(l.fromCurrency, l.toCurrency, l.workDate.toString(Qt::ISODate),
                            uuidText(l.id))});
    throw ApiError::invalid(errors, QStringLiteral("Approval stamps each line's cost; these "
                                                   "lines cannot be costed, so nothing was "
                                                   "approved."));
}

} // namespace

QByteArray TimeApprovalService::inbox(const Request &request, qint64 projectId, qint64 employeeId,
                                      const QDate &week, int limit, const QDate &afterDate,
                                      const QUuid &afterId) const
{
    InboxQuery q;
    q.approverUserId = request.caller().user.id;
    q.projectId = projectId;
    q.employeeId = employeeId;
    q.limit = limit;
    if (week.isValid() && week.dayOfWeek() != 1)
        throw ApiError::invalidField(QStringLiteral("week"), QStringLiteral("not_monday"),
                                     QStringLiteral("the Monday a week starts on"));
    q.week = week;
    q.afterDate = afterDate;
    q.afterId = afterId;
    return m_store.inboxPage(q);
}

QJsonObject TimeApprovalService::decide(const Request &request, const QJsonObject &body) const
{
    const Decision d = parseDecision(body);
    const qint64 userId = request.caller().user.id;
    const QString to = time_entry_rules::machine().next(QStringLiteral("submitted"), d.action);
    QSqlDatabase db = m_store.db();
    db::Transaction tx(db);
    requireDecidable(d, m_store.lockLines(d.ids, userId));
    QString hours;
    if (d.action == QLatin1String("approve")) {
        requireCostable(m_store, d.ids);
        hours = m_store.approve(d.ids, userId);
    } else {
        m_store.reject(d.ids, userId, d.comment);
    }
    QJsonArray lines, ids;
    for (const auto &[id, version] : m_store.versions(d.ids)) {
        lines.append(QJsonObject{{"id", uuidText(id)}, {"status", to}, {"version", version}});
        ids.append(uuidText(id));
    }
    AuditEntry e = AuditEntry::from(request, QStringLiteral("time_entry.") + d.action,
                                    QStringLiteral("time_approval"), uuidText(d.ids.first()));
    e.before = {{"status", QStringLiteral("submitted")}};
    e.after = {{"status", to}, {"comment", d.comment}, {"count", ids.size()}, {"lines", ids}};
    if (!hours.isEmpty())
        e.after.insert("hours", hours);
    appendAudit(db, e);
    tx.commit();
    QJsonObject out{{"decision", d.action}, {"count", lines.size()}, {"lines", lines}};
    if (!hours.isEmpty())
        out.insert("hours", hours);
    return out;
}

} // namespace keel
