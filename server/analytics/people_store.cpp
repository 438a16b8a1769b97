#include "people_store.h"

#include "db/database.h"
#include "db/pg_array.h"
#include "http/http_types.h"

namespace keel {

void rebuildPersonMonths(QSqlDatabase db, const QList<EntityMonth> &partitions)
{
    const QVariantList binds = partitionBinds(partitions);
    deletePartitions(db, QStringLiteral("analytics_person_month"), partitions);
    // p: the partitions; cap: available hours by employee_range_capacity (0010), the rule the
    // capacity planner and the bench use, once per month; hol: weekday public holidays of each
    // person's country; tm: approved or invoiced hours of the partitions' people, read by
    // time_entries_counted_idx over the months asked. Leave is what the capacity loses beyond
    // the holidays, so capacity − holidays − leave = available exactly. A person who is no
    // longer active counts only in the months they recorded approved time. People without a
    // utilisation target (sales, finance, administration) are not delivery capacity: they are in
    // neither utilisation, the bench nor the pipeline's capacity.
    db::query(
        db,
        QStringLiteral(
            "WITH p AS (SELECT DISTINCT e AS legal_entity_id, m AS month, "
            "(m + interval '1 month' - interval '1 day')::date AS last "
            "FROM unnest(?::bigint[], ?::date[]) AS s(e, m)), "
            "ms AS (SELECT DISTINCT month, last FROM p), "
            "pe AS (SELECT e.* FROM employees e "
            "WHERE e.legal_entity_id IN (SELECT legal_entity_id FROM p)), "
            "cap AS (SELECT ms.month, c.employee_id, c.capacity_hours FROM ms "
            "CROSS JOIN LATERAL employee_range_capacity(ms.month, ms.last) c), "
            "hol AS (SELECT pe.id AS employee_id, ms.month, count(*) AS days FROM ms "
            "JOIN holidays h ON h.date BETWEEN ms.month AND ms.last "
            "AND extract(isodow FROM h.date) < 6 JOIN pe ON pe.country = h.country "
            "GROUP BY pe.id, ms.month), "
            "tm AS (SELECT te.employee_id, date_trunc('month', te.work_date)::date AS month, "
            "coalesce(sum(te.hours) FILTER (WHERE te.billable), 0) AS billable, "
            "coalesce(sum(te.hours) FILTER (WHERE NOT te.billable), 0) AS non_billable "
            "FROM time_entries te WHERE te.status IN ('approved', 'invoiced') "
            "AND te.employee_id IN (SELECT id FROM pe) "
            "AND te.work_date BETWEEN (SELECT min(month) FROM ms) AND (SELECT max(last) FROM ms) "
            "GROUP BY 1, 2), "
            "pm AS (SELECT p.legal_entity_id, p.month, pe.id AS employee_id, pe.practice_id, "
            "round(pe.weekly_capacity_hours / 5 * keel_weekdays(p.month, p.last), 2) AS capacity, "
            "round(pe.weekly_capacity_hours / 5 * coalesce(hol.days, 0), 2) AS holiday, "
            "cap.capacity_hours AS available, coalesce(tm.billable, 0) AS billable, "
            "coalesce(tm.non_billable, 0) AS non_billable, pe.utilisation_target_pct AS target "
            "FROM p JOIN pe ON pe.legal_entity_id = p.legal_entity_id "
            "JOIN cap ON cap.employee_id = pe.id AND cap.month = p.month "
            "LEFT JOIN hol ON hol.employee_id = pe.id AND hol.month = p.month "
            "LEFT JOIN tm ON tm.employee_id = pe.id AND tm.month = p.month "
            "WHERE (pe.active OR tm.employee_id IS NOT NULL) AND pe.utilisation_target_pct > 0) "
            "INSERT INTO analytics_person_month (legal_entity_id, month, employee_id, "
            "practice_id, capacity_hours, holiday_hours, leave_hours, available_hours, "
            "billable_hours, non_billable_hours, target_pct, target_hours) "
            "SELECT legal_entity_id, month, employee_id, practice_id, capacity, holiday, "
            "capacity - holiday - available, available, billable, non_billable, target, "
            "available * target / 100 FROM pm"),
        binds);
    db::query(db,
              QStringLiteral("INSERT INTO analytics_person_month_partitions (legal_entity_id, "
                             "month) SELECT DISTINCT e, m FROM unnest(?::bigint[], ?::date[]) AS "
                             "s(e, m) ON CONFLICT (legal_entity_id, month) DO UPDATE SET "
                             "built_at = now()"),
              binds);
}

void ensurePersonMonthsBuilt(const MetricContext &c)
{
    QSqlQuery q = db::query(
        c.db,
        QStringLiteral("INSERT INTO analytics_stale_months (fact, legal_entity_id, month) "
                       "SELECT 'person_month', e, m::date FROM unnest(?::bigint[]) AS e "
                       "CROSS JOIN generate_series(?::date, ?::date, interval '1 month') AS m "
                       "WHERE NOT EXISTS (SELECT 1 FROM analytics_person_month_partitions p "
                       "WHERE p.legal_entity_id = e AND p.month = m::date) "
                       "ON CONFLICT DO NOTHING"),
        {c.entityArray(), c.filter.from, c.filter.to});
    if (q.numRowsAffected() > 0)
        refreshStaleFacts(c.db, {QStringLiteral("person_month")});
}

QStringList personMonthColumns()
{
    return {QLatin1String(Dimension::Month), QLatin1String(Dimension::Entity),
            QLatin1String(Dimension::Practice), QLatin1String(Dimension::Person)};
}

PeopleGrouping peopleGrouping(const AnalyticsFilter &filter, const QString &alias)
{
    PeopleGrouping g;
    g.first = dimensionSql(filter.by, alias);
    g.hasSecond = !filter.by2.isEmpty();
    if (g.hasSecond)
        g.second = dimensionSql(filter.by2, alias);
    const QLatin1String month(Dimension::Month);
    g.rankFirst = filter.by != month;
    g.rankSecond = !g.rankFirst && g.hasSecond && filter.by2 != month;
    const auto column = [](const QString &dimension) {
        if (dimension == QLatin1String(Dimension::Entity))
            return QStringLiteral("legal_entity_id");
        if (dimension == QLatin1String(Dimension::Practice))
            return QStringLiteral("practice_id");
        if (dimension == QLatin1String(Dimension::Person))
            return QStringLiteral("employee_id");
        return QStringLiteral("month");
    };
    g.rawFirst = column(filter.by);
    g.raw = alias + u'.' + g.rawFirst;
    if (g.hasSecond) {
        g.rawSecond = column(filter.by2);
        g.raw += QStringLiteral(", ") + alias + u'.' + g.rawSecond;
    }
    return g;
}

QString PeopleGrouping::keyColumns() const
{
    return QStringLiteral("%1 AS k1, %2 AS l1, %3 AS k2, %4 AS l2")
        .arg(first.key, first.label, hasSecond ? second.key : QStringLiteral("NULL::text"),
             hasSecond ? second.label : QStringLiteral("NULL::text"));
}

QPair<QString, QString> peopleCursor(const QString &after)
{
    const QStringList parts = after.split(u'|');
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_cursor"),
                                     QStringLiteral("after is the next cursor of a page."));
    return {parts.at(0), parts.at(1)};
}

QString peopleRankedPoints(const AnalyticsFilter &filter, const PeopleGrouping &grouping,
                           const PeopleSums &sums, QVariantList &binds)
{
    QString source = QStringLiteral("a");
    QString order = QStringLiteral("q.k1, q.k2");
    if (grouping.rankFirst || grouping.rankSecond) {
        const QString rk = grouping.rankFirst ? grouping.rawFirst : grouping.rawSecond;
        const QString direction =
            filter.order == QLatin1String("asc") ? QStringLiteral("ASC") : QStringLiteral("DESC");
        // Ranked on the ids before any key or label is made, with windows rather than a join
        // back to the ranking: one pass over the cells whatever the planner thinks of them.
        source = QStringLiteral("(SELECT r.* FROM (SELECT s.*, dense_rank() OVER (ORDER BY %1 %2 "
                                "NULLS LAST, %3) AS pos FROM (SELECT a.*, sum(num) OVER "
                                "(PARTITION BY %3) AS rnum, sum(den) OVER (PARTITION BY %3) AS "
                                "rden FROM a) s) r WHERE r.pos <= ?)")
                     .arg(sums.rankValue, direction, rk);
        binds.append(filter.limit);
        order = grouping.rankFirst ? QStringLiteral("q.pos, q.k2") : QStringLiteral("q.k1, q.pos");
    }
    return QStringLiteral("WITH a AS (%1) SELECT q.k1, q.l1, q.k2, q.l2, q.value::text, "
                          "q.num::text, q.den::text, q.extra::text FROM (SELECT %2, f.num, f.den, "
                          "%3, %4 AS pos FROM %5 f %6) q ORDER BY %7")
        .arg(sums.inner, grouping.keyColumns(), sums.figures,
             source == QLatin1String("a") ? QStringLiteral("0") : QStringLiteral("f.pos"), source,
             grouping.joins(), order);
}

} // namespace keel
