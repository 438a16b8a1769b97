#include "assignment_store.h"

#include "employee_access.h"
#include "json_codec.h"

#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {
const QString kColumns = QStringLiteral(
    "SELECT a.id, a.employee_id, u.display_name, a.project_id, p.name, a.opportunity_id, "
    "a.task_id, a.request_id, a.start_date, a.end_date, a.hours_per_week::text, a.kind, "
    "a.probability::text, a.overallocated, a.confirmed_by, a.version, le.code, "
    "p.project_manager_id FROM assignments a JOIN employees e ON e.id = a.employee_id "
    "JOIN users u ON u.id = e.user_id JOIN legal_entities le ON le.id = e.legal_entity_id "
    "LEFT JOIN projects p ON p.id = a.project_id ");

QJsonObject assignmentFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"employee_id", idToJson(q.value(1).toLongLong())},
            {"employee_name", q.value(2).toString()},
            {"project_id", optId(q.value(3))},
            {"project_name", optText(q.value(4))},
            {"opportunity_id", optId(q.value(5))},
            {"task_id", optId(q.value(6))},
            {"request_id", optId(q.value(7))},
            {"start_date", dateToJson(q.value(8).toDate())},
            {"end_date", dateToJson(q.value(9).toDate())},
            {"hours_per_week", decimalText(q.value(10))},
            {"kind", q.value(11).toString()},
            {"probability", decimalText(q.value(12))},
            {"overallocated", q.value(13).toBool()},
            {"confirmed_by", optId(q.value(14))},
            {"version", q.value(15).toInt()},
            {"project_manager_id", optId(q.value(17))}};
}

QVariantList rowBinds(const AssignmentRow &r)
{
    return {r.employeeId,
            nullableId(r.projectId),
            nullableId(r.opportunityId),
            nullableId(r.taskId),
            nullableId(r.requestId),
            r.start,
            r.end,
            r.hoursPerWeek,
            r.kind,
            r.probability,
            r.overallocated,
            nullableId(r.confirmedBy)};
}
} // namespace

QSqlDatabase AssignmentStore::db() const
{
    return db::connection(m_config);
}

qint64 AssignmentStore::insert(const AssignmentRow &row) const
{
    QVariantList binds = rowBinds(row);
    binds << nullableId(row.createdBy);
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO assignments (employee_id, project_id, opportunity_id, task_id, "
                       "request_id, start_date, end_date, hours_per_week, kind, probability, "
                       "overallocated, confirmed_by, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "?::numeric, ?, ?::numeric, ?, ?, ?) RETURNING id"),
        binds);
    q.next();
    return q.value(0).toLongLong();
}

void AssignmentStore::update(qint64 id, const AssignmentRow &row) const
{
    QVariantList binds = rowBinds(row);
    binds << id;
    db::query(db(),
              QStringLiteral("UPDATE assignments SET employee_id = ?, project_id = ?, "
                             "opportunity_id = ?, task_id = ?, request_id = ?, start_date = ?, "
                             "end_date = ?, hours_per_week = ?::numeric, kind = ?, probability = "
                             "?::numeric, overallocated = ?, confirmed_by = ?, version = version "
                             "+ 1, updated_at = now() WHERE id = ?"),
              binds);
}

void AssignmentStore::remove(qint64 id) const
{
    db::query(db(), QStringLiteral("DELETE FROM assignments WHERE id = ?"), {id});
}

std::optional<QPair<QJsonObject, QString>> AssignmentStore::assignment(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kColumns + QStringLiteral("WHERE a.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF a") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return QPair<QJsonObject, QString>(assignmentFrom(q), q.value(16).toString());
}

QJsonArray AssignmentStore::list(const AssignmentFilter &f, qint64 after, int limit) const
{
    QString sql = kColumns + QStringLiteral("WHERE a.id > ? AND ") + f.visibleSql;
    QVariantList binds{after};
    binds << f.visibleBinds;
    auto addId = [&](qint64 v, const char *condition) {
        if (!v)
            return;
        sql += QStringLiteral(" AND ") + QString::fromLatin1(condition);
        binds << v;
    };
    addId(f.employeeId, "a.employee_id = ?");
    addId(f.projectId, "a.project_id = ?");
    addId(f.requestId, "a.request_id = ?");
    if (!f.kind.isEmpty()) {
        sql += QStringLiteral(" AND a.kind = ?");
        binds << f.kind;
    }
    if (f.from.isValid()) {
        sql += QStringLiteral(" AND a.end_date >= ?");
        binds << f.from;
    }
    if (f.to.isValid()) {
        sql += QStringLiteral(" AND a.start_date <= ?");
        binds << f.to;
    }
    sql += QStringLiteral(" ORDER BY a.id LIMIT ?");
    binds << limit;
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(assignmentFrom(q));
    return out;
}

std::optional<QString> AssignmentStore::lockEmployee(qint64 employeeId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT le.code FROM employees e JOIN legal_entities le "
                                           "ON le.id = e.legal_entity_id WHERE e.id = ? FOR "
                                           "UPDATE OF e"),
                            {employeeId});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool AssignmentStore::taskOfProject(qint64 taskId, qint64 projectId) const
{
    return db::query(db(),
                     QStringLiteral("SELECT 1 FROM project_tasks WHERE id = ? AND project_id = ?"),
                     {taskId, projectId})
        .next();
}

std::optional<AssignmentStore::RequestFacts> AssignmentStore::requestFacts(qint64 requestId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT project_id, opportunity_id, kind, "
                                           "probability::text, status FROM resource_requests "
                                           "WHERE id = ?"),
                            {requestId});
    if (!q.next())
        return std::nullopt;
    return RequestFacts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString()};
}

} // namespace keel
