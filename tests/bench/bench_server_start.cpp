// bench_server_start: keel-server spawned on a migrated database until /api/v1/health answers
// 200, median of 5 runs. Figure: server_start_ms.
#include "bench_support.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace keel::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"server_start_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_server_start"));
        QList<double> runs;
        for (int i = 0; i < 5; ++i) {
            const quint16 port = freePort();
            ServerProcess server;
            QElapsedTimer timer;
            timer.start();
            server.spawn(database.url(), port, 2);
            server.waitHealthy();
            runs.append(double(timer.nsecsElapsed()) / 1e6);
            server.stop();
        }
        emitValue(QStringLiteral("server_start_ms"), median(runs), QStringLiteral("ms"));
    });
}
