#pragma once

// SQL of the people metrics (README "People metrics"): the person_month aggregate and the
// helpers their reads share. All arithmetic is numeric in PostgreSQL; figures come back as text.

#include "analytics_dimensions.h"
#include "analytics_facts.h"
#include "metric_definition.h"

namespace keel {

// Deletes and re-inserts the given (entity, month) partitions of analytics_person_month from
// employees, holidays, approved leave and approved or invoiced time; records them as built.
void rebuildPersonMonths(QSqlDatabase db, const QList<EntityMonth> &partitions);

// Builds the partitions of the context's entities and months that were never built (a month
// nobody has touched yet still has capacity), so a read never misses a month.
void ensurePersonMonthsBuilt(const MetricContext &context);

// The dimensions of analytics_person_month, for sliceCondition.
QStringList personMonthColumns();

// How a people metric groups its points: the key/label expressions of by (and by2), the joins
// they need, and which of the two a ranking limits (empty: none, every month is a point).
struct PeopleGrouping
{
    DimensionSql first, second;
    bool hasSecond = false;
    bool rankFirst = false, rankSecond = false;
    QString joins() const { return first.joins + (hasSecond ? second.joins : QString()); }
    // "<key> AS k1, <label> AS l1, <key2> AS k2, <label2> AS l2" (NULLs without by2).
    QString keyColumns() const;
    // The fact's columns the points group by ("f.employee_id, f.month"), and each one's name:
    // sums are taken and ranked by these ids first, keys and labels made for the points kept.
    QString raw, rawFirst, rawSecond;
};
PeopleGrouping peopleGrouping(const AnalyticsFilter &filter, const QString &alias);

// A records cursor "a|b" split in two; 422 (field after) when malformed.
QPair<QString, QString> peopleCursor(const QString &after);

// A people metric's points: `inner` groups the fact by grouping.raw and answers those columns
// (unqualified) with num, den and any other sums; `figures` makes "<…> AS value, <…> AS extra"
// of one such row aliased f; `rankValue` ranks a key by rnum and rden, its sums of num and den.
struct PeopleSums
{
    QString inner, figures, rankValue;
};

// The points query: k1, l1, k2, l2, value, num, den and extra as text. A ranked dimension keeps
// filter.limit keys by rankValue in filter.order (nulls last); months are in time.
QString peopleRankedPoints(const AnalyticsFilter &filter, const PeopleGrouping &grouping,
                           const PeopleSums &sums, QVariantList &binds);

} // namespace keel
