// bench_migrate_empty: Migrator::migrate in process on an empty database (connection already
// open), median of 5 fresh databases. Figure: migrate_empty_ms.
#include "bench_support.h"
#include "db/database.h"
#include "db/migrator.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace keel::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"migrate_empty_ms"}, [] {
        QList<double> runs;
        int applied = 0;
        for (int i = 0; i < 5; ++i) {
            auto database = keel::test::TestDatabase::createEmpty(QStringLiteral("bench_migrate"));
            const QString name = QStringLiteral("bench-migrate-%1").arg(i);
            {
                QSqlDatabase db = keel::db::open(database.config(), name);
                QElapsedTimer timer;
                timer.start();
                applied = keel::Migrator::migrate(db);
                runs.append(double(timer.nsecsElapsed()) / 1e6);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        if (applied == 0)
            throw BenchError(QStringLiteral("no migrations were applied"));
        emitValue(QStringLiteral("migrate_empty_ms"), median(runs), QStringLiteral("ms"));
    });
}
