#include "analytics_catalogue.h"
#include "db/database.h"
#include "project_sql.h"

namespace keel {

namespace {

using namespace project_analytics;

const QStringList ProjectColumns{
    QLatin1String(Dimension::Entity), QLatin1String(Dimension::Practice),
    QLatin1String(Dimension::Client), QLatin1String(Dimension::Project), QStringLiteral("manager")};
const QStringList ProjectDimensions{
    QLatin1String(Dimension::Month), QLatin1String(Dimension::Entity),
    QLatin1String(Dimension::Practice), QLatin1String(Dimension::Client),
    QLatin1String(Dimension::Project)};

// Recognised revenue (the ledger aggregate: credit − debit on revenue-role accounts tagged with a
// project) beside the project costs, per entity, month and project; client and practice are the
// project's, so a project moved between practices moves its history with it.
ProjectRatioSql marginSql()
{
    return {QStringLiteral(
                "(SELECT u.legal_entity_id, u.month, u.project_id, p.practice_id, "
                "p.account_id AS client_id, u.revenue, u.labour, u.expenses, u.subcontract FROM "
                "(SELECT legal_entity_id, month, project_id, functional_credit - functional_debit "
                "AS revenue, 0 AS labour, 0 AS expenses, 0 AS subcontract FROM "
                "analytics_ledger_month WHERE account_role = 'revenue' AND project_id IS NOT NULL "
                "UNION ALL SELECT legal_entity_id, month, project_id, 0, labour_cost, "
                "expense_cost, subcontract_cost FROM analytics_project_month) u JOIN projects p "
                "ON p.id = u.project_id) f"),
            QStringLiteral("f.revenue - f.labour - f.expenses - f.subcontract"),
            QStringLiteral("f.revenue"), ProjectColumns};
}

ProjectRatioSql realisationSql()
{
    return {QStringLiteral("(SELECT m.*, p.practice_id, p.account_id AS client_id FROM "
                           "analytics_project_month m JOIN projects p ON p.id = m.project_id) f"),
            QStringLiteral("f.billed_time_value"), QStringLiteral("f.standard_value"),
            ProjectColumns};
}

bool denominatorPart(const MetricContext &c)
{
    return c.filter.part == QLatin1String("denominator");
}

RecordsPage marginRecords(const MetricContext &c)
{
    const ProjectRatioSql m = marginSql();
    RecordsPage page;
    page.columns = {
        {"project", "Project", "text"},    {"month", "Month", "month"},
        {"revenue", "Revenue", "money"},   {"labour", "Labour at cost", "money"},
        {"expenses", "Expenses", "money"}, {"subcontractors", "Subcontractors", "money"},
        {"margin", "Margin", "money"},     {"margin_ratio", "Margin %", "ratio"}};
    page.total = convertedTotal(c, m, denominatorPart(c) ? m.denominator : m.numerator);

    const SqlFragment slice = sliceCondition(c, m.columns);
    QVariantList binds = slice.binds;
    QString keyset;
    const QStringList after = cursorParts(c, "dii");
    if (!after.isEmpty()) {
        keyset = QStringLiteral("WHERE (s.month, s.project_id, s.legal_entity_id) > (?::date, "
                                "?::bigint, ?::bigint)");
        binds << after.at(0) << after.at(1) << after.at(2);
    }
    const int limit = recordsLimit(c);
    QSqlQuery q = db::query(
        c.db,
        QStringLiteral(
            "SELECT s.month, s.project_id, s.legal_entity_id, pj.name, le.functional_currency, "
            "s.rev::numeric(20, 2)::text, s.lab::numeric(20, 2)::text, "
            "s.exp::numeric(20, 2)::text, s.sub::numeric(20, 2)::text, "
            "(s.rev - s.lab - s.exp - s.sub)::numeric(20, 2)::text, CASE WHEN s.rev = 0 THEN "
            "NULL ELSE round((s.rev - s.lab - s.exp - s.sub) / s.rev, 4)::text END FROM (SELECT "
            "f.legal_entity_id, f.month, f.project_id, sum(f.revenue) AS rev, sum(f.labour) AS "
            "lab, sum(f.expenses) AS exp, sum(f.subcontract) AS sub FROM %1 WHERE %2 GROUP BY 1, "
            "2, 3) s JOIN projects pj ON pj.id = s.project_id JOIN legal_entities le ON le.id = "
            "s.legal_entity_id %3 ORDER BY s.month, s.project_id, s.legal_entity_id LIMIT %4")
            .arg(m.relation, slice.sql, keyset)
            .arg(limit + 1),
        binds);
    fillPage(q, c, page, [&q](QJsonObject &item) {
        const QString cur = q.value(4).toString();
        const QDate month = q.value(0).toDate();
        item = {{"project_id", q.value(1).toString()},
                {"project", q.value(3).toString()},
                {"month", month.toString(QStringLiteral("yyyy-MM"))},
                {"revenue", moneyJson(q.value(5), cur)},
                {"labour", moneyJson(q.value(6), cur)},
                {"expenses", moneyJson(q.value(7), cur)},
                {"subcontractors", moneyJson(q.value(8), cur)},
                {"margin", moneyJson(q.value(9), cur)},
                {"margin_ratio", ratioJson(q.value(10))}};
        return QStringLiteral("%1|%2|%3")
            .arg(month.toString(Qt::ISODate), q.value(1).toString(), q.value(2).toString());
    });
    return page;
}

RecordsPage realisationRecords(const MetricContext &c)
{
    const ProjectRatioSql r = realisationSql();
    RecordsPage page;
    page.columns = {{"date", "Date", "date"},
                    {"person", "Person", "text"},
                    {"project", "Project", "text"},
                    {"hours", "Hours", "hours"},
                    {"standard_value", "Standard value", "money"},
                    {"billed_value", "Billed value", "money"},
                    {"realisation", "Realisation", "ratio"}};

    // Total: the aggregate under the slice, converted as the figure (the aggregate is these
    // entries' values summed; a year of entries valued one by one takes seconds).
    page.total = convertedTotal(c, r, denominatorPart(c) ? r.denominator : r.numerator);

    // The page: the entries the figure counts (billable, on a contract billing hours, billed or
    // held by a written-off cap exception) of the slice's projects, by project index, cut to the
    // page before they are valued. Hours are those counted (an approved entry's written-off part).
    const SqlFragment slice = sliceCondition(c, r.columns, QStringLiteral("p"));
    QVariantList binds{c.filter.from, c.filter.from, c.filter.lastDay()};
    binds += slice.binds;
    QString keyset;
    const QStringList after = cursorParts(c, "du");
    if (!after.isEmpty()) {
        keyset = QStringLiteral("WHERE (x.work_date, x.id) > (?::date, ?::uuid)");
        binds << after.at(0) << after.at(1);
    }
    const int limit = recordsLimit(c);
    const QString entries = timeEntriesSql(
        QStringLiteral(
            "(SELECT x.* FROM (SELECT p.*, p.id AS project_id, p.account_id AS client_id, "
            "?::date AS month FROM projects p) p JOIN LATERAL (SELECT * FROM time_entries x "
            "WHERE x.project_id = p.id AND x.status IN ('approved', 'invoiced') AND x.billable "
            "AND x.work_date BETWEEN ? AND ? AND %5) x ON %1 AND %2 %3 ORDER BY x.work_date, "
            "x.id LIMIT %4) te JOIN projects p ON p.id = te.project_id")
            .arg(slice.sql, billsTimeSql(QStringLiteral("p")), keyset)
            .arg(limit + 1)
            .arg(realisedTimeSql(QStringLiteral("x"))));
    QSqlQuery q = db::query(
        c.db,
        QStringLiteral("SELECT f.work_date, f.id, us.display_name, pj.name, "
                       "f.counted_hours::text, "
                       "f.currency, f.standard_value::numeric(20, 2)::text, "
                       "f.billed_value::numeric(20, 4)::text, CASE WHEN f.standard_value = 0 "
                       "THEN NULL ELSE round(f.billed_value / f.standard_value, 4)::text END, "
                       "f.employee_id, f.project_id FROM (%1) f JOIN projects pj ON pj.id = "
                       "f.project_id JOIN employees em ON em.id = f.employee_id JOIN users us ON "
                       "us.id = em.user_id ORDER BY f.work_date, f.id")
            .arg(entries),
        binds);
    fillPage(q, c, page, [&q](QJsonObject &item) {
        const QString cur = q.value(5).toString();
        const QDate day = q.value(0).toDate();
        item = {{"time_entry_id", q.value(1).toString()},
                {"date", day.toString(Qt::ISODate)},
                {"person_id", q.value(9).toString()},
                {"person", q.value(2).toString()},
                {"project_id", q.value(10).toString()},
                {"project", q.value(3).toString()},
                {"hours", q.value(4).toString()},
                {"standard_value", moneyJson(q.value(6), cur)},
                {"billed_value", moneyJson(q.value(7), cur)},
                {"realisation", ratioJson(q.value(8))}};
        return day.toString(Qt::ISODate) + u'|' + q.value(1).toString();
    });
    return page;
}

} // namespace

QList<MetricDefinition> projectMetrics()
{
    MetricDefinition margin;
    margin.name = QStringLiteral("project_margin");
    margin.title = QStringLiteral("Project margin");
    margin.description = QStringLiteral(
        "(Recognised revenue − labour at cost − expenses − subcontractors) / recognised revenue, "
        "by the month of the revenue and of the cost.");
    margin.unit = MetricUnit::Ratio;
    margin.dimensions = ProjectDimensions;
    margin.facts = {QStringLiteral("ledger_month"), QStringLiteral("project_month")};
    margin.compute = [](const MetricContext &c) { return computeProjectRatio(c, marginSql()); };
    margin.records = marginRecords;

    MetricDefinition realisation;
    realisation.name = QStringLiteral("realisation");
    realisation.title = QStringLiteral("Realisation");
    realisation.description = QStringLiteral(
        "Billed value of billed time (issued invoices net of write-downs and credit notes) / "
        "its hours at the standard rate (with hours written off beyond a cap), by the month of "
        "the work; approved time not yet billed is work in progress and not counted.");
    realisation.unit = MetricUnit::Ratio;
    realisation.dimensions = ProjectDimensions;
    realisation.facts = {QStringLiteral("project_month")};
    realisation.compute = [](const MetricContext &c) {
        return computeProjectRatio(c, realisationSql());
    };
    realisation.records = realisationRecords;

    return {margin, realisation, budgetBurnMetric(), projectsAtRiskMetric()};
}

QList<AnalyticsFact> projectFacts()
{
    return {{QStringLiteral("project_month"), QStringLiteral("analytics_project_month"),
             rebuildProjectMonths}};
}

} // namespace keel
