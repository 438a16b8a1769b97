#include "capacity_store.h"

#include <QSqlQuery>
#include <QVariantList>

namespace keel {

namespace {

// Hours of an item (hours_per_week, start_date, end_date of alias `t`) in the week starting at
// w.ws: hours per week × its working days in that week / 5.
QString weekHours(const QString &t)
{
    return QStringLiteral("%1.hours_per_week * (least(%1.end_date, w.ws + 4) - "
                          "greatest(%1.start_date, w.ws) + 1) / 5")
        .arg(t);
}

QString overlapsWeek(const QString &t)
{
    return QStringLiteral("%1.start_date <= w.ws + 4 AND %1.end_date >= w.ws").arg(t);
}

struct GroupSql
{
    QString employeeKeys; // SELECT id, key FROM emp ...
    QString requestKeys;  // SELECT id, key FROM req ...
    QString labelJoin;    // joins on k.key, giving code, name, ord
    QString code, name, order;
};

GroupSql groupSql(const QString &groupBy)
{
    GroupSql g;
    if (groupBy == QLatin1String("skill")) {
        g.employeeKeys =
            QStringLiteral("SELECT emp.id, coalesce(es.skill_id::text, '') AS key FROM emp "
                           "LEFT JOIN employee_skills es ON es.employee_id = emp.id");
        g.requestKeys =
            QStringLiteral("SELECT req.id, coalesce(rs.skill_id::text, '') AS key FROM req "
                           "LEFT JOIN resource_request_skills rs ON rs.request_id = req.id");
        g.labelJoin = QStringLiteral(" LEFT JOIN skills l ON l.id::text = k.key ");
        g.code = QStringLiteral("l.code");
        g.name = QStringLiteral("l.name");
        g.order = QStringLiteral("l.name NULLS LAST");
    } else if (groupBy == QLatin1String("practice")) {
        g.employeeKeys =
            QStringLiteral("SELECT emp.id, coalesce(emp.practice_id::text, '') AS key FROM emp");
        g.requestKeys =
            QStringLiteral("SELECT req.id, coalesce(req.practice_id::text, '') AS key FROM req");
        g.labelJoin = QStringLiteral(" LEFT JOIN practices l ON l.id::text = k.key ");
        g.code = QStringLiteral("l.code");
        g.name = QStringLiteral("l.name");
        g.order = QStringLiteral("l.code NULLS LAST");
    } else if (groupBy == QLatin1String("country")) {
        g.employeeKeys = QStringLiteral("SELECT emp.id, emp.country::text AS key FROM emp");
        g.requestKeys = QStringLiteral("SELECT req.id, req.country::text AS key FROM req");
        g.code = QStringLiteral("nullif(k.key, '')");
        g.name = QStringLiteral("nullif(k.key, '')");
        g.order = QStringLiteral("k.key");
    } else { // role
        g.employeeKeys = QStringLiteral("SELECT emp.id, emp.job_role_id::text AS key FROM emp");
        g.requestKeys = QStringLiteral("SELECT req.id, req.job_role_id::text AS key FROM req");
        g.labelJoin = QStringLiteral(" LEFT JOIN job_roles l ON l.id::text = k.key ");
        g.code = QStringLiteral("l.code");
        g.name = QStringLiteral("l.name");
        g.order = QStringLiteral("l.sort_order, l.code");
    }
    return g;
}

} // namespace

QString entityScopeSql(const EntityScope &scope, const QString &alias, QVariantList &binds)
{
    QStringList parts;
    if (!scope.all) {
        parts << QStringLiteral("%1.code = ANY(string_to_array(?::text, ','))").arg(alias);
        binds << scope.entities.join(u',');
    }
    if (!scope.entity.isEmpty()) {
        parts << QStringLiteral("%1.code = ?").arg(alias);
        binds << scope.entity;
    }
    return parts.isEmpty() ? QStringLiteral("true") : parts.join(QStringLiteral(" AND "));
}

QSqlDatabase CapacityStore::db() const
{
    return db::connection(m_config);
}

QList<CapacityCell> CapacityStore::grid(const CapacityQuery &q) const
{
    const GroupSql g = groupSql(q.groupBy);
    const QDate last = q.monday.addDays(7 * q.weeks - 1);
    QVariantList binds{q.monday, q.weeks};
    const QString empScope = entityScopeSql(q.scope, QStringLiteral("le"), binds);
    binds << q.monday << q.weeks << last << q.monday;
    const QString reqScope = entityScopeSql(q.scope, QStringLiteral("le"), binds);

    // emp: the people counted; cap: their available hours per week (0010's
    // employee_weeks_available, the same figures as 0009's employee_week_capacity); asg: their
    // hard and soft (× probability) assignment hours per week; pe: one row per person and week;
    // req: open requests in the range; reqw: their hours per week not yet covered by the
    // assignments made for them, soft ones × the opportunity's probability; ek / rk: the group
    // keys of people and requests (by skill a person has several); tot: the week totals, from pe
    // and reqw, so everyone and every request counts once.
    const QString sql =
        QStringLiteral(
            "WITH w AS (SELECT (?::date + 7 * i) AS ws FROM generate_series(0, ?::int - 1) AS i), "
            "emp AS (SELECT e.id, e.job_role_id, e.practice_id, e.country FROM employees e "
            "JOIN legal_entities le ON le.id = e.legal_entity_id WHERE e.active AND %1), "
            "cap AS (SELECT c.employee_id, c.week_start AS ws, c.capacity_hours AS hours "
            "FROM employee_weeks_available(?::date, ?::int) c), "
            "asg AS (SELECT a.employee_id, w.ws, "
            "sum(CASE WHEN a.kind = 'hard' THEN %3 ELSE 0 END) AS hard, "
            "sum(CASE WHEN a.kind = 'soft' THEN %3 * a.probability / 100 ELSE 0 END) AS soft "
            "FROM assignments a JOIN emp ON emp.id = a.employee_id JOIN w ON %4 "
            "GROUP BY a.employee_id, w.ws), "
            "pe AS (SELECT emp.id, c.ws, c.hours AS avail, coalesce(a.hard, 0) AS hard, "
            "coalesce(a.soft, 0) AS soft FROM emp JOIN cap c ON c.employee_id = emp.id "
            "LEFT JOIN asg a ON a.employee_id = emp.id AND a.ws = c.ws), "
            "req AS (SELECT r.id, r.kind, r.job_role_id, r.hours_per_week, r.start_date, "
            "r.end_date, coalesce(p.practice_id, o.practice_id) AS practice_id, "
            "coalesce(r.location_country, le.country) AS country, "
            "CASE WHEN r.kind = 'soft' THEN coalesce(o.probability, r.probability) / 100 "
            "ELSE 1 END AS weight FROM resource_requests r "
            "JOIN legal_entities le ON le.id = r.legal_entity_id "
            "LEFT JOIN projects p ON p.id = r.project_id "
            "LEFT JOIN opportunities o ON o.id = r.opportunity_id "
            "WHERE r.status = 'open' AND r.start_date <= ? AND r.end_date >= ? AND %2), "
            "reqw AS (SELECT req.id, w.ws, req.kind, greatest(0, %5 - coalesce((SELECT "
            "sum(%6) FROM assignments a WHERE a.request_id = req.id AND %4), 0)) * req.weight "
            "AS hours FROM req JOIN w ON %7), "
            "ek AS (%8), rk AS (%9), "
            "u AS (SELECT ek.key, pe.ws, pe.avail, pe.hard, pe.soft FROM pe JOIN ek ON ek.id = "
            "pe.id "
            "UNION ALL SELECT rk.key, q.ws, 0, CASE WHEN q.kind = 'hard' THEN q.hours ELSE 0 "
            "END, CASE WHEN q.kind = 'soft' THEN q.hours ELSE 0 END FROM reqw q "
            "JOIN rk ON rk.id = q.id), "
            "agg AS (SELECT key, ws, round(sum(avail), 2) AS a, round(sum(hard), 2) AS h, "
            "round(sum(soft), 2) AS s FROM u GROUP BY key, ws), "
            "tot AS (SELECT ws, round(sum(avail), 2) AS a, round(sum(hard), 2) AS h, "
            "round(sum(soft), 2) AS s FROM (SELECT ws, avail, hard, soft FROM pe UNION ALL "
            "SELECT ws, 0, CASE WHEN kind = 'hard' THEN hours ELSE 0 END, CASE WHEN kind = "
            "'soft' THEN hours ELSE 0 END FROM reqw) t GROUP BY ws), "
            "keys AS (SELECT k.key, %10 AS code, %11 AS name, dense_rank() OVER (ORDER BY %13, "
            "k.key) AS ord FROM (SELECT DISTINCT key FROM agg) k %12) "
            "SELECT false AS is_total, keys.ord, keys.key, keys.code, keys.name, w.ws, "
            "coalesce(agg.a, 0), coalesce(agg.h, 0), coalesce(agg.s, 0) "
            "FROM keys CROSS JOIN w LEFT JOIN agg ON agg.key = keys.key AND agg.ws = w.ws "
            "UNION ALL SELECT true, 0, NULL, NULL, NULL, w.ws, coalesce(tot.a, 0), "
            "coalesce(tot.h, 0), coalesce(tot.s, 0) FROM w LEFT JOIN tot ON tot.ws = w.ws "
            "ORDER BY 1, 2, 6")
            .arg(empScope, reqScope, weekHours(QStringLiteral("a")),
                 overlapsWeek(QStringLiteral("a")), weekHours(QStringLiteral("req")),
                 weekHours(QStringLiteral("a")), overlapsWeek(QStringLiteral("req")),
                 g.employeeKeys, g.requestKeys)
            .arg(g.code, g.name, g.labelJoin, g.order);
    // A read-only analytic query: JIT compilation would cost more than the query itself.
    db::Transaction tx(db());
    db::exec(tx.database(), QStringLiteral("SET LOCAL jit = off"));
    QSqlQuery r = db::query(tx.database(), sql, binds);
    QList<CapacityCell> out;
    while (r.next()) {
        CapacityCell c;
        c.total = r.value(0).toBool();
        c.key = r.value(3).toString();
        c.name = r.value(4).toString();
        c.weekStart = r.value(5).toDate();
        c.available = r.value(6).toString();
        c.hard = r.value(7).toString();
        c.soft = r.value(8).toString();
        out.append(c);
    }
    tx.commit();
    return out;
}

QList<BenchRow> CapacityStore::bench(const BenchQuery &q) const
{
    // cap: available hours in the range (0010's employee_range_capacity); bk: hours booked by
    // assignments in the range, hard and soft (a tentative booking holds the person too).
    QVariantList binds{q.from, q.to, q.from, q.to, q.to, q.from};
    QString sql = QStringLiteral(
        "WITH cap AS (SELECT * FROM employee_range_capacity(?::date, ?::date)), "
        "bk AS (SELECT a.employee_id, "
        "sum(CASE WHEN a.kind = 'hard' THEN h ELSE 0 END) AS hard, "
        "sum(CASE WHEN a.kind = 'soft' THEN h ELSE 0 END) AS soft FROM assignments a "
        "CROSS JOIN LATERAL (SELECT a.hours_per_week * keel_weekdays(greatest(a.start_date, "
        "?::date), least(a.end_date, ?::date)) / 5 AS h) x "
        "WHERE a.start_date <= ? AND a.end_date >= ? GROUP BY a.employee_id), "
        "f AS (SELECT e.id, u.display_name, le.code AS entity, e.country, jr.code AS role, "
        "jr.name AS role_name, p.code AS practice, e.weekly_capacity_hours, "
        "cap.capacity_hours AS avail, round(coalesce(bk.hard, 0), 2) AS hard, "
        "round(coalesce(bk.soft, 0), 2) AS soft, %1 AS level "
        "FROM employees e JOIN users u ON u.id = e.user_id "
        "JOIN legal_entities le ON le.id = e.legal_entity_id "
        "JOIN job_roles jr ON jr.id = e.job_role_id "
        "LEFT JOIN practices p ON p.id = e.practice_id "
        "JOIN cap ON cap.employee_id = e.id LEFT JOIN bk ON bk.employee_id = e.id "
        "WHERE e.active AND %2");
    QString level = QStringLiteral("0");
    QVariantList levelBinds;
    if (q.skillId > 0) {
        level = QStringLiteral(
            "coalesce((SELECT es.level FROM employee_skills es WHERE es.employee_id = e.id AND "
            "es.skill_id = ?), 0)");
        levelBinds << q.skillId;
    }
    binds << levelBinds;
    QString where = entityScopeSql(q.scope, QStringLiteral("le"), binds);
    if (q.practiceId > 0) {
        where += QStringLiteral(" AND e.practice_id = ?");
        binds << q.practiceId;
    }
    sql = sql.arg(level, where);
    sql += QStringLiteral("), g AS (SELECT *, avail - hard - soft AS free FROM f) "
                          "SELECT id, display_name, entity, country, role, role_name, practice, "
                          "weekly_capacity_hours, avail, hard, soft, free, level FROM g "
                          "WHERE free >= ?::numeric");
    binds << q.minFree;
    if (q.skillId > 0) {
        sql += QStringLiteral(" AND level >= ?");
        binds << q.minLevel;
    }
    if (!q.afterFree.isEmpty()) {
        sql += QStringLiteral(" AND (free < ?::numeric OR (free = ?::numeric AND id > ?))");
        binds << q.afterFree << q.afterFree << q.afterId;
    }
    sql += QStringLiteral(" ORDER BY free DESC, id LIMIT ?");
    binds << q.limit;
    db::Transaction tx(db());
    db::exec(tx.database(), QStringLiteral("SET LOCAL jit = off"));
    QSqlQuery r = db::query(tx.database(), sql, binds);
    QList<BenchRow> out;
    while (r.next()) {
        BenchRow b;
        b.employeeId = r.value(0).toLongLong();
        b.name = r.value(1).toString();
        b.entity = r.value(2).toString();
        b.country = r.value(3).toString();
        b.jobRole = r.value(4).toString();
        b.jobRoleName = r.value(5).toString();
        b.practice = r.value(6).toString();
        b.weeklyCapacity = r.value(7).toString();
        b.available = r.value(8).toString();
        b.hard = r.value(9).toString();
        b.soft = r.value(10).toString();
        b.free = r.value(11).toString();
        b.skillLevel = r.value(12).toInt();
        out.append(b);
    }
    tx.commit();
    return out;
}

bool CapacityStore::entityExists(const QString &code) const
{
    QSqlQuery r =
        db::query(db(), QStringLiteral("SELECT 1 FROM legal_entities WHERE code = ?"), {code});
    return r.next();
}

std::optional<qint64> CapacityStore::practiceId(const QString &code) const
{
    QSqlQuery r =
        db::query(db(), QStringLiteral("SELECT id FROM practices WHERE code = ?"), {code});
    if (r.next())
        return r.value(0).toLongLong();
    return std::nullopt;
}

std::optional<qint64> CapacityStore::skillId(const QString &code) const
{
    QSqlQuery r = db::query(db(), QStringLiteral("SELECT id FROM skills WHERE code = ?"), {code});
    if (r.next())
        return r.value(0).toLongLong();
    return std::nullopt;
}

} // namespace keel
