#include "margin_risk_store.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <unordered_map>

namespace keel {

namespace {

// The schedule measures of a project on a day: days passed (0 … total) and the total (≥ 1).
constexpr auto MarginRiskDaysSql = R"(
    greatest(p.end_date - p.start_date, 1) AS total_days,
    least(greatest(d.day - p.start_date, 0), greatest(p.end_date - p.start_date, 1)) AS elapsed_days)";

// Budget and contract version as of the day: the latest created by then, else the first.
constexpr auto MarginRiskVersionsSql = R"(
bv AS (SELECT DISTINCT ON (v.project_id) v.project_id, v.id FROM project_budget_versions v
       JOIN p ON p.id = v.project_id CROSS JOIN d
       ORDER BY v.project_id, (v.created_at::date <= d.day) DESC,
                CASE WHEN v.created_at::date <= d.day THEN -v.budget_version
                     ELSE v.budget_version END),
b AS (SELECT bv.project_id, sum(l.hours) AS bh, sum(l.cost) AS bc, sum(l.revenue) AS br
      FROM bv JOIN project_budget_lines l ON l.budget_version_id = bv.id GROUP BY 1),
cv AS (SELECT DISTINCT ON (p.id) p.id AS project_id, v.total_value FROM p
       JOIN contract_versions v ON v.contract_id = p.contract_id CROSS JOIN d
       ORDER BY p.id, (v.created_at::date <= d.day) DESC,
                CASE WHEN v.created_at::date <= d.day THEN -v.contract_version
                     ELSE v.contract_version END))";

QString arrayOf(const QList<qint64> &ids)
{
    db::PgArray a;
    for (const qint64 id : ids)
        a.add(id);
    return a.literal();
}

} // namespace

std::vector<MarginRiskProjectRow> marginRiskProjects(QSqlDatabase db,
                                                     const QList<qint64> &entityIds,
                                                     qint64 managerUserId, QDate asOf,
                                                     const MarginRiskParameters &params)
{
    // Cost is approved time's cost converted to the project's currency per work day (the
    // analytics core's rate), rounded to the cent, then added: the same sum the backtest
    // replays. Approval rounds each entry's cost to its currency's minor units, so where the
    // entry's currency is the project's and every entry is whole cents, rounding per day changes
    // nothing and the entries are added without grouping by day (g: one pass over the entries,
    // a few hundred groups, which also gives the unbilled hours); only cross-currency pairs, or
    // a pair with a sub-cent entry, are grouped per day and converted (td, a few percent of
    // the rows). Same sums to the cent, about a third of the time at scale 1
    // (time_entries_margin_risk_idx, 0032, makes both passes index-only scans).
    const QString sql =
        QStringLiteral(R"(
WITH d AS (SELECT ?::date AS day, ?::float8 AS min_elapsed, ?::numeric AS firm_target),
p AS (SELECT p.id, p.legal_entity_id, p.name, p.currency, p.start_date, p.end_date, p.contract_id,
             coalesce(c.number, 'P-' || p.id) AS code, a.name AS account,
             coalesce(u.display_name, '') AS manager,
             EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = p.contract_id
                     AND l.billing_model = 'time_and_materials') AS tm, %1
      FROM projects p CROSS JOIN d JOIN accounts a ON a.id = p.account_id
      LEFT JOIN contracts c ON c.id = p.contract_id
      LEFT JOIN users u ON u.id = p.project_manager_id
      WHERE p.legal_entity_id = ANY(?::bigint[]) AND p.status IN ('active', 'on_hold')
        AND p.start_date <= d.day AND (?::bigint = 0 OR p.project_manager_id = ?::bigint)),
%2,
g AS (SELECT te.project_id, te.cost_currency, te.invoice_id, te.billable,
             sum(te.hours) AS h, sum(te.cost_amount) AS c,
             sum(te.hours) FILTER (WHERE te.work_date <= d.day - 28) AS hb,
             count(*) FILTER (WHERE te.cost_amount <> round(te.cost_amount, 2)) AS fine
      FROM time_entries te JOIN p ON p.id = te.project_id CROSS JOIN d
      WHERE te.status IN ('approved', 'invoiced') AND te.work_date <= d.day GROUP BY 1, 2, 3, 4),
gc AS (SELECT g.project_id, g.cost_currency, sum(g.h) AS h, sum(g.c) AS c,
              g.cost_currency IS DISTINCT FROM p.currency OR sum(g.fine) > 0 AS by_day
       FROM g JOIN p ON p.id = g.project_id GROUP BY g.project_id, g.cost_currency, p.currency),
td AS (SELECT te.project_id, te.cost_currency, te.work_date, sum(te.cost_amount) AS c
       FROM gc JOIN time_entries te ON te.project_id = gc.project_id
            AND te.cost_currency = gc.cost_currency CROSS JOIN d
       WHERE gc.by_day AND te.status IN ('approved', 'invoiced') AND te.work_date <= d.day
       GROUP BY 1, 2, 3),
tdc AS (SELECT td.project_id, sum(round(td.c * analytics_fx_rate(td.cost_currency, p.currency,
                                                                  td.work_date), 2)) AS c
        FROM td JOIN p ON p.id = td.project_id GROUP BY 1),
t AS (SELECT gc.project_id, sum(gc.h) AS h,
             coalesce(round(sum(gc.c) FILTER (WHERE NOT gc.by_day), 2), 0)
                 + coalesce(max(tdc.c), 0) AS c
      FROM gc LEFT JOIN tdc ON tdc.project_id = gc.project_id GROUP BY 1),
m AS (SELECT ms.project_id, count(*) AS due,
             count(*) FILTER (WHERE NOT coalesce(ms.state IN ('accepted', 'billable')
                 AND coalesce(ms.accepted_date, ms.actual_date) <= d.day, false)) AS slipping
      FROM project_milestones ms JOIN p ON p.id = ms.project_id CROSS JOIN d
      WHERE ms.planned_date < d.day GROUP BY 1),
cr AS (SELECT r.project_id, count(*) AS n, sum(r.delta_value) AS v
       FROM project_change_requests r JOIN p ON p.id = r.project_id CROSS JOIN d
       WHERE r.submitted_at::date <= d.day AND (r.decided_at IS NULL OR r.decided_at::date > d.day)
       GROUP BY 1),
ub AS (SELECT g.project_id,
              sum(g.h) FILTER (WHERE i.invoice_date IS NULL OR i.invoice_date > d.day) AS now_h,
              sum(g.hb) FILTER (WHERE i.invoice_date IS NULL OR i.invoice_date > d.day - 28)
                  AS before_h
       FROM g JOIN p ON p.id = g.project_id AND p.tm CROSS JOIN d
       LEFT JOIN invoices i ON i.id = g.invoice_id
       WHERE g.billable GROUP BY 1),
x AS (SELECT p.*, b.bh, b.bc, b.br, coalesce(cv.total_value, b.br, 0) AS cv,
             coalesce(t.c, 0) AS ac, coalesce(t.h, 0) AS ah, d.firm_target,
             CASE WHEN p.elapsed_days > 0
                       AND p.elapsed_days::float8 / p.total_days >= d.min_elapsed
                  THEN round(coalesce(t.c, 0) * p.total_days / p.elapsed_days, 2)
                  ELSE greatest(b.bc, coalesce(t.c, 0)) END AS eac
      FROM p CROSS JOIN d JOIN b ON b.project_id = p.id AND b.bc > 0
      LEFT JOIN cv ON cv.project_id = p.id LEFT JOIN t ON t.project_id = p.id)
SELECT x.id, x.legal_entity_id, x.code, x.name, x.account, x.manager, x.currency,
       x.cv::float8, x.bc::float8, x.bh::float8, coalesce(x.br, 0)::float8, x.ac::float8,
       x.ah::float8, x.elapsed_days::float8 / x.total_days, coalesce(m.due, 0),
       coalesce(m.slipping, 0), coalesce(cr.n, 0), round(coalesce(cr.v, 0), 2)::text, x.tm,
       coalesce(ub.now_h, 0)::float8, coalesce(ub.before_h, 0)::float8,
       round(x.cv, 2)::text, round(x.cv - x.eac, 2)::text,
       CASE WHEN x.cv > 0 THEN round((x.cv - x.eac) / x.cv, 4) ELSE 0 END::text,
       CASE WHEN x.br > 0 THEN round((x.br - x.bc) / x.br, 4)
            ELSE round(x.firm_target, 4) END::text,
       round(x.ac / x.bc, 4)::text
FROM x LEFT JOIN m ON m.project_id = x.id LEFT JOIN cr ON cr.project_id = x.id
LEFT JOIN ub ON ub.project_id = x.id ORDER BY x.id)")
            .arg(QLatin1String(MarginRiskDaysSql), QLatin1String(MarginRiskVersionsSql));
    QSqlQuery q =
        db::query(db, sql,
                  {asOf, params.minElapsed, QString::number(params.firmTargetMargin, 'f', 4),
                   arrayOf(entityIds), managerUserId, managerUserId});
    std::vector<MarginRiskProjectRow> rows;
    while (q.next()) {
        MarginRiskProjectRow r;
        r.projectId = q.value(0).toLongLong();
        r.entityId = q.value(1).toLongLong();
        r.code = q.value(2).toString();
        r.name = q.value(3).toString();
        r.account = q.value(4).toString();
        r.manager = q.value(5).toString();
        MarginRiskFeatures &f = r.features;
        f.currency = q.value(6).toString();
        f.contractValue = q.value(7).toDouble();
        f.budgetCost = q.value(8).toDouble();
        f.budgetHours = q.value(9).toDouble();
        f.budgetRevenue = q.value(10).toDouble();
        f.costSpent = q.value(11).toDouble();
        f.hoursSpent = q.value(12).toDouble();
        f.elapsed = q.value(13).toDouble();
        f.milestonesDue = q.value(14).toInt();
        f.milestonesSlipping = q.value(15).toInt();
        f.changeRequestsPending = q.value(16).toInt();
        f.pendingValue = q.value(17).toString();
        f.timeAndMaterials = q.value(18).toBool();
        f.unbilledHours = q.value(19).toDouble();
        f.unbilledHoursBefore = q.value(20).toDouble();
        r.contractValue = q.value(21).toString();
        r.expectedMargin = q.value(22).toString();
        r.forecastMargin = q.value(23).toString();
        r.targetMargin = q.value(24).toString();
        r.budgetSpent = q.value(25).toString();
        rows.push_back(std::move(r));
    }
    return rows;
}

MarginRiskFeatures MarginRiskHistory::featuresAt(const Project &p, qint64 day)
{
    MarginRiskFeatures f;
    // The latest version created by the day, else the first.
    const auto asOfVersion = [day](const std::vector<Dated> &versions) -> const Dated * {
        const Dated *chosen = versions.empty() ? nullptr : &versions.front();
        for (const Dated &v : versions)
            if (v.day <= day)
                chosen = &v;
        return chosen;
    };
    if (const Dated *b = asOfVersion(p.budgets)) {
        f.budgetCost = b->a;
        f.budgetHours = b->b;
        f.budgetRevenue = b->c;
    }
    const Dated *c = asOfVersion(p.contracts);
    f.contractValue = c ? c->a : f.budgetRevenue;
    for (const Dated &t : p.time) {
        if (t.day > day)
            break;
        f.costSpent += t.a;
        f.hoursSpent += t.b;
    }
    const qint64 total = std::max<qint64>(p.end - p.start, 1);
    f.elapsed = double(std::clamp<qint64>(day - p.start, 0, total)) / double(total);
    for (const Dated &m : p.milestones) {
        if (m.day >= day)
            continue;
        ++f.milestonesDue;
        if (m.a == 0 || qint64(m.a) > day)
            ++f.milestonesSlipping;
    }
    for (const Dated &r : p.changes)
        if (r.day <= day && (r.a == 0 || qint64(r.a) > day))
            ++f.changeRequestsPending;
    f.timeAndMaterials = p.timeAndMaterials;
    const qint64 before = day - 28;
    for (const Dated &u : p.unbilled) {
        if (u.day > day)
            break;
        if (u.a == 0 || qint64(u.a) > day)
            f.unbilledHours += u.b;
        if (u.day <= before && (u.a == 0 || qint64(u.a) > before))
            f.unbilledHoursBefore += u.b;
    }
    return f;
}

MarginRiskHistory loadMarginRiskHistory(QSqlDatabase db, QDate asOf)
{
    MarginRiskHistory h;
    std::unordered_map<qint64, std::size_t> index;
    QSqlQuery q = db::query(
        db,
        "SELECT p.id, p.start_date, p.end_date, EXISTS (SELECT 1 FROM insights_planted ip WHERE "
        "ip.kind = 'overrun_project' AND ip.subject_id = p.id), EXISTS (SELECT 1 FROM "
        "contract_lines l WHERE l.contract_id = p.contract_id AND l.billing_model = "
        "'time_and_materials') FROM projects p WHERE p.start_date <= ?::date AND p.status <> "
        "'planned' ORDER BY p.id",
        {asOf});
    while (q.next()) {
        MarginRiskHistory::Project p;
        p.id = q.value(0).toLongLong();
        p.start = q.value(1).toDate().toJulianDay();
        p.end = q.value(2).toDate().toJulianDay();
        p.planted = q.value(3).toBool();
        p.timeAndMaterials = q.value(4).toBool();
        index.emplace(p.id, h.projects.size());
        h.projects.push_back(std::move(p));
    }
    const auto day = [](const QVariant &v) -> qint64 {
        return v.isNull() ? 0 : v.toDate().toJulianDay();
    };
    // Each query: project id, day, then up to three values, ordered by project and day.
    const auto read = [&](const char *sql,
                          std::vector<MarginRiskHistory::Dated> MarginRiskHistory::Project::*into,
                          bool secondIsDay) {
        QSqlQuery r = db::query(db, QString::fromLatin1(sql), {asOf});
        while (r.next()) {
            const auto it = index.find(r.value(0).toLongLong());
            if (it == index.end())
                continue;
            MarginRiskHistory::Dated d;
            d.day = day(r.value(1));
            d.a = secondIsDay ? double(day(r.value(2))) : r.value(2).toDouble();
            d.b = r.value(3).toDouble();
            d.c = r.value(4).toDouble();
            (h.projects[it->second].*into).push_back(d);
        }
    };
    read("SELECT v.project_id, v.created_at::date, sum(l.cost), sum(l.hours), sum(l.revenue) FROM "
         "project_budget_versions v JOIN project_budget_lines l ON l.budget_version_id = v.id "
         "WHERE ?::date IS NOT NULL GROUP BY v.project_id, v.id ORDER BY v.project_id, "
         "v.budget_version",
         &MarginRiskHistory::Project::budgets, false);
    read("SELECT p.id, v.created_at::date, v.total_value, 0, 0 FROM projects p JOIN "
         "contract_versions v ON v.contract_id = p.contract_id WHERE ?::date IS NOT NULL ORDER BY "
         "p.id, v.contract_version",
         &MarginRiskHistory::Project::contracts, false);
    read("SELECT td.project_id, td.work_date, coalesce(sum(round(td.c * "
         "analytics_fx_rate(td.cost_currency, p.currency, td.work_date), 2)), 0), sum(td.h), 0 "
         "FROM (SELECT project_id, cost_currency, work_date, sum(hours) AS h, sum(cost_amount) AS "
         "c FROM time_entries WHERE status IN ('approved', 'invoiced') AND work_date <= ?::date "
         "GROUP BY 1, 2, 3) td JOIN projects p ON p.id = td.project_id GROUP BY 1, 2 ORDER BY 1, 2",
         &MarginRiskHistory::Project::time, false);
    read("SELECT project_id, planned_date, CASE WHEN state IN ('accepted', 'billable') THEN "
         "coalesce(accepted_date, actual_date) END, 0, 0 FROM project_milestones WHERE ?::date IS "
         "NOT NULL ORDER BY 1, 2",
         &MarginRiskHistory::Project::milestones, true);
    read("SELECT project_id, submitted_at::date, decided_at::date, 0, 0 FROM "
         "project_change_requests WHERE ?::date IS NOT NULL ORDER BY 1, 2",
         &MarginRiskHistory::Project::changes, true);
    read("SELECT te.project_id, te.work_date, i.invoice_date, sum(te.hours), 0 FROM time_entries "
         "te JOIN projects p ON p.id = te.project_id LEFT JOIN invoices i ON i.id = te.invoice_id "
         "WHERE te.billable AND te.status IN ('approved', 'invoiced') AND te.work_date <= ?::date "
         "AND EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = p.contract_id AND "
         "l.billing_model = 'time_and_materials') GROUP BY 1, 2, 3 ORDER BY 1, 2",
         &MarginRiskHistory::Project::unbilled, true);
    return h;
}

double marginRiskFirmTarget(QSqlDatabase db, QDate asOf)
{
    QSqlQuery q = db::query(
        db,
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (br - bc) / br) FROM (SELECT "
        "sum(l.revenue) AS br, sum(l.cost) AS bc FROM project_budget_versions v JOIN "
        "project_budget_lines l ON l.budget_version_id = v.id WHERE v.created_at::date <= ?::date "
        "GROUP BY v.id) s WHERE br > 0",
        {asOf});
    return q.next() && !q.value(0).isNull() ? q.value(0).toDouble() : 0.35;
}

} // namespace keel
