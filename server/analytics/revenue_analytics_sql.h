#pragma once

#include "analytics_dimensions.h"
#include "metric_definition.h"

namespace keel::revenue_analytics {

// One row of a points query: the keys of the point, its value and the sums behind it.
struct PointRow
{
    QString key, label, key2, label2;
    QString value;    // the query's value expression, empty when NULL
    QStringList sums; // the partition sums added over the point, as text
};

// A metric's figure or points over a relation with legal_entity_id and month columns (aliased
// f). Each partition sum is taken per entity and month first (so money converts per partition:
// `round(sum(f.x) * fx.average_rate, 2)`), added per point and month into m0, m1, … and then per
// point into the sums; `value` is an aggregate over m0, m1, … (e.g. `sum(m0)`,
// `round(sum(m0) / nullif(sum(m1), 0), 4)`, or one over months such as forecast accuracy's
// `sum(abs(m0 - m1))`).
struct PointsQuery
{
    SqlFragment relation;   // a FROM item aliased f
    QStringList columns;    // its dimensions, for sliceCondition (Dimension::…, "manager")
    QStringList partitions; // per entity-month partition sums
    QString value;          // over m0, m1, …
    QString where;          // extra condition on f, no binds
};

// byPoint false: the figure over the whole filter (one row, empty keys; none when no data).
// Points come in key order for months and entities, else ranked by value (filter.order, limit).
QList<PointRow> points(const MetricContext &c, const PointsQuery &q, bool byPoint);

// The drill-down of a relation of records (aliased d, with legal_entity_id, month and a unique
// sortable text column `cursor`): one page of `item` (a json_build_object over d) in cursor
// order, and the total over every matching record: `partitionTotal` per entity and month (e.g.
// `round(sum(d.functional) * fx.average_rate, 2)`) added.
struct RecordsQuery
{
    SqlFragment detail; // a FROM item aliased d
    QStringList columns;
    QString where; // extra condition on d, no binds
    QString partitionTotal;
    QString totalCast; // e.g. "numeric(20, 2)"
    QString item;
    QList<RecordColumn> recordColumns;
};
RecordsPage records(const MetricContext &c, const RecordsQuery &q);

// By month (without by2), a point for every month of the slice: `empty` where there is none
// (0.00 for money, "" for a ratio without a denominator).
void fillMonths(QList<MetricPoint> &points, const AnalyticsFilter &filter, const QString &empty);

// The month of the first day of today, the boundary between past months (snapshots) and live
// ones.
QDate currentMonth();

// A money item column: {"amount": "…", "currency": "…"} from SQL expressions.
QString moneyJson(const QString &amount, const QString &currency);

// `legal_entity_id` and a month column from the filter's entities × months, for details that
// read their source through an index on (entity, date): "(SELECT …) AS p(e, m)".
SqlFragment scopePartitions(const MetricContext &c);

} // namespace keel::revenue_analytics
