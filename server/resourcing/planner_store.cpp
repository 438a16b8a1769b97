#include "planner_store.h"

#include "employee_access.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

using namespace resourcing;

QSqlDatabase PlannerStore::db() const
{
    return db::connection(m_config);
}

QJsonObject PlannerStore::planner(const PlannerFilter &f, QDate monday, int weeks, qint64 after,
                                  int limit) const
{
    // People in scope, one page.
    QString people = QStringLiteral(
        "SELECT e.id, u.display_name, le.code AS entity, e.country, pr.code AS practice, "
        "jr.code AS role, e.weekly_capacity_hours, e.utilisation_target_pct FROM employees e "
        "JOIN users u ON u.id = e.user_id JOIN legal_entities le ON le.id = e.legal_entity_id "
        "JOIN job_roles jr ON jr.id = e.job_role_id LEFT JOIN practices pr ON pr.id = "
        "e.practice_id WHERE e.active AND e.id > ? AND ");
    QVariantList binds{after};
    people += f.visibleSql;
    binds << f.visibleBinds;
    auto add = [&](const QString &value, const QString &condition) {
        if (value.isEmpty())
            return;
        people += QStringLiteral(" AND ") + condition;
        binds << value;
    };
    add(f.practice, QStringLiteral("pr.code = ?"));
    add(f.role, QStringLiteral("jr.code = ?"));
    add(f.country, QStringLiteral("e.country = ?"));
    add(f.legalEntity, QStringLiteral("le.code = ?"));
    if (!f.skill.isEmpty()) {
        people += QStringLiteral(" AND EXISTS (SELECT 1 FROM employee_skills es JOIN skills s ON "
                                 "s.id = es.skill_id WHERE es.employee_id = e.id AND s.code = ? "
                                 "AND es.level >= ?)");
        binds << f.skill << f.minSkillLevel;
    }
    people += QStringLiteral(" ORDER BY e.id LIMIT ?");
    binds << limit;

    const QString sql =
        QStringLiteral(
            "WITH people AS MATERIALIZED (%1), "
            "weeks AS (SELECT (?::date + 7 * n) AS ws FROM generate_series(0, ? - 1) AS n), "
            "days AS (SELECT w.ws, w.ws + k AS day FROM weeks w CROSS JOIN generate_series(0, 4) "
            "k), "
            "leave_days AS (SELECT l.employee_id, d.day, bool_or(l.hours_per_day IS NULL) AS "
            "  full_day, coalesce(sum(l.hours_per_day), 0) AS hours FROM employee_leave l "
            "  JOIN people p ON p.id = l.employee_id JOIN days d ON d.day BETWEEN l.start_date AND "
            "  l.end_date WHERE l.status = 'approved' GROUP BY l.employee_id, d.day), "
            "cap AS (SELECT p.id, d.ws, sum(CASE WHEN h.id IS NOT NULL OR ld.full_day THEN 0 ELSE "
            "  greatest(0, p.weekly_capacity_hours / 5 - coalesce(ld.hours, 0)) END) AS capacity "
            "  FROM people p CROSS JOIN days d LEFT JOIN holidays h ON h.country = p.country AND "
            "  h.date = d.day LEFT JOIN leave_days ld ON ld.employee_id = p.id AND ld.day = d.day "
            "  GROUP BY p.id, d.ws), "
            "load AS (SELECT a.employee_id, w.ws, "
            "  sum(x.hours) FILTER (WHERE a.kind = 'hard') AS hard, "
            "  sum(x.hours) FILTER (WHERE a.kind = 'soft') AS soft, "
            "  sum(x.hours * a.probability / 100) FILTER (WHERE a.kind = 'soft') AS weighted "
            "  FROM assignments a JOIN people p ON p.id = a.employee_id JOIN weeks w ON "
            "  a.start_date <= w.ws + 4 AND a.end_date >= w.ws CROSS JOIN LATERAL (SELECT "
            "  a.hours_per_week * greatest(0, least(a.end_date, w.ws + 4) - greatest(a.start_date, "
            "  w.ws) + 1) / 5 AS hours) x GROUP BY a.employee_id, w.ws) "
            "SELECT p.id, p.display_name, p.entity, p.country, p.practice, p.role, "
            "  p.weekly_capacity_hours::text, p.utilisation_target_pct::text, "
            "  json_agg(json_build_array(round(c.capacity, 2)::text, "
            "    round(p.weekly_capacity_hours - c.capacity, 2)::text, "
            "    round(coalesce(l.hard, 0), 2)::text, round(coalesce(l.soft, 0), 2)::text, "
            "    round(coalesce(l.weighted, 0), 2)::text, "
            "    CASE WHEN c.capacity > 0 THEN round((coalesce(l.hard, 0) + coalesce(l.soft, 0)) * "
            "    100 / c.capacity, 1)::text END) ORDER BY c.ws)::text "
            "FROM people p JOIN cap c ON c.id = p.id LEFT JOIN load l ON l.employee_id = p.id AND "
            "  l.ws = c.ws GROUP BY p.id, p.display_name, p.entity, p.country, p.practice, p.role, "
            "  p.weekly_capacity_hours, p.utilisation_target_pct ORDER BY p.id")
            .arg(people);
    binds << monday << weeks;
    QSqlQuery q = db::query(db(), sql, binds);

    QJsonArray weekList;
    for (int i = 0; i < weeks; ++i) {
        const QDate ws = monday.addDays(7 * i);
        int year = 0;
        const int week = ws.weekNumber(&year);
        weekList.append(QJsonObject{
            {"week", QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'))},
            {"start", dateToJson(ws)}});
    }
    QJsonArray items;
    while (q.next()) {
        QJsonArray cells;
        const QJsonArray raw = QJsonDocument::fromJson(q.value(8).toByteArray()).array();
        for (const QJsonValue &v : raw) {
            const QJsonArray c = v.toArray();
            cells.append(QJsonObject{{"capacity_hours", c[0]},
                                     {"absence_hours", c[1]},
                                     {"hard_hours", c[2]},
                                     {"soft_hours", c[3]},
                                     {"soft_weighted_hours", c[4]},
                                     {"allocation_pct", c[5]}});
        }
        items.append(QJsonObject{{"employee_id", idToJson(q.value(0).toLongLong())},
                                 {"display_name", q.value(1).toString()},
                                 {"legal_entity", q.value(2).toString()},
                                 {"country", q.value(3).toString()},
                                 {"practice", optText(q.value(4))},
                                 {"job_role", q.value(5).toString()},
                                 {"weekly_capacity_hours", decimalText(q.value(6))},
                                 {"utilisation_target_pct", decimalText(q.value(7))},
                                 {"cells", cells}});
    }
    QJsonObject out{{"from", dateToJson(monday)}, {"weeks", weekList}, {"items", items}};
    if (items.size() == limit)
        out.insert("next_after", items.last().toObject().value("employee_id"));
    return out;
}

QList<WeekLoad> PlannerStore::weekLoads(qint64 employeeId, QDate start, QDate end,
                                        const QString &hoursPerWeek, qint64 excludeAssignment) const
{
    const QDate monday = start.addDays(1 - start.dayOfWeek());
    const int weeks = int(monday.daysTo(end) / 7) + 1;
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "WITH w AS (SELECT c.week_start AS ws, c.capacity_hours FROM "
            "  employee_week_capacity(?::date, ?) c WHERE c.employee_id = ?), "
            "load AS (SELECT w.ws, coalesce(sum(a.hours_per_week * greatest(0, least(a.end_date, "
            "  w.ws + 4) - greatest(a.start_date, w.ws) + 1) / 5), 0) AS hours FROM w LEFT JOIN "
            "  assignments a ON a.employee_id = ? AND a.id <> ? AND a.start_date <= w.ws + 4 AND "
            "  a.end_date >= w.ws GROUP BY w.ws), "
            "n AS (SELECT w.ws, w.capacity_hours, round(l.hours, 2) AS existing, "
            "  round(?::numeric * greatest(0, least(?::date, w.ws + 4) - greatest(?::date, w.ws) "
            "  + 1) / 5, 2) AS added FROM w JOIN load l ON l.ws = w.ws) "
            "SELECT ws, capacity_hours::text, existing::text, added::text, (existing + "
            "added)::text, existing + added > capacity_hours FROM n WHERE added > 0 ORDER BY ws"),
        {monday, weeks, employeeId, employeeId, excludeAssignment, hoursPerWeek, end, start});
    QList<WeekLoad> out;
    while (q.next())
        out.append(WeekLoad{q.value(0).toDate(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(), q.value(5).toBool()});
    return out;
}

} // namespace keel
