#pragma once

// The arithmetic every sales metric shares (README "Sales metrics"): a relation of records with
// their functional amounts, summed per entity and month, converted at that partition's rate and
// rounded to the cent, then added, so that a drill-down's total is the figure it explains.

#include "analytics_dimensions.h"
#include "metric_definition.h"

#include <QHash>

namespace keel {

// What a sales metric sums, aliased `f` in the statements below: one row per record with the
// columns legal_entity_id, month (first day), the dimensions named in `columns` (practice_id,
// client_id, project_id; stage_code, stage_name, stage_sort for "stage"), amount (functional,
// exact; NULL when its exchange rate is missing), missing (the missing rate as text, else NULL),
// rec_kind (text) and rec_id (bigint) that order the records, and item (json, the drill-down row).
struct SalesRelation
{
    QString sql;
    QVariantList binds;
    QStringList columns;  // Dimension::… and "manager" the relation can be sliced by, "stage"
    bool balance = false; // month-end closing rate (a balance) instead of the month's average
};

// A condition on `f` beside the filter's slice, with its binds.
struct SalesCondition
{
    QString sql; // empty: none; else "f.won" and the like, ANDed in
    QVariantList binds;
};

struct SalesSumRow
{
    QString key, label, key2, label2;
    QString value; // exact decimal at the cent
    int count = 0;
};

// The key and label of a dimension over `f`: the standard ones, plus the sales family's "stage",
// "kind" (rec_kind) and "outcome" (won or lost, over f.won).
DimensionSql salesDimension(const QString &dimension);

// Σ per (entity, month) × rate, rounded to the cent, then added, grouped by `by` (and `by2`;
// both empty: one row for the whole slice, key empty). Rows of month keys in order, stage keys in
// the stages' order, client, project and person ranked by value (filter.order, filter.limit),
// others by key. With `requireRates`, a record in the slice without an exchange rate into its
// entity's currency is 422 no_fx_rate; without, it is left out of the sums.
QList<SalesSumRow> salesSums(const MetricContext &c, const SalesRelation &r, const QString &by,
                             const QString &by2, const SalesCondition &extra = {},
                             bool requireRates = true);

// The figure over the slice: for a balance the value at the end of filter.to.
SalesSumRow salesTotal(const MetricContext &c, const SalesRelation &r,
                       const SalesCondition &extra = {}, bool requireRates = true);

// A money metric's points of filter.by (and by2) and its figure; by month every month of the
// range is a point (zero where there is nothing) and the figure comes from the same statement
// (the flows' sum of the months, a balance's last month), which the partitions make exact.
struct SalesMoney
{
    QList<MetricPoint> points;
    QString value;
    int count = 0; // records behind the figure
};
SalesMoney salesMoney(const MetricContext &c, const SalesRelation &r,
                      const SalesCondition &extra = {});

// One page of the records in the slice, keyset-paged by (rec_kind, rec_id) with filter.limit and
// filter.after; `total` is the caller's (the figure the records make up).
RecordsPage salesRecordsPage(const MetricContext &c, const SalesRelation &r,
                             const QList<RecordColumn> &columns, const QString &total,
                             const SalesCondition &extra = {});

struct SalesRatioRow
{
    QString key, label, key2, label2;
    int numerator = 0, denominator = 0;
    QString value; // round(numerator / denominator, 4); empty over zero
};

// Counts of the records in the slice that meet `numerator` over all of them, by filter.by (and
// by2), ordered as salesSums orders keys, and over the whole slice.
struct SalesRatios
{
    QList<SalesRatioRow> rows;
    SalesRatioRow total;
};
SalesRatios salesCountRatio(const MetricContext &c, const SalesRelation &r,
                            const QString &numerator);

// The stage of a drill-down's point when the metric is cut by stage (key or key2), else empty.
QString salesStageKey(const AnalyticsFilter &f);

} // namespace keel
