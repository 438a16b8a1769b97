#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace keel {

struct DemoAnalyticsCounts
{
    int snapshots = 0;           // entity-months of the revenue forecast snapshot taken at the end
    int partitions = 0;          // entity-months of every fact rebuilt
    QDate firstMonth, lastMonth; // the months the aggregates were rebuilt for
    qint64 milliseconds = 0;     // what this step added to the load
    qint64 snapshotMilliseconds = 0; // all the forecast snapshots took, the replay's included
};

// The revenue forecast as it stood at the start of `month`, for every legal entity
// (revenue_forecast_snapshots). demo_close calls it in its month-by-month replay before the
// month's recognition run, so the snapshot knows the recognitions up to the month before.
// Returns the snapshot rows written.
int takeDemoForecastSnapshots(QSqlDatabase db, QDate month);

// The months the demo's aggregates cover: from the books' first period (or the first month any
// detail marked stale, if earlier) to the last one.
struct DemoAnalyticsMonths
{
    QDate first, last;
};
DemoAnalyticsMonths demoAnalyticsMonths(QSqlDatabase db);

// The last step of the demo load (server/analytics/README.md "Aggregates"), inside the load's
// transaction: the forecast snapshots of the months the replay did not reach (from the month after
// the last recognition run to the month after the demo's as-of date: the open months), then every
// aggregate rebuilt from the detail over demoAnalyticsMonths() and analytics_stale_months emptied,
// so the first dashboard reads exact aggregates without rebuilding anything.
bool loadDemoAnalytics(QSqlDatabase db, DemoAnalyticsCounts *counts, QString *error);

} // namespace keel
