// bench_close: a full month-end close of the three entities of the demo firm (issue 7:
// close_month_s, under 20 s at scale 1 and under 2 minutes at scale 10). The firm is loaded in
// process (server/admin/demo_firm.h); every period before October 2026, the month before the
// demo's as-of date, is hard-closed as history (untimed). Timed, with the commits: October's
// checklist of each entity, every run of each (runCloseRuns: recognition, accruals, FX
// revaluation, intercompany), the checklist again (the gate's reading), then the soft and the
// hard close of each. The demo's October keeps real exceptions (unapproved time, draft
// invoices), so the closes skip the checklist gate, which was read in the timed part. Scale:
// the first argument or KEEL_BENCH_SCALE (default 1); at scale > 1 the billing replay is left
// out of the load (KEEL_DEMO_BILLING=0) to keep the seed within the bench's time.
#include "admin/demo_firm.h"
#include "bench_support.h"
#include "close/close_checklist.h"
#include "close/close_service.h"
#include "close/close_store.h"
#include "db/database.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

using namespace keel::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int scale = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 0;
    if (scale < 1)
        scale = qMax(1, qEnvironmentVariableIntValue("KEEL_BENCH_SCALE"));
    return runBench({"close_month_s"}, [scale] {
        if (scale > 1)
            qputenv("KEEL_DEMO_BILLING", "0");
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_close"));
        QSqlDatabase db = keel::db::connection(database.config());
        QElapsedTimer load;
        load.start();
        const keel::DemoLoadResult loaded = keel::loadDemoFirm(db, scale, {});
        if (!loaded.ok)
            throw BenchError(
                QStringLiteral("demo load at scale %1: %2").arg(scale).arg(loaded.error));
        const QDate october(2026, 10, 1);
        keel::db::query(db,
                        QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed', "
                                       "closed_at = coalesce(closed_at, now()) WHERE "
                                       "period_start < ? AND status <> 'hard_closed'"),
                        {october});
        keel::db::exec(db, QStringLiteral("ANALYZE"));
        qInfo("loaded scale %d in %.1f s", scale, double(load.elapsed()) / 1000);
        QSqlQuery q = keel::db::exec(
            db, QStringLiteral("SELECT (SELECT id FROM users WHERE username = 'controller'), "
                               "array_to_string(array_agg(id ORDER BY id), ',') FROM "
                               "legal_entities"));
        q.next();
        const qint64 controller = q.value(0).toLongLong();
        QList<qint64> entities;
        for (const QString &id : q.value(1).toString().split(u','))
            entities << id.toLongLong();
        if (entities.size() != 3 || !controller)
            throw BenchError(QStringLiteral("the demo firm has no three entities and controller"));

        int red = 0;
        const auto checklists = [&] {
            red = 0;
            for (const qint64 id : entities) {
                const auto entity = keel::close_store::entity(db, id);
                red += keel::buildCloseChecklist(db, *entity, october,
                                                 keel::close_store::periodStatus(db, id, october))
                           .red;
            }
        };
        QElapsedTimer timer;
        timer.start();
        checklists();
        const qint64 checksMs = timer.elapsed();
        for (const qint64 id : entities) {
            keel::db::Transaction tx(db);
            keel::runCloseRuns(db, id, october, controller);
            tx.commit();
        }
        const qint64 runsMs = timer.elapsed() - checksMs;
        checklists();
        for (const QString &status : {QStringLiteral("soft_closed"), QStringLiteral("hard_closed")})
            for (const qint64 id : entities) {
                keel::db::Transaction tx(db);
                keel::closePeriod(db, id, october, status, controller, true);
                tx.commit();
            }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        QSqlQuery closed = keel::db::query(db,
                                           QStringLiteral("SELECT count(*) FROM "
                                                          "accounting_periods WHERE "
                                                          "period_start = ? AND status = "
                                                          "'hard_closed'"),
                                           {october});
        closed.next();
        if (closed.value(0).toInt() != 3)
            throw BenchError(QStringLiteral("October is hard-closed for %1 entities, not 3")
                                 .arg(closed.value(0).toInt()));
        qInfo("checklists of 3 entities %lld ms, runs %lld ms, red items after the runs: %d",
              checksMs, runsMs, red);
        emitValue(QStringLiteral("close_month_s"), seconds, QStringLiteral("s"), scale);
    });
}
