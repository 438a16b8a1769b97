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

QSqlQuery &TimeEntryStore::run(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery &q = db::cached(m_config, sql);
    db::exec(q, binds);
    return q;
}

namespace {
// The entry JSON of a statement whose rows are kEntryColumns; empty when there is no row. The
// cached statement is left without a result, so a later use of it cannot see this one's.
QJsonObject entryJsonOnce(QSqlQuery &q)
{
    const QJsonObject out = q.next() ? entryJson(q) : QJsonObject();
    q.finish();
    return out;
}

TimeEntryRow rowOf(const QSqlQuery &q)
{
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

QVariant nullableUuid(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(uuidText(id));
}

// The entry columns of the row an INSERT or UPDATE ... RETURNING * in CTE `t` wrote.
QString returningJson(const QString &writeSql)
{
    return QStringLiteral("WITH t AS (") + writeSql + QStringLiteral(" RETURNING *) SELECT ") +
           QLatin1String(kEntryColumns) +
           QStringLiteral(" FROM t JOIN projects p ON p.id = t.project_id "
                          "LEFT JOIN project_tasks k ON k.id = t.task_id");
}
} // namespace

std::optional<TimeEmployee> TimeEntryStore::employeeOfUser(qint64 userId) const
{
    QSqlQuery &q = run(
        QStringLiteral("SELECT id, legal_entity_id FROM employees WHERE user_id = ?"), {userId});
    std::optional<TimeEmployee> out;
    if (q.next())
        out = TimeEmployee{q.value(0).toLongLong(), q.value(1).toLongLong(), userId};
    q.finish();
    return out;
}

void TimeEntryStore::lockEmployee(qint64 employeeId) const
{
    run(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('time_entries:' || "
                       "?::text, 0))"),
        {employeeId})
        .finish();
}

std::optional<TimeEntryRow> TimeEntryStore::entry(const QUuid &id, bool lock) const
{
    QSqlQuery &q = run(QStringLiteral("SELECT id, employee_id, project_id, task_id, work_date, "
                                      "hours::text, billable, notes, status, adjusts_id, version "
                                      "FROM time_entries WHERE id = ?::uuid") +
                           (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                       {uuidText(id)});
    std::optional<TimeEntryRow> out;
    if (q.next())
        out = rowOf(q);
    q.finish();
    return out;
}

std::optional<TimeProjectFacts> TimeEntryStore::project(qint64 id) const
{
    QSqlQuery &q = run(QStringLiteral("SELECT p.id, p.legal_entity_id, p.status, "
                                      "a.time_notes_required FROM projects p "
                                      "JOIN accounts a ON a.id = p.account_id WHERE p.id = ?"),
                       {id});
    std::optional<TimeProjectFacts> out;
    if (q.next())
        out = TimeProjectFacts{q.value(0).toLongLong(), q.value(1).toLongLong(),
                               q.value(2).toString(), q.value(3).toBool()};
    q.finish();
    return out;
}

std::optional<TimeTaskFacts> TimeEntryStore::task(qint64 id) const
{
    QSqlQuery &q = run(
        QStringLiteral("SELECT id, project_id, status, billable FROM project_tasks WHERE id = ?"),
        {id});
    std::optional<TimeTaskFacts> out;
    if (q.next())
        out = TimeTaskFacts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toBool()};
    q.finish();
    return out;
}

QString TimeEntryStore::closedPeriod(const QList<qint64> &entityIds, const QDate &date) const
{
    QStringList ids;
    for (qint64 id : entityIds)
        ids << QString::number(id);
    QSqlQuery &q = run(QStringLiteral("SELECT status FROM accounting_periods WHERE legal_entity_id "
                                      "= ANY(?::bigint[]) AND ?::date BETWEEN period_start AND "
                                      "period_end AND status <> 'open' ORDER BY status DESC "
                                      "LIMIT 1"),
                       {u'{' + ids.join(u',') + u'}', date});
    const QString out = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return out;
}

QString TimeEntryStore::dayHours(qint64 employeeId, const QDate &date, const QUuid &except) const
{
    // Planned at every execution, unlike the cached statements: a generic plan made while the
    // employee had few entries (a fresh database, the first ops of a push) sums the day through
    // time_entries_employee_change_idx, reading all of the employee's entries every time. The
    // values are a number, a date and a uuid, so they go into the text as literals and it still
    // costs one round trip.
    const QString day = date.toString(Qt::ISODate);
    QSqlQuery q = db::exec(
        db(),
        QStringLiteral("SELECT coalesce(sum(hours), 0)::text FROM time_entries WHERE "
                       "employee_id = %1 AND work_date = %2 AND status <> 'deleted' AND "
                       "id <> '%3'::uuid")
            .arg(QString::number(employeeId),
                 day.isEmpty() ? QStringLiteral("NULL") : u'\'' + day + u'\'', uuidText(except)));
    q.next();
    return q.value(0).toString();
}

bool TimeEntryStore::onHardAssignment(qint64 employeeId, qint64 projectId, const QDate &date) const
{
    QSqlQuery &q = run(QStringLiteral("SELECT 1 FROM assignments WHERE employee_id = ? AND "
                                      "project_id = ? AND kind = 'hard' AND ?::date BETWEEN "
                                      "start_date AND end_date LIMIT 1"),
                       {employeeId, projectId, date});
    const bool out = q.next();
    q.finish();
    return out;
}

QString TimeEntryStore::adjustedHours(const QUuid &originalId, const QUuid &except) const
{
    QSqlQuery &q =
        run(QStringLiteral("SELECT coalesce(sum(hours), 0)::text FROM time_entries WHERE (id = "
                           "?::uuid OR adjusts_id = ?::uuid) AND status NOT IN ('deleted', "
                           "'rejected') AND id <> ?::uuid"),
            {uuidText(originalId), uuidText(originalId), uuidText(except)});
    q.next();
    const QString out = q.value(0).toString();
    q.finish();
    return out;
}

TimeEntryFacts TimeEntryStore::facts(const TimeEmployee &employee, qint64 projectId, qint64 taskId,
                                     const QDate &date, const QUuid &self) const
{
    // The same conditions as project(), task(), closedPeriod() and onHardAssignment(); the
    // one-row FROM keeps a row when the project or task is unknown.
    QSqlQuery &q =
        run(QStringLiteral(
                "SELECT p.id, p.legal_entity_id, p.status, a.time_notes_required, "
                "k.id, k.project_id, k.status, k.billable, "
                "(SELECT ap.status FROM accounting_periods ap WHERE ap.legal_entity_id IN "
                "(p.legal_entity_id, ?::bigint) AND ?::date BETWEEN ap.period_start AND "
                "ap.period_end AND ap.status <> 'open' ORDER BY ap.status DESC LIMIT 1), "
                "EXISTS (SELECT 1 FROM assignments s WHERE s.employee_id = ?::bigint AND "
                "s.project_id = ?::bigint AND s.kind = 'hard' AND ?::date BETWEEN s.start_date AND "
                "s.end_date) "
                "FROM (SELECT 1) one "
                "LEFT JOIN (projects p JOIN accounts a ON a.id = p.account_id) ON p.id = ?::bigint "
                "LEFT JOIN project_tasks k ON k.id = ?::bigint"),
            {employee.legalEntityId, date, employee.id, projectId, date, projectId,
             nullableId(taskId)});
    TimeEntryFacts f;
    q.next();
    if (!q.value(0).isNull())
        f.project = TimeProjectFacts{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                     q.value(2).toString(), q.value(3).toBool()};
    if (!q.value(4).isNull())
        f.task = TimeTaskFacts{q.value(4).toLongLong(), q.value(5).toLongLong(),
                               q.value(6).toString(), q.value(7).toBool()};
    f.closedPeriod = q.value(8).isNull() ? QString() : q.value(8).toString();
    f.onHardAssignment = q.value(9).toBool();
    q.finish();
    f.dayHours = dayHours(employee.id, date, self);
    return f;
}

QJsonObject TimeEntryStore::insert(const TimeEntryWrite &w) const
{
    return entryJsonOnce(
        run(returningJson(QStringLiteral(
                "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, task_id, "
                "work_date, hours, billable, notes, status, adjusts_id, outside_assignment, "
                "created_by) VALUES (?::uuid, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?::uuid, ?, ?)")),
            {uuidText(w.id), w.employeeId, w.legalEntityId, w.projectId, nullableId(w.taskId),
             w.workDate, w.hours, w.billable, notNull(w.notes), w.status, nullableUuid(w.adjustsId),
             w.outsideAssignment, nullableId(w.userId)}));
}

QJsonObject TimeEntryStore::insertIfNew(const TimeEntryWrite &w) const
{
    return entryJsonOnce(
        run(returningJson(QStringLiteral(
                "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, task_id, "
                "work_date, hours, billable, notes, status, adjusts_id, outside_assignment, "
                "created_by) VALUES (?::uuid, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?::uuid, ?, ?) "
                "ON CONFLICT (id) DO NOTHING")),
            {uuidText(w.id), w.employeeId, w.legalEntityId, w.projectId, nullableId(w.taskId),
             w.workDate, w.hours, w.billable, notNull(w.notes), w.status, nullableUuid(w.adjustsId),
             w.outsideAssignment, nullableId(w.userId)}));
}

QJsonObject TimeEntryStore::update(const TimeEntryWrite &w) const
{
    return entryJsonOnce(
        run(returningJson(QStringLiteral(
                "UPDATE time_entries SET legal_entity_id = ?, project_id = ?, task_id = ?, "
                "work_date = ?, hours = ?::numeric, billable = ?, notes = ?, status = ?, "
                "outside_assignment = ?, updated_at = now(), version = version + 1 "
                "WHERE id = ?::uuid")),
            {w.legalEntityId, w.projectId, nullableId(w.taskId), w.workDate, w.hours, w.billable,
             notNull(w.notes), w.status, w.outsideAssignment, uuidText(w.id)}));
}

void TimeEntryStore::setStatus(const QUuid &id, const QString &status) const
{
    run(QStringLiteral("UPDATE time_entries SET status = ?, updated_at = now(), "
                       "version = version + 1 WHERE id = ?::uuid"),
        {status, uuidText(id)})
        .finish();
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
    return entryJsonOnce(run(QStringLiteral("SELECT ") + QLatin1String(kEntryColumns) +
                                 QLatin1String(kEntryJoins) +
                                 QStringLiteral("WHERE t.id = ?::uuid"),
                             {uuidText(id)}));
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
