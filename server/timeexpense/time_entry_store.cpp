#include "time_entry_store.h"

#include "json_codec.h"

#include <QSqlQuery>

namespace keel {

namespace time_sql {

// Every column as text, so a page of thousands of lines costs no date or uuid parsing.
const char *const kEntryColumns =
    "t.id::text, t.employee_id::text, t.work_date::text, t.project_id::text, p.name, "
    "t.task_id::text, k.name, t.hours::text, t.billable, t.notes, t.status, t.adjusts_id::text, "
    "t.outside_assignment, t.rejection_reason, t.version, "
    "to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
    "date_trunc('second', t.updated_at) = date_trunc('milliseconds', t.updated_at) THEN '' ELSE "
    "to_char(t.updated_at AT TIME ZONE 'UTC', '.MS') END || 'Z'";
const char *const kEntryJsonObject =
    "json_build_object('id', t.id, 'employee_id', t.employee_id::text, 'work_date', t.work_date, "
    "'project_id', t.project_id::text, 'project_name', p.name, 'task_id', t.task_id::text, "
    "'task_name', k.name, 'hours', t.hours::text, 'billable', t.billable, 'notes', t.notes, "
    "'status', t.status, 'adjusts_id', t.adjusts_id, 'outside_assignment', t.outside_assignment, "
    "'rejection_reason', t.rejection_reason, 'version', t.version, 'updated_at', "
    "to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN "
    "date_trunc('second', t.updated_at) = date_trunc('milliseconds', t.updated_at) THEN '' ELSE "
    "to_char(t.updated_at AT TIME ZONE 'UTC', '.MS') END || 'Z'";
const char *const kEntryJoins = " FROM time_entries t JOIN projects p ON p.id = t.project_id "
                                "LEFT JOIN project_tasks k ON k.id = t.task_id ";

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QUuid uuidOf(const QVariant &v)
{
    return v.isNull() ? QUuid() : QUuid::fromString(v.toString());
}

QString uuidArray(const QList<QUuid> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const QUuid &id : ids)
        parts << uuidText(id);
    return u'{' + parts.join(u',') + u'}';
}

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QJsonObject entryJson(const QSqlQuery &q, int o)
{
    const auto text = [&q, o](int i) { return q.value(o + i).toString(); };
    const auto optText = [&q, o](int i) {
        const QVariant v = q.value(o + i);
        return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
    };
    return {{"id", text(0)},
            {"employee_id", text(1)},
            {"work_date", text(2)},
            {"project_id", text(3)},
            {"project_name", text(4)},
            {"task_id", optText(5)},
            {"task_name", optText(6)},
            {"hours", text(7)},
            {"billable", q.value(o + 8).toBool()},
            {"notes", text(9)},
            {"status", text(10)},
            {"adjusts_id", optText(11)},
            {"outside_assignment", q.value(o + 12).toBool()},
            {"rejection_reason", optText(13)},
            {"version", q.value(o + 14).toInt()},
            {"updated_at", text(15)}};
}

} // namespace time_sql

using namespace time_sql;

namespace {
// A null QString binds as SQL NULL; notes are '' when there are none.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

QSqlDatabase TimeEntryStore::db() const
{
    return db::connection(m_config);
}

std::optional<TimeEmployee> TimeEntryStore::employeeOfUser(qint64 userId) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT id, legal_entity_id FROM employees WHERE user_id = ?"),
        {userId});
    if (!q.next())
        return std::nullopt;
    return TimeEmployee{q.value(0).toLongLong(), q.value(1).toLongLong(), userId};
}

void TimeEntryStore::lockEmployee(qint64 employeeId) const
{
    db::query(db(),
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('time_entries:' || "
                             "?::text, 0))"),
              {employeeId});
}

std::optional<TimeEntryRow> TimeEntryStore::entry(const QUuid &id, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT id, employee_id, project_id, task_id, work_date, hours::text, "
                       "billable, notes, status, adjusts_id, version FROM time_entries "
                       "WHERE id = ?::uuid") +
            (lock ? QStringLiteral(" FOR UPDATE") : QString()),
        {uuidText(id)});
    if (!q.next())
        return std::nullopt;
    TimeEntryRow r;
    r.id = uuidOf(q.value(0));
    r.employeeId = q.value(1).toLongLong();
    r.projectId = q.value(2).toLongLong();
    r.taskId = q.value(3).toLongLong();
    r.workDate = q.value(4).toDate();
    r.hours = q.value(5).toString();
    r.billable = q.value(6).toBool();
    r.notes = q.value(7).toString();
    r.status = q.value(8).toString();
    r.adjustsId = uuidOf(q.value(9));
    r.version = q.value(10).toInt();
    return r;
}

std::optional<TimeProjectFacts> TimeEntryStore::project(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT p.id, p.legal_entity_id, p.status, "
                                           "a.time_notes_required FROM projects p "
                                           "JOIN accounts a ON a.id = p.account_id WHERE p.id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return TimeProjectFacts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toBool()};
}

std::optional<TimeTaskFacts> TimeEntryStore::task(qint64 id) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT id, project_id, status, billable FROM project_tasks WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return TimeTaskFacts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                         q.value(3).toBool()};
}

QString TimeEntryStore::closedPeriod(const QList<qint64> &entityIds, const QDate &date) const
{
    QStringList ids;
    for (qint64 id : entityIds)
        ids << QString::number(id);
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT status FROM accounting_periods WHERE legal_entity_id = "
                       "ANY(?::bigint[]) AND ?::date BETWEEN period_start AND period_end AND "
                       "status <> 'open' ORDER BY status DESC LIMIT 1"),
        {u'{' + ids.join(u',') + u'}', date});
    return q.next() ? q.value(0).toString() : QString();
}

QString TimeEntryStore::dayHours(qint64 employeeId, const QDate &date, const QUuid &except) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT coalesce(sum(hours), 0)::text FROM time_entries "
                                           "WHERE employee_id = ? AND work_date = ? AND status <> "
                                           "'deleted' AND id <> ?::uuid"),
                            {employeeId, date, uuidText(except)});
    q.next();
    return q.value(0).toString();
}

bool TimeEntryStore::onHardAssignment(qint64 employeeId, qint64 projectId, const QDate &date) const
{
    return db::query(db(),
                     QStringLiteral("SELECT 1 FROM assignments WHERE employee_id = ? AND "
                                    "project_id = ? AND kind = 'hard' AND ?::date BETWEEN "
                                    "start_date AND end_date LIMIT 1"),
                     {employeeId, projectId, date})
        .next();
}

QString TimeEntryStore::adjustedHours(const QUuid &originalId, const QUuid &except) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT coalesce(sum(hours), 0)::text FROM time_entries WHERE (id = "
                       "?::uuid OR adjusts_id = ?::uuid) AND status NOT IN ('deleted', "
                       "'rejected') AND id <> ?::uuid"),
        {uuidText(originalId), uuidText(originalId), uuidText(except)});
    q.next();
    return q.value(0).toString();
}

void TimeEntryStore::insert(const TimeEntryWrite &w) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO time_entries (id, employee_id, legal_entity_id, "
                             "project_id, task_id, work_date, hours, billable, notes, status, "
                             "adjusts_id, outside_assignment, created_by) VALUES (?::uuid, ?, ?, "
                             "?, ?, ?, ?::numeric, ?, ?, ?, ?::uuid, ?, ?)"),
              {uuidText(w.id), w.employeeId, w.legalEntityId, w.projectId, nullableId(w.taskId),
               w.workDate, w.hours, w.billable, notNull(w.notes), w.status,
               w.adjustsId.isNull() ? QVariant(QMetaType::fromType<QString>())
                                    : QVariant(uuidText(w.adjustsId)),
               w.outsideAssignment, nullableId(w.userId)});
}

void TimeEntryStore::update(const TimeEntryWrite &w) const
{
    db::query(db(),
              QStringLiteral("UPDATE time_entries SET legal_entity_id = ?, project_id = ?, "
                             "task_id = ?, work_date = ?, hours = ?::numeric, billable = ?, "
                             "notes = ?, status = ?, outside_assignment = ?, updated_at = now(), "
                             "version = version + 1 WHERE id = ?::uuid"),
              {w.legalEntityId, w.projectId, nullableId(w.taskId), w.workDate, w.hours, w.billable,
               notNull(w.notes), w.status, w.outsideAssignment, uuidText(w.id)});
}

void TimeEntryStore::setStatus(const QUuid &id, const QString &status) const
{
    db::query(db(),
              QStringLiteral("UPDATE time_entries SET status = ?, updated_at = now(), "
                             "version = version + 1 WHERE id = ?::uuid"),
              {status, uuidText(id)});
}

int TimeEntryStore::markInvoiced(const QList<QUuid> &ids, qint64 invoiceId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("UPDATE time_entries SET status = 'invoiced', "
                                           "invoice_id = ?, updated_at = now(), version = "
                                           "version + 1 WHERE id = ANY(?::uuid[]) AND status = "
                                           "'approved'"),
                            {invoiceId, uuidArray(ids)});
    return q.numRowsAffected();
}

QJsonObject TimeEntryStore::json(const QUuid &id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + QLatin1String(kEntryColumns) +
                                QLatin1String(kEntryJoins) + QStringLiteral("WHERE t.id = ?::uuid"),
                            {uuidText(id)});
    return q.next() ? entryJson(q) : QJsonObject();
}

QJsonArray TimeEntryStore::list(qint64 employeeId, const QDate &from, const QDate &to) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + QLatin1String(kEntryColumns) +
                                QLatin1String(kEntryJoins) +
                                QStringLiteral("WHERE t.employee_id = ? AND t.work_date BETWEEN ? "
                                               "AND ? AND t.status <> 'deleted' "
                                               "ORDER BY t.work_date, p.name, t.created_at, t.id"),
                            {employeeId, from, to});
    QJsonArray out;
    while (q.next())
        out.append(entryJson(q));
    return out;
}

} // namespace keel
