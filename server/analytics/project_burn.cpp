#include "db/database.h"
#include "project_sql.h"

namespace keel::project_analytics {

namespace {

const QStringList BurnColumns{QLatin1String(Dimension::Entity), QLatin1String(Dimension::Practice),
                              QLatin1String(Dimension::Client), QLatin1String(Dimension::Project),
                              QStringLiteral("manager")};

struct BurnSql
{
    QString with; // "WITH pj AS (…), …, b AS (…)": b has one row per project, functional amounts
    QVariantList binds;
};

// The projects in scope (running at some time in from..to) and, per project in its entity's
// functional currency: cost to date (every month of the aggregate up to `to`), hours to date,
// the latest budget version's cost and the tasks' estimate to complete (hours and cost, the
// revenue measures' ETC). Budget and ETC are in the project's currency, converted at the rate of
// the last day of `to` when it differs. The sums are MATERIALIZED: the rates relation is estimated
// at one row and the planner then re-ran them once per project (300 ms instead of 10). The
// currencies stay char(3), as in fx_rates, so the rate lookup uses its key (as text it was a
// sequential scan, costed high enough to be JIT-compiled: another 200 ms).
BurnSql burnSql(const MetricContext &c)
{
    const SqlFragment slice = sliceCondition(c, BurnColumns);
    BurnSql out;
    out.with =
        QStringLiteral(R"(
WITH pj AS (
    SELECT f.project_id, f.legal_entity_id, f.name, f.currency, f.functional, f.status FROM (
        SELECT p.id AS project_id, p.legal_entity_id, p.practice_id, p.account_id AS client_id,
               ?::date AS month, p.name, p.currency, p.status,
               le.functional_currency AS functional
        FROM projects p JOIN legal_entities le ON le.id = p.legal_entity_id
        WHERE p.start_date <= ? AND p.end_date >= ?) f
    WHERE %1),
cost AS MATERIALIZED (
    SELECT m.project_id, sum(m.labour_cost + m.expense_cost + m.subcontract_cost) AS cost,
           sum(m.hours) AS hours
    FROM analytics_project_month m
    JOIN pj ON pj.project_id = m.project_id AND pj.legal_entity_id = m.legal_entity_id
    WHERE m.month <= ?
    GROUP BY 1),
bv AS (
    SELECT DISTINCT ON (v.project_id) v.project_id, v.id
    FROM project_budget_versions v JOIN pj ON pj.project_id = v.project_id
    ORDER BY v.project_id, v.budget_version DESC),
bud AS MATERIALIZED (
    SELECT bv.project_id, sum(l.cost) AS budget
    FROM bv JOIN project_budget_lines l ON l.budget_version_id = bv.id GROUP BY 1),
etc AS MATERIALIZED (
    SELECT t.project_id, sum(t.etc_hours) AS etc_hours, sum(t.etc_cost) AS etc_cost
    FROM project_tasks t JOIN pj ON pj.project_id = t.project_id GROUP BY 1),
b AS MATERIALIZED (
    SELECT pj.project_id, pj.legal_entity_id, pj.name, pj.functional,
           coalesce(cost.cost, 0) AS cost, coalesce(cost.hours, 0) AS hours,
           coalesce(round(coalesce(bud.budget, 0) * r.rate, 2), 0) AS budget,
           coalesce(round(coalesce(etc.etc_cost, 0) * r.rate, 2), 0) AS etc_cost,
           coalesce(etc.etc_hours, 0) AS etc_hours
    FROM pj
    CROSS JOIN LATERAL (SELECT CASE WHEN pj.currency = pj.functional THEN 1
                                    ELSE %2 END AS rate) r
    LEFT JOIN cost ON cost.project_id = pj.project_id
    LEFT JOIN bud ON bud.project_id = pj.project_id
    LEFT JOIN etc ON etc.project_id = pj.project_id
    WHERE cost.project_id IS NOT NULL OR bud.project_id IS NOT NULL))")
            .arg(slice.sql, fxRateSql(QStringLiteral("pj.currency"),
                                      QStringLiteral("pj.functional"), QStringLiteral("?::date")));
    out.binds = {c.filter.from, c.filter.lastDay(), c.filter.from};
    out.binds += slice.binds;
    out.binds << c.filter.to << c.filter.lastDay();
    return out;
}

// Cost to date, budget and EAC are balances at the end of `to`: each entity's sum converted at
// that month's closing rate (README "Currencies").
QString convertedBurn(const BurnSql &burn)
{
    return burn.with + QStringLiteral(R"(,
conv AS (
    SELECT b.*, round(b.cost * fx.closing_rate, 2) AS c_cost,
           round(b.budget * fx.closing_rate, 2) AS c_budget,
           round((b.cost + b.etc_cost) * fx.closing_rate, 2) AS c_eac,
           CASE WHEN b.hours + b.etc_hours > 0
                THEN round(b.hours / (b.hours + b.etc_hours), 4) END AS progress,
           fx.closing_rate
    FROM b JOIN %1 ON fx.legal_entity_id = b.legal_entity_id AND fx.month = ?::date))")
                           .arg(AnalyticsRates::relation());
}

QVariantList convertedBinds(const MetricContext &c, const BurnSql &burn)
{
    QVariantList binds = burn.binds;
    binds += c.rates.binds();
    binds << c.filter.to;
    return binds;
}

QString burnRatio(const QString &cost, const QString &budget)
{
    return QStringLiteral("CASE WHEN %2 = 0 THEN NULL ELSE round(%1 / %2, 4)::text END")
        .arg(cost, budget);
}

MetricAnswer computeBurn(const MetricContext &c)
{
    const BurnSql burn = burnSql(c);
    const QString with = convertedBurn(burn);
    const QVariantList binds = convertedBinds(c, burn);
    MetricAnswer out;
    QSqlQuery total = db::query(
        c.db,
        with + QStringLiteral(" SELECT coalesce(sum(n), 0)::numeric(20, 2)::text, "
                              "coalesce(sum(d), 0)::numeric(20, 2)::text, %1 FROM (SELECT "
                              "round(sum(b.cost) * max(b.closing_rate), 2) AS n, "
                              "round(sum(b.budget) * max(b.closing_rate), 2) AS d FROM conv b "
                              "GROUP BY b.legal_entity_id) t")
                   .arg(burnRatio(QStringLiteral("sum(n)"), QStringLiteral("sum(d)"))),
        binds);
    if (total.next()) {
        out.numerator = total.value(0).toString();
        out.denominator = total.value(1).toString();
        out.value = total.value(2).toString();
    }
    QSqlQuery q = db::query(
        c.db,
        with + QStringLiteral(" SELECT project_id, name, c_cost::text, c_budget::text, %1, "
                              "progress::text, c_eac::text FROM conv ORDER BY CASE WHEN c_budget "
                              "= 0 THEN NULL ELSE c_cost / c_budget END %2 NULLS LAST, project_id "
                              "LIMIT %3")
                   .arg(burnRatio(QStringLiteral("c_cost"), QStringLiteral("c_budget")),
                        c.filter.order == QLatin1String("asc") ? QStringLiteral("ASC")
                                                               : QStringLiteral("DESC"))
                   .arg(qBound(1, c.filter.limit, 500)),
        binds);
    QJsonObject perProject;
    while (q.next()) {
        MetricPoint p;
        p.key = q.value(0).toString();
        p.label = q.value(1).toString();
        p.numerator = q.value(2).toString();
        p.denominator = q.value(3).toString();
        p.value = q.value(4).toString();
        out.points.append(p);
        perProject.insert(p.key, QJsonObject{{"cost_to_date", p.numerator},
                                             {"budget", p.denominator},
                                             {"percent_complete", ratioJson(q.value(5))},
                                             {"eac", q.value(6).toString()}});
    }
    out.extra = perProject;
    return out;
}

// Records of both are projects by id, the cursor the last one's.
QString projectKeyset(const MetricContext &c, QVariantList &binds, const char *keyword)
{
    const QStringList after = cursorParts(c, "i");
    if (after.isEmpty())
        return {};
    binds << after.first().toLongLong();
    return QStringLiteral("%1 project_id > ?").arg(QLatin1String(keyword));
}

RecordsPage burnRecords(const MetricContext &c)
{
    const BurnSql burn = burnSql(c);
    const QString with = convertedBurn(burn);
    QVariantList binds = convertedBinds(c, burn);
    RecordsPage page;
    page.columns = {{"project", "Project", "text"},
                    {"cost_to_date", "Cost to date", "money"},
                    {"budget", "Budget cost", "money"},
                    {"burn", "Burn", "ratio"},
                    {"percent_complete", "Percent complete", "ratio"},
                    {"etc", "Estimate to complete", "money"},
                    {"eac", "Estimate at completion", "money"},
                    {"hours", "Hours to date", "hours"}};
    {
        QSqlQuery total = db::query(
            c.db,
            with + QStringLiteral(" SELECT coalesce(sum(n), 0)::numeric(20, 2)::text FROM "
                                  "(SELECT round(sum(b.%1) * max(b.closing_rate), 2) AS n FROM "
                                  "conv b GROUP BY b.legal_entity_id) t")
                       .arg(c.filter.part == QLatin1String("denominator") ? "budget" : "cost"),
            binds);
        page.total = total.next() ? total.value(0).toString() : QStringLiteral("0.00");
    }
    const QString keyset = projectKeyset(c, binds, "WHERE");
    const int limit = recordsLimit(c);
    QSqlQuery q = db::query(
        c.db,
        with + QStringLiteral(" SELECT project_id, name, functional, cost::numeric(20, 2)::text, "
                              "budget::numeric(20, 2)::text, %1, progress::text, "
                              "etc_cost::numeric(20, 2)::text, (cost + etc_cost)::numeric(20, "
                              "2)::text, hours::text FROM conv %2 ORDER BY project_id LIMIT %3")
                   .arg(burnRatio(QStringLiteral("cost"), QStringLiteral("budget")), keyset)
                   .arg(limit + 1),
        binds);
    fillPage(q, c, page, [&q](QJsonObject &item) {
        const QString cur = q.value(2).toString();
        item = {{"project_id", q.value(0).toString()},
                {"project", q.value(1).toString()},
                {"cost_to_date", moneyJson(q.value(3), cur)},
                {"budget", moneyJson(q.value(4), cur)},
                {"burn", ratioJson(q.value(5))},
                {"percent_complete", ratioJson(q.value(6))},
                {"etc", moneyJson(q.value(7), cur)},
                {"eac", moneyJson(q.value(8), cur)},
                {"hours", q.value(9).toString()}};
        return q.value(0).toString();
    });
    return page;
}

// Projects at risk: live projects (active or on hold now; a closed one is past risk) whose margin
// of the last three months is below that of the three before, both with revenue, or whose burn
// runs more than ten points ahead of progress. The months end at each entity's last month with
// recognised revenue up to `to` (looking back a year): a month whose recognition has not run yet
// (the close in progress) has costs and no revenue, and would make every margin fall. Ratios in
// the entity's functional currency: no conversion changes them.
QString riskSql(const BurnSql &burn)
{
    return burn.with + QStringLiteral(R"(,
anchor AS MATERIALIZED (
    SELECT l.legal_entity_id, max(l.month) AS last
    FROM analytics_ledger_month l
    WHERE l.legal_entity_id IN (SELECT legal_entity_id FROM pj) AND l.account_role = 'revenue'
      AND l.month <= ?::date AND l.month > ?::date - interval '12 months'
    GROUP BY 1),
win AS (
    SELECT u.project_id,
           sum(u.rev) FILTER (WHERE u.month > a.last - interval '3 months') AS rev_recent,
           sum(u.cost) FILTER (WHERE u.month > a.last - interval '3 months') AS cost_recent,
           sum(u.rev) FILTER (WHERE u.month <= a.last - interval '3 months') AS rev_before,
           sum(u.cost) FILTER (WHERE u.month <= a.last - interval '3 months') AS cost_before
    FROM (SELECT l.legal_entity_id, l.project_id, l.month,
                 l.functional_credit - l.functional_debit AS rev, 0 AS cost
          FROM analytics_ledger_month l JOIN pj ON pj.project_id = l.project_id
           AND pj.legal_entity_id = l.legal_entity_id
          WHERE l.account_role = 'revenue' AND l.month BETWEEN ?::date AND ?::date
          UNION ALL
          SELECT m.legal_entity_id, m.project_id, m.month, 0,
                 m.labour_cost + m.expense_cost + m.subcontract_cost
          FROM analytics_project_month m JOIN pj ON pj.project_id = m.project_id
           AND pj.legal_entity_id = m.legal_entity_id
          WHERE m.month BETWEEN ?::date AND ?::date) u
    JOIN anchor a ON a.legal_entity_id = u.legal_entity_id
    WHERE u.month <= a.last AND u.month > a.last - interval '6 months'
    GROUP BY 1),
r AS (
    SELECT pj.project_id, pj.name,
           CASE WHEN w.rev_before > 0 THEN round((w.rev_before - w.cost_before) / w.rev_before, 4)
                END AS margin_before,
           CASE WHEN w.rev_recent > 0 THEN round((w.rev_recent - w.cost_recent) / w.rev_recent, 4)
                END AS margin_recent,
           CASE WHEN b.budget > 0 THEN round(b.cost / b.budget, 4) END AS burn,
           CASE WHEN b.hours + b.etc_hours > 0 THEN round(b.hours / (b.hours + b.etc_hours), 4)
                END AS progress
    FROM pj LEFT JOIN win w ON w.project_id = pj.project_id
    LEFT JOIN b ON b.project_id = pj.project_id
    WHERE pj.status IN ('active', 'on_hold')),
risk AS (
    SELECT r.*, coalesce(r.margin_recent < r.margin_before, false) AS falling,
           coalesce(r.burn - coalesce(r.progress, 0) > 0.1, false) AS ahead
    FROM r))");
}

QVariantList riskBinds(const MetricContext &c, const BurnSql &burn)
{
    // The detail of the anchor's possible six months: up to seventeen months back.
    const QDate earliest = c.filter.to.addMonths(-17);
    QVariantList binds = burn.binds;
    binds << c.filter.to << c.filter.to << earliest << c.filter.to << earliest << c.filter.to;
    return binds;
}

QString reasonsSql()
{
    return QStringLiteral("concat_ws('; ', CASE WHEN falling THEN 'margin falling' END, CASE WHEN "
                          "ahead THEN 'burn ahead of progress' END)");
}

MetricAnswer computeRisk(const MetricContext &c)
{
    const BurnSql burn = burnSql(c);
    const QString with = riskSql(burn);
    const QVariantList binds = riskBinds(c, burn);
    MetricAnswer out;
    QSqlQuery q = db::query(
        c.db,
        with + QStringLiteral(" SELECT project_id, name, %1 FROM risk WHERE falling OR ahead "
                              "ORDER BY project_id")
                   .arg(reasonsSql()),
        binds);
    int count = 0;
    while (q.next()) {
        ++count;
        if (count > qBound(1, c.filter.limit, 500))
            continue;
        MetricPoint p;
        p.key = q.value(0).toString();
        p.label = QStringLiteral("%1: %2").arg(q.value(1).toString(), q.value(2).toString());
        p.value = QStringLiteral("1");
        out.points.append(p);
    }
    out.value = QString::number(count);
    return out;
}

RecordsPage riskRecords(const MetricContext &c)
{
    const BurnSql burn = burnSql(c);
    const QString with = riskSql(burn);
    QVariantList binds = riskBinds(c, burn);
    RecordsPage page;
    page.columns = {{"project", "Project", "text"},
                    {"reasons", "Why", "text"},
                    {"margin_before", "Margin, 3 months before", "ratio"},
                    {"margin_recent", "Margin, last 3 months", "ratio"},
                    {"burn", "Burn", "ratio"},
                    {"percent_complete", "Percent complete", "ratio"}};
    {
        QSqlQuery total = db::query(
            c.db, with + QStringLiteral(" SELECT count(*) FROM risk WHERE falling OR ahead"),
            binds);
        page.total = total.next() ? total.value(0).toString() : QStringLiteral("0");
    }
    const QString keyset = projectKeyset(c, binds, "AND");
    const int limit = recordsLimit(c);
    QSqlQuery q = db::query(c.db,
                            with + QStringLiteral(" SELECT project_id, name, %1, "
                                                  "margin_before::text, margin_recent::text, "
                                                  "burn::text, progress::text FROM risk WHERE "
                                                  "(falling OR ahead) %2 ORDER BY project_id "
                                                  "LIMIT %3")
                                       .arg(reasonsSql(), keyset)
                                       .arg(limit + 1),
                            binds);
    fillPage(q, c, page, [&q](QJsonObject &item) {
        item = {
            {"project_id", q.value(0).toString()},      {"project", q.value(1).toString()},
            {"reasons", q.value(2).toString()},         {"margin_before", ratioJson(q.value(3))},
            {"margin_recent", ratioJson(q.value(4))},   {"burn", ratioJson(q.value(5))},
            {"percent_complete", ratioJson(q.value(6))}};
        return q.value(0).toString();
    });
    return page;
}

} // namespace

MetricDefinition budgetBurnMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("budget_burn");
    m.title = QStringLiteral("Budget burn");
    m.description = QStringLiteral(
        "Cost to date / budget cost at completion per project, at the end of the period, with "
        "percent complete (hours) and the estimate at completion per project in extra.");
    m.unit = MetricUnit::Ratio;
    m.dimensions = {QLatin1String(Dimension::Project)};
    m.facts = {QStringLiteral("project_month")};
    m.compute = computeBurn;
    m.records = burnRecords;
    return m;
}

MetricDefinition projectsAtRiskMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("projects_at_risk");
    m.title = QStringLiteral("Projects at risk");
    m.description = QStringLiteral(
        "Projects whose margin of the last three months fell below that of the three before, or "
        "whose budget burn runs more than ten points ahead of progress.");
    m.unit = MetricUnit::Count;
    m.dimensions = {QLatin1String(Dimension::Project)};
    m.facts = {QStringLiteral("ledger_month"), QStringLiteral("project_month")};
    m.compute = computeRisk;
    m.records = riskRecords;
    return m;
}

} // namespace keel::project_analytics
