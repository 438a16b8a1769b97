#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace keel {

struct Request;

// What a dashboard asks a metric for: the months, the slice and the currency
// (server/analytics/README.md "Filters"). Months are first days; `to` is inclusive.
struct AnalyticsFilter
{
    QDate from, to;        // first day of the first and of the last month
    qint64 entityId = 0;   // 0: every entity the caller may see
    qint64 practiceId = 0; // 0: all
    qint64 clientId = 0;   // accounts.id
    qint64 projectId = 0;
    qint64 personId = 0;       // employees.id
    qint64 managerUserId = 0;  // projects.project_manager_id (manager=me resolves to the caller)
    bool groupCurrency = true; // false: the single entity's functional currency
    QString by;                // dimension of the points; the metric's first one when not given
    QString by2;               // second dimension (heatmaps), empty for one
    int limit = 50;            // points of a ranking (by client, project, person), records per page
    QString order;             // "desc" (default for rankings) or "asc"
    QString key, key2;         // drill-down: the point whose records are wanted
    QString part;              // drill-down of a ratio: "numerator" (default) or "denominator"
    QString after;             // records cursor

    QDate lastDay() const { return to.addMonths(1).addDays(-1); }
    // Months from..to, as first days.
    QList<QDate> months() const;
};

// The dimensions every metric can be cut by when its data has them.
namespace Dimension {
inline constexpr auto Month = "month";
inline constexpr auto Entity = "entity";
inline constexpr auto Practice = "practice";
inline constexpr auto Client = "client";
inline constexpr auto Project = "project";
inline constexpr auto Person = "person";
} // namespace Dimension

// Parses the query of a metric or records request; throws ApiError 422 naming the field
// (from, to, entity, practice, client, project, person, manager, currency, by, limit, order,
// part). Defaults: the twelve months up to the current one, every visible entity.
AnalyticsFilter parseAnalyticsFilter(const Request &request, qint64 callerUserId);

// Narrows the filter to one point of a standard dimension (month, entity, practice, client,
// project, person): a drill-down's records are the metric's records under the narrowed filter.
// Keys of other dimensions stay in filter.key for the metric to interpret. Throws 422 (key).
void narrowToKey(AnalyticsFilter &filter, const QString &dimension, const QString &key,
                 const char *field);

} // namespace keel
