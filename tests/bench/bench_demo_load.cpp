// bench_demo_load: keel-admin load-demo on a fresh migrated database, at scale 1 and, when
// KEEL_BENCH_SCALE names another, at that scale too. Figure: demo_load_s (one line per scale).
#include "bench_support.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace keel::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> scales{1};
    const int extra = qEnvironmentVariableIntValue("KEEL_BENCH_SCALE");
    if (extra > 1)
        scales.append(extra);
    for (int scale : scales) {
        runBench({"demo_load_s"}, [scale] {
            auto database = keel::test::TestDatabase::create(QStringLiteral("bench_demo_load"));
            QElapsedTimer timer;
            timer.start();
            runProgram(adminBinary(),
                       {QStringLiteral("load-demo"), QStringLiteral("--scale"),
                        QString::number(scale), QStringLiteral("-d"), database.url()},
                       3600 * 1000);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            emitValue(QStringLiteral("demo_load_s"), qRound(seconds * 100) / 100.0,
                      QStringLiteral("s"), scale);
        });
    }
    return 0;
}
