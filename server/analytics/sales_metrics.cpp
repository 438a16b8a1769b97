// The sales family (README "Sales metrics"): bookings, backlog, win rate, weighted pipeline and
// the pipeline funnel. They read the crm and revenue tables directly (thousands of rows; the
// indexes of 0028_analytics_sales.sql keep each call fast), so they list no aggregate.

#include "analytics_catalogue.h"
#include "db/database.h"
#include "http/http_types.h"
#include "people_store.h"
#include "sales_relations.h"

#include <QJsonArray>

#include <algorithm>

namespace keel {

namespace {

const QString kStage = QStringLiteral("stage");

RecordColumn col(const char *key, const char *title, const char *type)
{
    return {QString::fromLatin1(key), QString::fromLatin1(title), QString::fromLatin1(type)};
}

QStringList contractDimensions()
{
    return {QLatin1String(Dimension::Month), QLatin1String(Dimension::Entity),
            QLatin1String(Dimension::Practice), QLatin1String(Dimension::Client),
            QLatin1String(Dimension::Project)};
}

QStringList dealDimensions()
{
    return {QLatin1String(Dimension::Month), QLatin1String(Dimension::Entity),
            QLatin1String(Dimension::Practice), QLatin1String(Dimension::Client)};
}

// --- bookings -----------------------------------------------------------------------------------

MetricAnswer bookings(const MetricContext &c)
{
    const SalesRelation r = salesBookingsRelation(c);
    const SalesMoney money = salesMoney(c, r);
    MetricAnswer a;
    a.points = money.points;
    a.value = money.value;
    // What the contracts signed and what their change orders added, apart.
    for (const SalesSumRow &row : salesSums(c, r, QStringLiteral("kind"), {}))
        a.extra.insert(row.key == QLatin1String("contract") ? QStringLiteral("contracts")
                                                            : QStringLiteral("change_orders"),
                       QJsonObject{{"count", row.count}, {"value", row.value}});
    return a;
}

RecordsPage bookingRecords(const MetricContext &c)
{
    const SalesRelation r = salesBookingsRelation(c);
    return salesRecordsPage(c, r,
                            {col("kind", "Kind", "text"), col("contract", "Contract", "text"),
                             col("title", "Title", "text"), col("client", "Client", "text"),
                             col("entity", "Entity", "text"), col("date", "Signed", "date"),
                             col("value", "Value", "money"),
                             col("functional", "Functional value", "money")},
                            salesTotal(c, r).value);
}

// --- backlog ------------------------------------------------------------------------------------

MetricAnswer backlog(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    // Month points need every month end; any other cut is the balance at the end of `to`.
    const SalesRelation r =
        salesBacklogRelation(c, f.by == QLatin1String(Dimension::Month) ? f.from : f.to, f.to);
    const SalesMoney money = salesMoney(c, r);
    MetricAnswer a;
    a.points = money.points;
    a.value = money.value;
    a.extra.insert(QStringLiteral("contracts"), money.count);
    return a;
}

RecordsPage backlogRecords(const MetricContext &c)
{
    const SalesRelation r = salesBacklogRelation(c, c.filter.to, c.filter.to);
    return salesRecordsPage(
        c, r,
        {col("contract", "Contract", "text"), col("title", "Title", "text"),
         col("client", "Client", "text"), col("entity", "Entity", "text"),
         col("status", "Status", "text"), col("end_date", "Ends", "date"),
         col("signed", "Signed to date", "money"), col("recognised", "Recognised to date", "money"),
         col("backlog", "Backlog", "money"), col("functional", "Functional backlog", "money")},
        salesTotal(c, r).value);
}

// --- win rate -----------------------------------------------------------------------------------

const QString kWon = QStringLiteral("f.won");

MetricPoint ratioPoint(const SalesRatioRow &row)
{
    return {row.key,
            row.label,
            row.key2,
            row.label2,
            {},
            row.value,
            QString::number(row.numerator),
            QString::number(row.denominator)};
}

MetricAnswer winRate(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    const SalesRelation r = salesClosedDealsRelation(c);
    MetricAnswer a;
    const SalesRatios ratios = salesCountRatio(c, r, kWon);
    const QList<SalesRatioRow> &rows = ratios.rows;
    if (f.by == QLatin1String(Dimension::Month) && f.by2.isEmpty()) {
        QHash<QString, SalesRatioRow> byKey;
        for (const SalesRatioRow &row : rows)
            byKey.insert(row.key, row);
        for (const QDate &m : f.months()) {
            const QString key = m.toString(QStringLiteral("yyyy-MM"));
            SalesRatioRow row = byKey.value(key);
            row.key = key;
            row.label = QLocale::c().toString(m, QStringLiteral("MMM yyyy"));
            a.points.append(ratioPoint(row));
        }
    } else if (f.by == QLatin1String(Dimension::Client)) {
        // Clients are a ranking: those with the most closed deals, `limit` of them.
        QList<SalesRatioRow> ranked = rows;
        std::stable_sort(ranked.begin(), ranked.end(),
                         [asc = f.order == QLatin1String("asc")](const auto &x, const auto &y) {
                             return asc ? x.denominator < y.denominator
                                        : x.denominator > y.denominator;
                         });
        for (const SalesRatioRow &row : ranked.mid(0, f.limit))
            a.points.append(ratioPoint(row));
    } else {
        for (const SalesRatioRow &row : rows)
            a.points.append(ratioPoint(row));
    }
    const SalesRatioRow &total = ratios.total;
    a.value = total.value;
    a.numerator = QString::number(total.numerator);
    a.denominator = QString::number(total.denominator);
    // By value beside the count; a deal whose currency has no rate into its entity's is left out
    // of these two sums (the rate by count does not need one).
    a.extra.insert(QStringLiteral("won"), total.numerator);
    a.extra.insert(QStringLiteral("lost"), total.denominator - total.numerator);
    a.extra.insert(QStringLiteral("won_value"), QStringLiteral("0.00"));
    a.extra.insert(QStringLiteral("lost_value"), QStringLiteral("0.00"));
    for (const SalesSumRow &row : salesSums(c, r, QStringLiteral("outcome"), {}, {}, false))
        a.extra.insert(row.key + QStringLiteral("_value"), row.value);
    return a;
}

RecordsPage winRateRecords(const MetricContext &c)
{
    const SalesRelation r = salesClosedDealsRelation(c);
    const bool denominator = c.filter.part == QLatin1String("denominator");
    const SalesCondition condition{denominator ? QString() : kWon, {}};
    const SalesRatioRow total = salesCountRatio(c, r, kWon).total;
    return salesRecordsPage(
        c, r,
        {col("opportunity", "Opportunity", "text"), col("client", "Client", "text"),
         col("entity", "Entity", "text"), col("outcome", "Outcome", "text"),
         col("closed_on", "Closed", "date"), col("value", "Value", "money")},
        QString::number(denominator ? total.denominator : total.numerator), condition);
}

// --- weighted pipeline --------------------------------------------------------------------------

const QString kWeighted = QStringLiteral("weighted");
const QString kCapacity = QStringLiteral("capacity");

// By month the weighted pipeline comes with a second series, "capacity": the delivery capacity
// left to sell in each month, valued at standard bill rates (salesCapacityRelation). People have
// no client, so a client filter leaves it out.
MetricAnswer weightedPipeline(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    const SalesRelation r = salesPipelineRelation(c);
    const SalesMoney money = salesMoney(c, r);
    MetricAnswer a;
    a.points = money.points;
    a.value = money.value;
    a.extra.insert(QStringLiteral("count"), money.count);
    if (f.by == QLatin1String(Dimension::Month) && f.by2.isEmpty() && f.clientId == 0) {
        for (MetricPoint &p : a.points)
            p.series = kWeighted;
        ensurePersonMonthsBuilt(c);
        const SalesMoney capacity = salesMoney(c, salesCapacityRelation(c));
        for (MetricPoint p : capacity.points) {
            p.series = kCapacity;
            a.points.append(p);
        }
        a.extra.insert(QStringLiteral("capacity"), capacity.value);
    }
    return a;
}

RecordsPage pipelineRecords(const MetricContext &c, const SalesRelation &r,
                            const SalesCondition &condition = {})
{
    return salesRecordsPage(c, r,
                            {col("opportunity", "Opportunity", "text"),
                             col("client", "Client", "text"), col("entity", "Entity", "text"),
                             col("stage", "Stage", "text"),
                             col("probability", "Probability %", "text"),
                             col("expected_close", "Expected close", "date"),
                             col("value", "Value", "money"), col("amount", "Counted", "money")},
                            salesTotal(c, r, condition).value, condition);
}

// --- pipeline funnel ----------------------------------------------------------------------------

struct SalesOpenStage
{
    QString code, name;
};

// The stages an open deal can be in, in the pipeline's order.
QList<SalesOpenStage> openStages(const MetricContext &c)
{
    QSqlQuery q = db::exec(c.db, QStringLiteral("SELECT code, name FROM opportunity_stages WHERE "
                                                "NOT is_won AND NOT is_lost ORDER BY sort_order"));
    QList<SalesOpenStage> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

MetricAnswer funnel(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    const SalesRelation r = salesFunnelRelation(c);
    MetricAnswer a;
    QJsonObject counts;
    const QList<SalesSumRow> rows = salesSums(c, r, f.by, f.by2);
    if (f.by == kStage && f.by2.isEmpty()) {
        // Every stage of the funnel, empty ones too, in order.
        QHash<QString, SalesSumRow> byKey;
        for (const SalesSumRow &row : rows)
            byKey.insert(row.key, row);
        for (const SalesOpenStage &s : openStages(c)) {
            const SalesSumRow row = byKey.value(s.code);
            a.points.append({s.code,
                             s.name,
                             {},
                             {},
                             {},
                             row.key.isEmpty() ? QStringLiteral("0.00") : row.value,
                             {},
                             {}});
            counts.insert(s.code, row.count);
        }
    } else {
        for (const SalesSumRow &row : rows) {
            a.points.append({row.key, row.label, row.key2, row.label2, {}, row.value, {}, {}});
            if (row.key2.isEmpty())
                counts.insert(row.key, row.count);
        }
    }
    const SalesSumRow total = salesTotal(c, r);
    a.value = total.value;
    a.extra.insert(QStringLiteral("count"), total.count);
    a.extra.insert(QStringLiteral("counts"), counts);
    return a;
}

RecordsPage funnelRecords(const MetricContext &c)
{
    const QString stage = salesStageKey(c.filter);
    SalesCondition condition;
    if (!stage.isEmpty()) {
        bool known = false;
        for (const SalesOpenStage &s : openStages(c))
            known = known || s.code == stage;
        if (!known)
            throw ApiError::invalidField(
                c.filter.by == kStage ? QStringLiteral("key") : QStringLiteral("key2"),
                QStringLiteral("invalid_key"),
                QStringLiteral("%1 is not a stage of the open pipeline.").arg(stage));
        condition = {QStringLiteral("f.stage_code = ?"), {stage}};
    }
    return pipelineRecords(c, salesFunnelRelation(c), condition);
}

} // namespace

QList<MetricDefinition> salesMetrics()
{
    QList<MetricDefinition> out;
    out.append({QStringLiteral("bookings"),
                QStringLiteral("Bookings"),
                QStringLiteral("Contract value signed in the period, net of approved change "
                               "orders on their approval dates."),
                MetricUnit::Money,
                contractDimensions(),
                {},
                bookings,
                bookingRecords});
    out.append({QStringLiteral("backlog"),
                QStringLiteral("Backlog"),
                QStringLiteral("Signed contract value not yet recognised as revenue, at each "
                               "month end; never negative per contract."),
                MetricUnit::Money,
                contractDimensions(),
                {},
                backlog,
                backlogRecords});
    out.append({QStringLiteral("win_rate"),
                QStringLiteral("Win rate"),
                QStringLiteral("Deals won / deals closed (won + lost) by the month they closed; "
                               "open deals excluded."),
                MetricUnit::Ratio,
                dealDimensions(),
                {},
                winRate,
                winRateRecords});
    out.append(
        {QStringLiteral("weighted_pipeline"),
         QStringLiteral("Weighted pipeline"),
         QStringLiteral("Open opportunities' value × probability by expected close month."),
         MetricUnit::Money,
         dealDimensions(),
         {QStringLiteral("person_month")}, // the capacity series' available hours
         weightedPipeline,
         [](const MetricContext &c) { return pipelineRecords(c, salesPipelineRelation(c)); }});
    out.append({QStringLiteral("pipeline_funnel"),
                QStringLiteral("Pipeline funnel"),
                QStringLiteral("Open opportunities' value by stage, as of now."),
                MetricUnit::Money,
                {kStage, QLatin1String(Dimension::Entity), QLatin1String(Dimension::Practice),
                 QLatin1String(Dimension::Client)},
                {},
                funnel,
                funnelRecords});
    return out;
}

QList<AnalyticsFact> salesFacts()
{
    return {};
}

} // namespace keel
