#include "revenue_analytics_sql.h"
#include "revenue_family.h"

namespace keel::revenue_analytics {

namespace {

const QStringList kMilestoneColumns{Dimension::Month, Dimension::Entity, Dimension::Client,
                                    Dimension::Project, QStringLiteral("manager")};

// Milestones planned in the filter's months whose value is not on an issued invoice yet (a draft
// is not invoiced), in their project's entity, at the milestone currency's rate into the
// functional one on the planned date (the first rate on record when the date is before it).
// Few thousand rows at scale 1: read from the detail through project_milestones_planned_idx.
SqlFragment milestoneDetail(const MetricContext &c)
{
    return {QStringLiteral(R"((
SELECT pm.id, pr.legal_entity_id, date_trunc('month', pm.planned_date)::date AS month,
       pr.account_id AS client_id, pr.id AS project_id, pm.planned_date, pm.name, pm.state,
       pm.amount, pm.currency::text AS currency, round(pm.amount * r.rate, 2) AS functional,
       'M' || lpad(pm.id::text, 19, '0') AS cursor, pr.name AS project
FROM project_milestones pm
JOIN projects pr ON pr.id = pm.project_id
JOIN legal_entities le ON le.id = pr.legal_entity_id
CROSS JOIN LATERAL (
    SELECT coalesce(analytics_fx_rate(pm.currency, le.functional_currency, pm.planned_date),
                    (SELECT round(x.rate, 6) FROM fx_rates x WHERE x.from_currency = pm.currency
                     AND x.to_currency = le.functional_currency
                     ORDER BY x.rate_date LIMIT 1)) AS rate) r
WHERE pm.planned_date BETWEEN ? AND ? AND pr.legal_entity_id = ANY(?::bigint[])
  AND pm.amount <> 0 AND r.rate IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM billing_sources s JOIN invoices i ON i.id = s.invoice_id
                  WHERE s.source_kind = 'milestone' AND s.source_key = pm.id::text
                    AND s.released_at IS NULL AND s.invoice_line_id IS NOT NULL
                    AND i.number IS NOT NULL AND i.status <> 'voided')))"),
            {c.filter.from, c.filter.lastDay(), c.entityArray()}};
}

MetricAnswer milestonesAnswer(const MetricContext &c)
{
    PointsQuery q;
    q.relation = milestoneDetail(c);
    q.relation.sql += QStringLiteral(" f");
    q.columns = kMilestoneColumns;
    q.partitions = {QStringLiteral("round(sum(f.functional) * fx.average_rate, 2)"),
                    QStringLiteral("count(*)")};
    q.value = QStringLiteral("sum(m0)");
    MetricAnswer a;
    const QList<PointRow> figure = points(c, q, false);
    a.value = figure.isEmpty() ? QStringLiteral("0.00") : figure.first().value;
    a.extra.insert(QStringLiteral("milestones"),
                   figure.isEmpty() ? QStringLiteral("0") : figure.first().sums.value(1));
    for (const PointRow &r : points(c, q, true))
        a.points.append({r.key, r.label, r.key2, r.label2, {}, r.value, {}, {}});
    fillMonths(a.points, c.filter, QStringLiteral("0.00"));
    return a;
}

RecordsPage milestonesRecords(const MetricContext &c)
{
    RecordsQuery q;
    q.detail = milestoneDetail(c);
    q.detail.sql += QStringLiteral(" d");
    q.columns = kMilestoneColumns;
    q.partitionTotal = QStringLiteral("round(sum(d.functional) * fx.average_rate, 2)");
    q.totalCast = QStringLiteral("numeric(20, 2)");
    q.item = QStringLiteral("json_build_object('id', d.id::text, 'planned_date', d.planned_date, "
                            "'milestone', d.name, 'project', d.project, 'state', d.state, "
                            "'amount', %1)")
                 .arg(moneyJson(QStringLiteral("d.amount"), QStringLiteral("d.currency")));
    q.recordColumns = {{"planned_date", "Due", "date"},
                       {"milestone", "Milestone", "text"},
                       {"project", "Project", "text"},
                       {"state", "State", "text"},
                       {"amount", "Amount", "money"}};
    return records(c, q);
}

} // namespace

MetricDefinition milestonesDueMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("milestones_due");
    m.title = QStringLiteral("Milestones due");
    m.description = QStringLiteral("Milestones planned in the period and not yet on an issued "
                                   "invoice, at their value");
    m.unit = MetricUnit::Money;
    m.dimensions = {Dimension::Month, Dimension::Project, Dimension::Entity, Dimension::Client};
    m.compute = milestonesAnswer;
    m.records = milestonesRecords;
    return m;
}

} // namespace keel::revenue_analytics
