#include "missing_time_store.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace keel {

QSqlDatabase MissingTimeStore::db() const
{
    return db::connection(m_config);
}

QPair<QString, qint64> MissingTimeStore::project(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT le.code, p.project_manager_id FROM projects p "
                                           "JOIN legal_entities le ON le.id = p.legal_entity_id "
                                           "WHERE p.id = ?"),
                            {id});
    if (!q.next())
        return {};
    return {q.value(0).toString(), q.value(1).toLongLong()};
}

QJsonArray MissingTimeStore::weeks(const MissingTimeQuery &in) const
{
    const QDate last = in.lastMonday.addDays(6);
    // Someone "on" a project in the range: an assignment overlapping it or time entered in it.
    const QString onProject = QStringLiteral(
        "(EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = %1 AND a.employee_id = e.id "
        "AND a.start_date <= ?::date AND a.end_date >= ?::date) OR EXISTS (SELECT 1 FROM "
        "time_entries t WHERE t.project_id = %1 AND t.employee_id = e.id AND t.work_date "
        "BETWEEN ?::date AND ?::date AND t.status <> 'deleted'))");
    QStringList who;
    QVariantList binds;
    if (in.entities.contains(QStringLiteral("*"))) {
        who << QStringLiteral("true");
    } else if (!in.entities.isEmpty()) {
        who << QStringLiteral("le.code = ANY(?::text[])");
        binds << u'{' + in.entities.join(u',') + u'}';
    }
    if (in.managerUserId) {
        who << QStringLiteral("EXISTS (SELECT 1 FROM projects mp WHERE mp.project_manager_id = ? "
                              "AND ") +
                   onProject.arg(QStringLiteral("mp.id")) + u')';
        binds << in.managerUserId << last << in.firstMonday << in.firstMonday << last;
    }
    if (who.isEmpty())
        return {};
    QString people = QStringLiteral("SELECT e.id, u.display_name, le.code FROM employees e "
                                    "JOIN users u ON u.id = e.user_id JOIN legal_entities le ON "
                                    "le.id = e.legal_entity_id WHERE e.active AND (") +
                     who.join(QStringLiteral(" OR ")) + u')';
    if (in.projectId) {
        people += QStringLiteral(" AND ") + onProject.arg(QStringLiteral("?"));
        binds << in.projectId << last << in.firstMonday << in.projectId << in.firstMonday << last;
    }
    const int weeks = int(in.firstMonday.daysTo(in.lastMonday) / 7) + 1;
    QString sql =
        QStringLiteral(
            "WITH people AS (%1), "
            "cap AS (SELECT c.employee_id, c.week_start, c.capacity_hours FROM "
            "employee_week_capacity(?::date, ?) c WHERE c.employee_id IN (SELECT id FROM people) "
            "AND c.week_start <= current_date), "
            "entered AS (SELECT t.employee_id, date_trunc('week', t.work_date)::date AS "
            "week_start, sum(t.hours) AS hours FROM time_entries t WHERE t.employee_id IN "
            "(SELECT id FROM people) AND t.work_date BETWEEN ?::date AND ?::date AND t.status <> "
            "'deleted' GROUP BY 1, 2) "
            "SELECT c.employee_id, p.display_name, p.code, c.week_start, round(c.capacity_hours, "
            "2)::text, round(coalesce(x.hours, 0), 2)::text, tw.employee_id IS NOT NULL "
            "FROM cap c JOIN people p ON p.id = c.employee_id "
            "LEFT JOIN entered x ON x.employee_id = c.employee_id AND x.week_start = c.week_start "
            "LEFT JOIN timesheet_weeks tw ON tw.employee_id = c.employee_id AND tw.week_start = "
            "c.week_start "
            "WHERE c.capacity_hours > 0 AND (tw.employee_id IS NULL OR coalesce(x.hours, 0) < "
            "c.capacity_hours)")
            .arg(people);
    binds << in.firstMonday << weeks << in.firstMonday << last;
    if (in.afterWeek.isValid()) {
        sql += QStringLiteral(" AND (c.week_start, c.employee_id) > (?::date, ?)");
        binds << in.afterWeek << in.afterEmployee;
    }
    sql += QStringLiteral(" ORDER BY c.week_start, c.employee_id LIMIT ?");
    binds << in.limit;
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"employee_id", q.value(0).toString()},
                               {"employee_name", q.value(1).toString()},
                               {"legal_entity", q.value(2).toString()},
                               {"week_start", q.value(3).toDate().toString(Qt::ISODate)},
                               {"expected_hours", q.value(4).toString()},
                               {"entered_hours", q.value(5).toString()},
                               {"submitted", q.value(6).toBool()}});
    return out;
}

} // namespace keel
