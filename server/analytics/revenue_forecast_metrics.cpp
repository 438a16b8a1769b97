#include "forecast_snapshot.h"
#include "revenue_analytics_sql.h"
#include "revenue_family.h"
#include "revenue_live_forecast.h"

#include "db/database.h"

#include <QHash>
#include <QLocale>

namespace keel::revenue_analytics {

namespace {

const QStringList kForecastColumns{Dimension::Month, Dimension::Entity};

// Recognised revenue per entity and month from the ledger fact: credits less debits on the
// entity's revenue account (as the `revenue` metric reads it).
SqlFragment actualMonths(const MetricContext &c)
{
    return {QStringLiteral("(SELECT legal_entity_id, month, sum(functional_credit - "
                           "functional_debit) AS v FROM analytics_ledger_month WHERE account_role "
                           "= 'revenue' AND legal_entity_id = ANY(?::bigint[]) AND month BETWEEN "
                           "? AND ? GROUP BY 1, 2)"),
            {c.entityArray(), c.filter.from, c.filter.to}};
}

// The revenue journal lines of the filter's months (the records of the actual series).
SqlFragment actualLines(const MetricContext &c, const QString &partitionCondition = {})
{
    return {QStringLiteral(R"((
SELECT jl.legal_entity_id, date_trunc('month', jl.entry_date)::date AS month,
       jl.functional_credit - jl.functional_debit AS functional,
       'J' || lpad(jl.id::text, 19, '0') AS cursor, jl.entry_date, je.description,
       a.number || ' ' || a.name AS account, jl.credit - jl.debit AS amount,
       jl.currency::text AS currency, jl.project_id
FROM journal_lines jl
JOIN ledger_accounts a ON a.id = jl.ledger_account_id AND a.role = 'revenue'
JOIN journal_entries je ON je.id = jl.entry_id
WHERE jl.legal_entity_id = ANY(?::bigint[]) AND jl.entry_date BETWEEN ? AND ?%1) d)")
                .arg(partitionCondition),
            {c.entityArray(), c.filter.from, c.filter.lastDay()}};
}

// The revenue journal lines behind the actual figure (total = actual).
RecordsPage actualLineRecords(const MetricContext &c, const QString &partitionCondition = {})
{
    RecordsQuery q;
    q.detail = actualLines(c, partitionCondition);
    q.columns = kForecastColumns;
    q.partitionTotal = QStringLiteral("round(sum(d.functional) * fx.average_rate, 2)");
    q.totalCast = QStringLiteral("numeric(20, 2)");
    q.item = QStringLiteral("json_build_object('date', d.entry_date, 'entry', d.description, "
                            "'account', d.account, 'project', (SELECT pj.name FROM projects pj "
                            "WHERE pj.id = d.project_id), 'amount', %1)")
                 .arg(moneyJson(QStringLiteral("d.amount"), QStringLiteral("d.currency")));
    q.recordColumns = {{"date", "Date", "date"},
                       {"entry", "Entry", "text"},
                       {"account", "Account", "text"},
                       {"project", "Project", "text"},
                       {"amount", "Revenue", "money"}};
    return records(c, q);
}

// The live forecast of the filter's current and later months (analytics_live_forecast, at
// most five minutes old), by entity, month and contract, in the functional currency.
SqlFragment liveForecast(const MetricContext &c)
{
    refreshLiveForecast(c.db, c.entityIds, c.filter.to);
    return {QStringLiteral("SELECT legal_entity_id, month, contract_id, functional, amount, "
                           "currency::text AS currency, 'live'::text AS source FROM "
                           "analytics_live_forecast WHERE legal_entity_id = ANY(?::bigint[]) AND "
                           "month BETWEEN ? AND ?"),
            {c.entityArray(), std::max(c.filter.from, currentMonth()), c.filter.to}};
}

// Snapshot rows of each month's own snapshot (forecast month = snapshot month), in the
// functional currency, for the months `condition` (on s, no binds) admits.
SqlFragment snapshotForecast(const MetricContext &c, const QString &condition)
{
    return {QStringLiteral("SELECT s.legal_entity_id, s.forecast_month AS month, s.contract_id, "
                           "s.amount AS functional, s.amount, s.currency::text AS currency, "
                           "'snapshot'::text AS source FROM revenue_forecast_snapshots s WHERE "
                           "s.snapshot_month = s.forecast_month AND s.legal_entity_id = "
                           "ANY(?::bigint[]) AND s.forecast_month BETWEEN ? AND ? AND (%1)")
                .arg(condition),
            {c.entityArray(), c.filter.from, c.filter.to}};
}

// revenue_vs_forecast's forecast series: past months their snapshot, the current and later
// months the live forecast.
SqlFragment forecastRows(const MetricContext &c)
{
    const SqlFragment past = snapshotForecast(
        c,
        QStringLiteral("s.forecast_month < '%1'::date").arg(currentMonth().toString(Qt::ISODate)));
    const SqlFragment live = liveForecast(c);
    return {QStringLiteral("(%1 UNION ALL %2)").arg(past.sql, live.sql), past.binds + live.binds};
}

RecordsPage forecastRecords(const MetricContext &c, const SqlFragment &rows)
{
    RecordsQuery q;
    q.detail = {QStringLiteral("(SELECT f.*, to_char(f.month, 'YYYY-MM') || lpad(f.legal_entity_id"
                               "::text, 19, '0') || lpad(coalesce(f.contract_id, 0)::text, 19, "
                               "'0') || f.source AS cursor FROM %1 f) d")
                    .arg(rows.sql),
                rows.binds};
    q.columns = kForecastColumns;
    q.partitionTotal = QStringLiteral("round(sum(d.functional) * fx.average_rate, 2)");
    q.totalCast = QStringLiteral("numeric(20, 2)");
    q.item = QStringLiteral("json_build_object('month', to_char(d.month, 'YYYY-MM'), "
                            "'contract', (SELECT ct.number || ' ' || ct.title FROM contracts ct "
                            "WHERE ct.id = d.contract_id), 'source', d.source, 'amount', %1)")
                 .arg(moneyJson(QStringLiteral("d.amount"), QStringLiteral("d.currency")));
    q.recordColumns = {{"month", "Month", "month"},
                       {"contract", "Contract", "text"},
                       {"source", "Forecast", "text"},
                       {"amount", "Forecast revenue", "money"}};
    return records(c, q);
}

// The first request of the month takes its snapshot, so next month has one to compare.
void snapshotThisMonth(const MetricContext &c)
{
    ensureRevenueForecastSnapshots(c.db, c.entityIds, currentMonth());
}

MetricAnswer revenueVsForecast(const MetricContext &c)
{
    snapshotThisMonth(c);
    const SqlFragment actual = actualMonths(c);
    const SqlFragment forecast = forecastRows(c);
    PointsQuery q;
    q.relation = {QStringLiteral("(SELECT legal_entity_id, month, v AS actual, 0::numeric AS "
                                 "forecast FROM %1 a UNION ALL SELECT legal_entity_id, month, 0, "
                                 "functional FROM %2 fr) f")
                      .arg(actual.sql, forecast.sql),
                  actual.binds + forecast.binds};
    q.columns = kForecastColumns;
    q.partitions = {QStringLiteral("round(sum(f.actual) * fx.average_rate, 2)"),
                    QStringLiteral("round(sum(f.forecast) * fx.average_rate, 2)")};
    q.value = QStringLiteral("sum(m0)");

    MetricAnswer a;
    const QList<PointRow> figure = points(c, q, false);
    const QString zero = QStringLiteral("0.00");
    const QString actualTotal = figure.isEmpty() ? zero : figure.first().sums.value(0);
    a.value = actualTotal;
    a.extra.insert(QStringLiteral("actual"), actualTotal);
    a.extra.insert(QStringLiteral("forecast"),
                   figure.isEmpty() ? zero : figure.first().sums.value(1));

    const QList<PointRow> rows = points(c, q, true);
    const auto add = [&a](const PointRow &r, const QString &actualValue,
                          const QString &forecastValue) {
        a.points.append(
            {r.key, r.label, r.key2, r.label2, QStringLiteral("actual"), actualValue, {}, {}});
        a.points.append(
            {r.key, r.label, r.key2, r.label2, QStringLiteral("forecast"), forecastValue, {}, {}});
    };
    if (c.filter.by == QLatin1String(Dimension::Month)) {
        // Every month of the chart, with zeros where nothing was recognised or forecast. A month
        // no recognition run has reached yet has no actual (null, not a collapse to zero).
        QSqlQuery last =
            db::query(c.db,
                      QStringLiteral("SELECT max(period_start) FROM revenue_runs WHERE status = "
                                     "'completed' AND legal_entity_id = ANY(?::bigint[])"),
                      {c.entityArray()});
        const QDate lastRun = last.next() ? last.value(0).toDate() : QDate();
        const auto actualOf = [&lastRun](QDate month, const QString &value) {
            return lastRun.isValid() && month <= lastRun ? value : QString();
        };
        QHash<QString, PointRow> byKey;
        for (const PointRow &r : rows)
            byKey.insert(r.key, r);
        for (const QDate &m : c.filter.months()) {
            const QString key = m.toString(QStringLiteral("yyyy-MM"));
            const auto it = byKey.constFind(key);
            if (it != byKey.constEnd())
                add(*it, actualOf(m, it->sums.value(0)), it->sums.value(1));
            else
                add({key, QLocale::c().toString(m, QStringLiteral("MMM yyyy")), {}, {}, {}, {}},
                    actualOf(m, zero), zero);
        }
    } else {
        for (const PointRow &r : rows)
            add(r, r.sums.value(0), r.sums.value(1));
    }
    return a;
}

RecordsPage revenueVsForecastRecords(const MetricContext &c)
{
    if (c.filter.part == QLatin1String("denominator"))
        return forecastRecords(c, forecastRows(c));
    return actualLineRecords(c);
}

// The entity-months forecast accuracy counts: a snapshot was taken when the month began, the
// month is over and its recognition has run (a month not yet closed would read as a miss).
QString accuracyMonths(const QString &entity, const QString &month)
{
    return QStringLiteral(
               "EXISTS (SELECT 1 FROM revenue_forecast_snapshot_takes t WHERE "
               "t.legal_entity_id = %1 AND t.snapshot_month = %2) AND %2 < '%3'::date AND "
               "EXISTS (SELECT 1 FROM revenue_recognitions rr WHERE rr.legal_entity_id = %1 AND "
               "rr.period_start = %2)")
        .arg(entity, month, currentMonth().toString(Qt::ISODate));
}

PointsQuery accuracyQuery(const MetricContext &c)
{
    const SqlFragment actual = actualMonths(c);
    const SqlFragment forecast = snapshotForecast(
        c, accuracyMonths(QStringLiteral("s.legal_entity_id"), QStringLiteral("s.forecast_month")));
    PointsQuery q;
    q.relation = {QStringLiteral(R"((
SELECT t.legal_entity_id, t.snapshot_month AS month, coalesce(a.v, 0) AS actual,
       coalesce(s.v, 0) AS forecast
FROM revenue_forecast_snapshot_takes t
LEFT JOIN %1 a ON a.legal_entity_id = t.legal_entity_id AND a.month = t.snapshot_month
LEFT JOIN (SELECT legal_entity_id, month, sum(functional) AS v FROM (%2) x GROUP BY 1, 2) s
       ON s.legal_entity_id = t.legal_entity_id AND s.month = t.snapshot_month
WHERE t.legal_entity_id = ANY(?::bigint[]) AND t.snapshot_month BETWEEN ? AND ? AND %3) f)")
                      .arg(actual.sql, forecast.sql,
                           accuracyMonths(QStringLiteral("t.legal_entity_id"),
                                          QStringLiteral("t.snapshot_month"))),
                  actual.binds + forecast.binds +
                      QVariantList{c.entityArray(), c.filter.from, c.filter.to}};
    q.columns = kForecastColumns;
    q.partitions = {QStringLiteral("round(sum(f.forecast) * fx.average_rate, 2)"),
                    QStringLiteral("round(sum(f.actual) * fx.average_rate, 2)")};
    q.value = QStringLiteral(
        "CASE WHEN sum(m1) = 0 THEN NULL ELSE round(1 - sum(abs(m0 - m1)) / sum(m1), 4) END");
    return q;
}

MetricAnswer forecastAccuracy(const MetricContext &c)
{
    snapshotThisMonth(c);
    PointsQuery q = accuracyQuery(c);
    MetricAnswer a;
    const QList<PointRow> figure = points(c, q, false);
    if (figure.isEmpty()) {
        a.numerator = a.denominator = QStringLiteral("0.00");
    } else {
        a.value = figure.first().value;
        a.numerator = figure.first().sums.value(0);
        a.denominator = figure.first().sums.value(1);
    }
    q.value = QStringLiteral("sum(abs(m0 - m1))");
    const QList<PointRow> error = points(c, q, false);
    a.extra.insert(QStringLiteral("absolute_error"),
                   error.isEmpty() ? QStringLiteral("0.00") : error.first().value);
    q = accuracyQuery(c);
    for (const PointRow &r : points(c, q, true))
        a.points.append(ratioPoint(r.key, r.label, r.value, r.sums.value(0), r.sums.value(1)));
    fillMonths(a.points, c.filter, {});
    return a;
}

RecordsPage forecastAccuracyRecords(const MetricContext &c)
{
    if (c.filter.part != QLatin1String("denominator")) {
        const SqlFragment snapshots =
            snapshotForecast(c, accuracyMonths(QStringLiteral("s.legal_entity_id"),
                                               QStringLiteral("s.forecast_month")));
        return forecastRecords(c, {u'(' + snapshots.sql + u')', snapshots.binds});
    }
    return actualLineRecords(c, QStringLiteral(" AND ") +
                                    accuracyMonths(QStringLiteral("jl.legal_entity_id"),
                                                   QStringLiteral("date_trunc('month', "
                                                                  "jl.entry_date)::date")));
}

} // namespace

MetricDefinition revenueVsForecastMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("revenue_vs_forecast");
    m.title = QStringLiteral("Revenue recognised vs forecast");
    m.description = QStringLiteral(
        "Recognised revenue by month (series actual) beside the forecast (series forecast): for "
        "past months the forecast of the snapshot taken when the month began, for the current "
        "and later months the live forecast");
    m.unit = MetricUnit::Money;
    m.dimensions = kForecastColumns;
    m.facts = {QStringLiteral("ledger_month")};
    m.compute = revenueVsForecast;
    m.records = revenueVsForecastRecords;
    return m;
}

MetricDefinition forecastAccuracyMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("forecast_accuracy");
    m.title = QStringLiteral("Forecast accuracy");
    m.description = QStringLiteral(
        "1 − |forecast − actual| / actual per month, the forecast as it stood when the month "
        "began; over several months 1 − Σ|forecast − actual| / Σ actual; months without a "
        "snapshot or not yet recognised are left out");
    m.unit = MetricUnit::Ratio;
    m.dimensions = kForecastColumns;
    m.facts = {QStringLiteral("ledger_month")};
    m.compute = forecastAccuracy;
    m.records = forecastAccuracyRecords;
    return m;
}

} // namespace keel::revenue_analytics
