#include "revenue_analytics_sql.h"
#include "revenue_billing_sql.h"
#include "revenue_family.h"

namespace keel::revenue_analytics {

namespace {

const QStringList kBillingColumns{Dimension::Month, Dimension::Entity, Dimension::Client,
                                  Dimension::Project, QStringLiteral("manager")};

QList<MetricPoint> toPoints(const QList<PointRow> &rows)
{
    QList<MetricPoint> out;
    for (const PointRow &r : rows) {
        MetricPoint p{r.key, r.label, r.key2,          r.label2,
                      {},    r.value, r.sums.value(0), r.sums.value(1)};
        out.append(p);
    }
    return out;
}

MetricAnswer ratioAnswer(const MetricContext &c, const PointsQuery &q)
{
    MetricAnswer a;
    const QList<PointRow> figure = points(c, q, false);
    if (figure.isEmpty()) {
        a.numerator = a.denominator = QStringLiteral("0");
    } else {
        a.value = figure.first().value;
        a.numerator = figure.first().sums.value(0);
        a.denominator = figure.first().sums.value(1);
    }
    a.points = toPoints(points(c, q, true));
    fillMonths(a.points, c.filter, {});
    return a;
}

// write_off_rate = written off / billable value, both functional per line, converted per entity
// and month at the month's average rate.
PointsQuery writeOffQuery()
{
    PointsQuery q;
    q.relation = {QStringLiteral("analytics_billing_month f"), {}};
    q.columns = kBillingColumns;
    q.where = QStringLiteral("f.source IN ('invoice_line', 'exception')");
    q.partitions = {QStringLiteral("round(sum(f.written_off) * fx.average_rate, 2)"),
                    QStringLiteral("round(sum(f.billable_value) * fx.average_rate, 2)")};
    q.value = QStringLiteral("round(sum(m0) / nullif(sum(m1), 0), 4)");
    return q;
}

RecordsPage writeOffRecords(const MetricContext &c)
{
    const bool denominator = c.filter.part == QLatin1String("denominator");
    RecordsQuery q;
    q.detail = billingWriteOffDetail(scopePartitions(c));
    q.detail.sql += QStringLiteral(" d");
    q.columns = kBillingColumns;
    const QString value =
        denominator ? QStringLiteral("billable_value") : QStringLiteral("written_off");
    q.where = denominator ? QString() : QStringLiteral("d.written_off <> 0");
    q.partitionTotal = QStringLiteral("round(sum(d.%1) * fx.average_rate, 2)").arg(value);
    q.totalCast = QStringLiteral("numeric(20, 2)");
    q.item = QStringLiteral(
                 "json_build_object('date', d.day, 'document', d.document, 'source', d.source, "
                 "'client', (SELECT a.name FROM accounts a WHERE a.id = d.client_id), "
                 "'project', (SELECT pj.name FROM projects pj WHERE pj.id = d.project_id), "
                 "'description', d.description, 'amount', %1)")
                 .arg(moneyJson(denominator ? QStringLiteral("d.amount")
                                            : QStringLiteral("d.amount_off"),
                                QStringLiteral("d.currency")));
    q.recordColumns = {{"date", "Date", "date"},
                       {"document", "Document", "text"},
                       {"source", "Source", "text"},
                       {"client", "Client", "text"},
                       {"project", "Project", "text"},
                       {"description", "Description", "text"},
                       {"amount", denominator ? "Billable value" : "Written off", "money"}};
    return records(c, q);
}

// invoice_cycle_time: the simple mean over billable events of (invoice date − event date).
PointsQuery cycleQuery()
{
    PointsQuery q;
    q.relation = {QStringLiteral("analytics_billing_month f"), {}};
    q.columns = kBillingColumns;
    q.where = QStringLiteral("f.source IN ('time_entry', 'expense', 'milestone')");
    q.partitions = {QStringLiteral("sum(f.cycle_days)"), QStringLiteral("sum(f.items)")};
    q.value = QStringLiteral("round(sum(m0)::numeric / nullif(sum(m1), 0), 1)");
    return q;
}

MetricAnswer cycleAnswer(const MetricContext &c)
{
    MetricAnswer a = ratioAnswer(c, cycleQuery());
    // The mean per kind of event beside the figure: time waits longer than milestones.
    for (const char *source : {"time_entry", "expense", "milestone"}) {
        PointsQuery q = cycleQuery();
        q.where = QStringLiteral("f.source = '%1'").arg(QLatin1String(source));
        const QList<PointRow> r = points(c, q, false);
        a.extra.insert(QLatin1String(source), r.isEmpty() || r.first().value.isEmpty()
                                                  ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(r.first().value));
    }
    return a;
}

RecordsPage cycleRecords(const MetricContext &c)
{
    const bool denominator = c.filter.part == QLatin1String("denominator");
    RecordsQuery q;
    q.detail = billingCycleDetail(scopePartitions(c));
    q.detail.sql += QStringLiteral(" d");
    q.columns = kBillingColumns;
    q.partitionTotal = denominator ? QStringLiteral("count(*)") : QStringLiteral("sum(d.days)");
    q.totalCast = QStringLiteral("bigint");
    q.item = QStringLiteral("json_build_object('event_date', d.event_day, 'invoice_date', d.day, "
                            "'days', d.days, 'source', d.source, 'document', d.document, "
                            "'client', (SELECT a.name FROM accounts a WHERE a.id = d.client_id), "
                            "'description', d.description, 'amount', %1)")
                 .arg(moneyJson(QStringLiteral("d.amount"), QStringLiteral("d.currency")));
    q.recordColumns = {{"event_date", "Billable event", "date"},
                       {"invoice_date", "Invoice date", "date"},
                       {"days", "Days", "days"},
                       {"source", "Source", "text"},
                       {"document", "Invoice", "text"},
                       {"client", "Client", "text"},
                       {"description", "Line", "text"},
                       {"amount", "Billed", "money"}};
    return records(c, q);
}

} // namespace

MetricDefinition writeOffRateMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("write_off_rate");
    m.title = QStringLiteral("Write-off rate");
    m.description = QStringLiteral(
        "Written-off value / billable value: approved write-downs on issued invoices plus "
        "billing exceptions written off, over the invoices' gross value plus those exceptions");
    m.unit = MetricUnit::Ratio;
    m.dimensions = {Dimension::Month, Dimension::Entity, Dimension::Client, Dimension::Project};
    m.facts = {QStringLiteral("billing_month")};
    m.compute = [](const MetricContext &c) { return ratioAnswer(c, writeOffQuery()); };
    m.records = writeOffRecords;
    return m;
}

MetricDefinition invoiceCycleTimeMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("invoice_cycle_time");
    m.title = QStringLiteral("Invoice cycle time");
    m.description = QStringLiteral(
        "Days from the billable event (time worked, expense incurred, milestone accepted) to "
        "the invoice date, the simple mean over the events invoiced in the month");
    m.unit = MetricUnit::Days;
    m.dimensions = {Dimension::Month, Dimension::Entity, Dimension::Client, Dimension::Project};
    m.facts = {QStringLiteral("billing_month")};
    m.compute = cycleAnswer;
    m.records = cycleRecords;
    return m;
}

MetricPoint ratioPoint(const QString &key, const QString &label, const QString &value,
                       const QString &numerator, const QString &denominator)
{
    return {key, label, {}, {}, {}, value, numerator, denominator};
}

} // namespace keel::revenue_analytics
