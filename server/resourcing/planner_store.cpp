#include "planner_store.h"

#include "employee_access.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <array>

namespace keel {

using namespace resourcing;

namespace {

// A JSON string literal, escaped.
QByteArray jsonString(const QString &text)
{
    const QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

// Cents as "12.34" (never negative here).
QByteArray cents(qint64 c)
{
    const qint64 r = c % 100;
    return QByteArray::number(c / 100) + (r < 10 ? ".0" : ".") + QByteArray::number(r);
}

} // namespace

QSqlDatabase PlannerStore::db() const
{
    return db::connection(m_config);
}

QByteArray PlannerStore::planner(const PlannerFilter &f, QDate monday, int weeks, qint64 after,
                                 int limit) const
{
    // People in scope, one page.
    QString people = QStringLiteral(
        "SELECT e.id, u.display_name, le.code AS entity, e.country, pr.code AS practice, "
        "jr.code AS role, e.weekly_capacity_hours, e.utilisation_target_pct, "
        "(e.weekly_capacity_hours * 100)::bigint AS per_day FROM employees e "
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

    // Week arithmetic per (person, week), never per day × person, in integers of 1/500 hour
    // (hours in cents × working days; a working day is a fifth of the weekly capacity):
    // available = weekly capacity less a day per public holiday of the person's country in the
    // week, less approved leave on the other working days (a full day = a day, partial days
    // their hours, at most a day). Weighted soft hours are in 1/5,000,000 hour (× probability
    // in hundredths of a percent). The server rounds half up to cents when it writes the JSON.
    const QString sql =
        QStringLiteral(
            "WITH people AS MATERIALIZED (%1), "
            "weeks AS (SELECT n, (?::date + 7 * n) AS ws FROM generate_series(0, ? - 1) AS n), "
            "days AS (SELECT w.ws, w.ws + k AS day FROM weeks w CROSS JOIN generate_series(0, 4) "
            "k), "
            "hol AS (SELECT h.country, d.ws, count(*) AS n FROM holidays h JOIN days d ON d.day = "
            "  h.date GROUP BY h.country, d.ws), "
            "leave_w AS (SELECT x.employee_id, x.ws, sum(CASE WHEN x.full_day THEN x.per_day ELSE "
            "  least(x.per_day, x.u) END)::bigint AS off FROM (SELECT l.employee_id, d.ws, d.day, "
            "  p.per_day, bool_or(l.hours_per_day IS NULL) AS full_day, "
            "coalesce(sum((l.hours_per_day "
            "  * 500)::bigint), 0) AS u FROM employee_leave l JOIN people p ON p.id = "
            "l.employee_id "
            "  JOIN days d ON d.day BETWEEN l.start_date AND l.end_date WHERE l.status = "
            "'approved' "
            "  AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.country = p.country AND h.date = "
            "  d.day) GROUP BY l.employee_id, d.ws, d.day, p.per_day) x GROUP BY x.employee_id, "
            "  x.ws), "
            "load AS (SELECT a.employee_id, w.ws, "
            "  sum(x.u) FILTER (WHERE a.kind = 'hard') AS hard, "
            "  sum(x.u) FILTER (WHERE a.kind = 'soft') AS soft, "
            "  sum(x.u * (a.probability * 100)::integer) FILTER (WHERE a.kind = 'soft') AS "
            "weighted "
            "  FROM assignments a JOIN people p ON p.id = a.employee_id JOIN weeks w ON "
            "  a.start_date <= w.ws + 4 AND a.end_date >= w.ws CROSS JOIN LATERAL (SELECT "
            "  (a.hours_per_week * 100)::integer * greatest(0, least(a.end_date, w.ws + 4) - "
            "  greatest(a.start_date, w.ws) + 1) AS u) x GROUP BY a.employee_id, w.ws), "
            "cells AS (SELECT p.id, w.n, greatest(0, 5 * p.per_day - p.per_day * coalesce(h.n, 0) "
            "- "
            "  coalesce(lw.off, 0)) AS cap, coalesce(l.hard, 0) AS hard, coalesce(l.soft, 0) AS "
            "  soft, coalesce(l.weighted, 0) AS weighted FROM people p CROSS JOIN weeks w LEFT "
            "JOIN "
            "  hol h ON h.country = p.country AND h.ws = w.ws LEFT JOIN leave_w lw ON "
            "  lw.employee_id = p.id AND lw.ws = w.ws LEFT JOIN load l ON l.employee_id = p.id AND "
            "  l.ws = w.ws) "
            "SELECT p.id, p.display_name, p.entity, p.country, p.practice, p.role, "
            "  p.weekly_capacity_hours::text, p.utilisation_target_pct::text, 5 * p.per_day, "
            "  array_agg(ARRAY[c.cap, c.hard, c.soft, c.weighted] ORDER BY c.n)::text "
            "FROM people p JOIN cells c ON c.id = p.id GROUP BY p.id, p.display_name, p.entity, "
            "  p.country, p.practice, p.role, p.weekly_capacity_hours, p.utilisation_target_pct, "
            "  p.per_day ORDER BY p.id")
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
    QByteArray body;
    body.reserve(4096 + 160 * weeks * limit);
    body += "{\"from\":\"" + formatDate(monday).toLatin1() +
            "\",\"weeks\":" + QJsonDocument(weekList).toJson(QJsonDocument::Compact) +
            ",\"items\":[";
    int count = 0;
    qint64 lastId = 0;
    while (q.next()) {
        lastId = q.value(0).toLongLong();
        if (count++)
            body += ',';
        body += "{\"employee_id\":\"" + QByteArray::number(lastId) +
                "\",\"display_name\":" + jsonString(q.value(1).toString()) +
                ",\"legal_entity\":" + jsonString(q.value(2).toString()) +
                ",\"country\":" + jsonString(q.value(3).toString()) + ",\"practice\":" +
                (q.value(4).isNull() ? QByteArray("null") : jsonString(q.value(4).toString())) +
                ",\"job_role\":" + jsonString(q.value(5).toString()) +
                ",\"weekly_capacity_hours\":\"" + q.value(6).toString().toLatin1() +
                "\",\"utilisation_target_pct\":\"" + q.value(7).toString().toLatin1() +
                "\",\"cells\":[";
        const qint64 weekly = q.value(8).toLongLong();
        const QByteArray cells = q.value(9).toString().toLatin1();
        std::array<qint64, 4> v{};
        int k = 0, n = 0;
        qint64 acc = 0;
        bool inNumber = false;
        for (const char ch : cells) {
            if (ch >= '0' && ch <= '9') {
                acc = acc * 10 + (ch - '0');
                inNumber = true;
                continue;
            }
            if (!inNumber)
                continue;
            v[std::size_t(k++)] = acc;
            acc = 0;
            inNumber = false;
            if (k < 4)
                continue;
            k = 0;
            const qint64 cap = v[0], hard = v[1], soft = v[2], weighted = v[3];
            if (n++)
                body += ',';
            body += "{\"capacity_hours\":\"" + cents((2 * cap + 5) / 10) +
                    "\",\"absence_hours\":\"" + cents((2 * (weekly - cap) + 5) / 10) +
                    "\",\"hard_hours\":\"" + cents((2 * hard + 5) / 10) + "\",\"soft_hours\":\"" +
                    cents((2 * soft + 5) / 10) + "\",\"soft_weighted_hours\":\"" +
                    cents((2 * weighted + 50000) / 100000) + "\",\"allocation_pct\":";
            if (cap > 0) {
                const qint64 tenths = (2000 * (hard + soft) + cap) / (2 * cap);
                body += '"' + QByteArray::number(tenths / 10) + '.' +
                        QByteArray::number(tenths % 10) + "\"}";
            } else {
                body += "null}";
            }
        }
        body += "]}";
    }
    body += ']';
    if (count == limit)
        body += ",\"next_after\":\"" + QByteArray::number(lastId) + '"';
    body += '}';
    return body;
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
