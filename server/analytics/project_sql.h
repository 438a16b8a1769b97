#pragma once

#include "analytics_dimensions.h"
#include "analytics_facts.h"
#include "metric_definition.h"

#include <QSqlQuery>

#include <functional>

namespace keel::project_analytics {

// The fact "project_month" (analytics_project_month, migration 0025): deletes and re-inserts
// the partitions from time entries, expenses and vendor bill lines (project_fact.cpp).
void rebuildProjectMonths(QSqlDatabase db, const QList<EntityMonth> &partitions);

// One row per approved or invoiced time entry with what the metrics take from it, in the
// project entity's functional currency: id, legal_entity_id (the project's), month (of the
// work), project_id, practice_id, client_id (the project's), employee_id, work_date, hours,
// billable, currency, labour_cost, bills_time (the contract bills hours), counted_hours (the
// hours realisation counts: all of an invoiced entry's, the written-off held hours of an approved
// one, else 0), standard_value (counted_hours at the standard rate), billed_value (issued invoices
// of an invoiced entry; all three 0 unless billable and bills_time). `selection` is a FROM fragment
// that defines `te` (time_entries) and `p` (projects) with every condition in its ON clauses;
// its binds come first.
QString timeEntriesSql(const QString &selection);

// Whether realisation counts the time entry aliased `entry`: billed (status 'invoiced', on an
// issued invoice) or, still approved, with hours held by a written-off cap exception.
QString realisedTimeSql(const QString &entry);

// Whether the contract of the project aliased `project` bills hours: a time-and-materials line
// or a retainer (the close's unbilled_time rule). Only such time has a standard and billed value.
QString billsTimeSql(const QString &project);

// `(SELECT round(rate, 6) …)`: the ledger's rule for a date's rate (the latest on or before it,
// six places, ledger/fx_rates.cpp) as a scalar subquery over three SQL expressions.
QString fxRateSql(const QString &from, const QString &to, const QString &date);

// A ratio summed from a relation `f` with the columns legal_entity_id, month and those the
// metric's dimensions name: the figure and the points, each side converted per entity and month
// (round(sum × average rate, 2), then added), value = round(numerator / denominator, 4).
struct ProjectRatioSql
{
    QString relation;               // "(SELECT …) f"
    QString numerator, denominator; // expressions over f summed per partition
    QStringList columns;            // for sliceCondition
};
MetricAnswer computeProjectRatio(const MetricContext &context, const ProjectRatioSql &ratio);

// "total" of a drill-down: the given per-row expression summed per entity and month over the
// relation under the context's slice, converted as the figure is.
QString convertedTotal(const MetricContext &context, const ProjectRatioSql &ratio,
                       const QString &expression);

// Records: money as {amount, currency}; a ratio as text or null; the page size.
QJsonObject moneyJson(const QVariant &amount, const QString &currency);
QJsonValue ratioJson(const QVariant &ratio);
int recordsLimit(const MetricContext &context);

// The keyset of the last row of the previous page, "<a>|<b>|…", checked against `kinds` ('d' a
// date, 'i' an id, 'u' a uuid): a malformed one is 422 after/invalid_cursor, never a cast error
// in SQL. Empty on the first page.
QStringList cursorParts(const MetricContext &context, const char *kinds);

// Reads a page query that asked for recordsLimit() + 1 rows: `row` makes the current row an item
// and answers its cursor; `next` stays set only when a row was left over.
void fillPage(QSqlQuery &query, const MetricContext &context, RecordsPage &page,
              const std::function<QString(QJsonObject &)> &row);

// Budget burn and projects at risk (project_burn.cpp).
MetricDefinition budgetBurnMetric();
MetricDefinition projectsAtRiskMetric();

} // namespace keel::project_analytics
