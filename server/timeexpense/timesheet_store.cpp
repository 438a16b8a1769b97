#include "timesheet_store.h"

#include "json_codec.h"
#include "time_entry_store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

QSqlDatabase TimesheetStore::db() const
{
    return db::connection(m_config);
}

QJsonArray TimesheetStore::weeks(qint64 employeeId, const QDate &firstMonday,
                                 const QDate &lastMonday) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "WITH w AS (SELECT generate_series(?::date, ?::date, interval '7 days')::date AS ws), "
            "s AS (SELECT date_trunc('week', t.work_date)::date AS ws, t.status, count(*) AS n, "
            "sum(t.hours) AS hours FROM time_entries t WHERE t.employee_id = ? AND t.work_date "
            "BETWEEN ?::date AND ?::date + 6 AND t.status <> 'deleted' GROUP BY 1, 2) "
            "SELECT w.ws, round(coalesce((SELECT sum(hours) FROM s WHERE s.ws = w.ws), 0), "
            "2)::text, "
            "tw.submitted_at, (SELECT coalesce(json_object_agg(status, n), '{}') FROM s "
            "WHERE s.ws = w.ws)::text "
            "FROM w LEFT JOIN timesheet_weeks tw ON tw.employee_id = ? AND tw.week_start = w.ws "
            "ORDER BY w.ws"),
        {firstMonday, lastMonday, employeeId, firstMonday, lastMonday, employeeId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{
            {"week_start", dateToJson(q.value(0).toDate())},
            {"hours", q.value(1).toString()},
            {"submitted", !q.value(2).isNull()},
            {"submitted_at", instantToJson(q.value(2).toDateTime())},
            {"statuses", QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()}});
    return out;
}

QPair<QDate, QString> TimesheetStore::closedDay(qint64 employeeId, qint64 employeeEntityId,
                                                const QDate &monday) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT t.work_date, ap.status FROM time_entries t JOIN accounting_periods "
                       "ap ON ap.legal_entity_id IN (t.legal_entity_id, ?) AND t.work_date "
                       "BETWEEN ap.period_start AND ap.period_end AND ap.status <> 'open' "
                       "WHERE t.employee_id = ? AND t.work_date BETWEEN ?::date AND ?::date + 6 "
                       "AND t.status IN ('draft', 'rejected') ORDER BY t.work_date LIMIT 1"),
        {employeeEntityId, employeeId, monday, monday});
    if (!q.next())
        return {};
    return {q.value(0).toDate(), q.value(1).toString()};
}

QList<QUuid> TimesheetStore::submitLines(qint64 employeeId, const QDate &monday) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("UPDATE time_entries SET status = 'submitted', submitted_at = now(), "
                       "updated_at = now(), version = version + 1 WHERE employee_id = ? AND "
                       "work_date BETWEEN ?::date AND ?::date + 6 AND status IN ('draft', "
                       "'rejected') RETURNING id"),
        {employeeId, monday, monday});
    QList<QUuid> ids;
    while (q.next())
        ids.append(time_sql::uuidOf(q.value(0)));
    return ids;
}

void TimesheetStore::recordWeek(qint64 employeeId, const QDate &monday) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO timesheet_weeks (employee_id, week_start, "
                             "submitted_hours) SELECT ?, ?::date, greatest(0, coalesce(sum(hours), "
                             "0)) FROM time_entries WHERE employee_id = ? AND work_date BETWEEN "
                             "?::date AND ?::date + 6 AND status <> 'deleted' "
                             "ON CONFLICT (employee_id, week_start) DO UPDATE SET submitted_at = "
                             "now(), submitted_hours = EXCLUDED.submitted_hours, version = "
                             "timesheet_weeks.version + 1"),
              {employeeId, monday, employeeId, monday, monday});
}

} // namespace keel
