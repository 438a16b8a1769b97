#include "demo_analytics.h"

#include "analytics/analytics_facts.h"
#include "analytics/forecast_snapshot.h"
#include "db/database.h"
#include "demo_sales.h"
#include "http/http_types.h"

#include <QElapsedTimer>
#include <QList>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>
#include <utility>

namespace keel {

namespace {

QList<qint64> entityIds(QSqlDatabase db)
{
    QList<qint64> ids;
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT id FROM legal_entities ORDER BY id"));
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QDate firstOfMonth(QDate d)
{
    return QDate(d.year(), d.month(), 1);
}

// The snapshots' time over the whole load (the replay takes most of them), for its record.
qint64 &snapshotMilliseconds()
{
    static qint64 ms = 0;
    return ms;
}

} // namespace

int takeDemoForecastSnapshots(QSqlDatabase db, QDate month)
{
    QElapsedTimer timer;
    timer.start();
    int rows = 0;
    for (const qint64 entity : entityIds(db))
        rows += takeRevenueForecastSnapshot(db, entity, firstOfMonth(month));
    snapshotMilliseconds() += timer.elapsed();
    return rows;
}

DemoAnalyticsMonths demoAnalyticsMonths(QSqlDatabase db)
{
    // The stale marks the load's triggers left name every month that has detail; the books'
    // periods add the empty months between and around them.
    QSqlQuery q = db::exec(
        db, QStringLiteral("SELECT least(min(p.first), min(s.first)), greatest(max(p.last), "
                           "max(s.last)) FROM (SELECT min(period_start) AS first, "
                           "max(period_start) AS last FROM accounting_periods) p, (SELECT "
                           "min(month) AS first, max(month) AS last FROM analytics_stale_months) "
                           "s"));
    DemoAnalyticsMonths m;
    if (q.next()) {
        m.first = q.value(0).toDate();
        m.last = q.value(1).toDate();
    }
    return m;
}

bool loadDemoAnalytics(QSqlDatabase db, DemoAnalyticsCounts *counts, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    DemoAnalyticsCounts c;
    try {
        // The open months: after the last month the replay recognised (it took its own
        // snapshots before each month's run) to the month after the as-of date.
        const QDate asOf = demoAsOf();
        QSqlQuery q = db::exec(db, QStringLiteral("SELECT max(period_start) FROM revenue_runs "
                                                  "WHERE status = 'completed'"));
        QDate from = firstOfMonth(asOf);
        if (q.next() && !q.value(0).isNull())
            from = firstOfMonth(q.value(0).toDate()).addMonths(1);
        const QDate until = firstOfMonth(asOf).addMonths(1);
        for (QDate m = from; m <= until; m = m.addMonths(1))
            c.snapshots += takeDemoForecastSnapshots(db, m);

        const DemoAnalyticsMonths months = demoAnalyticsMonths(db);
        c.firstMonth = months.first;
        c.lastMonth = months.last;
        if (months.first.isValid())
            c.partitions = rebuildAllFacts(db, months.first, months.last);
        // Marks of months outside every fact's interest (or of facts no family registers)
        // would make the first reader rebuild for nothing.
        db::exec(db, QStringLiteral("DELETE FROM analytics_stale_months"));
        // Fresh statistics: the first dashboards plan against the filled aggregates.
        QStringList tables{QStringLiteral("revenue_forecast_snapshots")};
        for (const AnalyticsFact &fact : analyticsFacts())
            if (!fact.table.isEmpty() && !tables.contains(fact.table))
                tables.append(fact.table);
        db::exec(db, QStringLiteral("ANALYZE ") + tables.join(QStringLiteral(", ")));
    } catch (const ApiError &e) {
        if (error)
            *error = QStringLiteral("Analytics: %1: %2").arg(e.problem().title, e.problem().detail);
        return false;
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("Analytics: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    c.milliseconds = timer.elapsed();
    c.snapshotMilliseconds = std::exchange(snapshotMilliseconds(), 0);
    if (counts)
        *counts = c;
    return true;
}

} // namespace keel
