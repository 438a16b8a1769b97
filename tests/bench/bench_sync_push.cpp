// bench_sync_push: one consultant pushes 1,000 new time entries in one batch (POST
// /api/v1/sync/push: 20 half-hour entries a day over 50 days up to last week) to keel-server
// (2 worker threads) on a fresh database; end to end over real HTTP, building the body included.
// Five rounds, each a fresh batch of new entries, after one warm-up round of 50; every op must be
// applied. Figure: sync_push_1000_ms (median of the rounds; target < 1 s).
#include "bench_support.h"
#include "bench_time_seed.h"
#include "http_client.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

using namespace keel::bench;

namespace {

constexpr int kEntries = 1000;
constexpr int kRounds = 5;

QJsonArray batch(const TimeFirm &firm, int count, int round)
{
    const qint64 project = firm.projects[firm.projectOf[0]];
    const qint64 task = firm.tasks[firm.projectOf[0] * 2];
    QJsonArray ops;
    for (int i = 0; i < count; ++i) {
        // 20 a day of 0.5 h is 10 h a day; each round has days of its own.
        const QDate date = benchMonday().addDays(-(i / 20) - 60 * round);
        ops.append(benchSaveOp(project, task, date, QStringLiteral("0.50"),
                               QStringLiteral("bench entry %1/%2").arg(round).arg(i)));
    }
    return ops;
}

void push(keel::test::HttpClient &client, const QJsonArray &ops)
{
    const keel::test::HttpResult r =
        client.post(QStringLiteral("/api/v1/sync/push"), QJsonObject{{"ops", ops}});
    if (r.status != 200)
        throw BenchError(QStringLiteral("push answered %1: %2")
                             .arg(r.status)
                             .arg(QString::fromUtf8(r.body.left(300))));
    const QJsonArray results = r.json().value("results").toArray();
    if (results.size() != ops.size())
        throw BenchError(
            QStringLiteral("%1 results for %2 ops").arg(results.size()).arg(ops.size()));
    for (const QJsonValue &v : results) {
        if (v.toObject().value("outcome").toString() != QLatin1String("applied"))
            throw BenchError(QStringLiteral("an op was not applied: %1")
                                 .arg(QString::fromUtf8(
                                     QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"sync_push_1000_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_sync_push"));
        const TimeFirm firm = seedTimeFirm(database, 1);
        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        client.setToken(firm.tokens[0]);

        push(client, batch(firm, 50, 9)); // warm-up: connections, prepared statements
        QList<double> times;
        for (int round = 0; round < kRounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            push(client, batch(firm, kEntries, round));
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        emitValue(QStringLiteral("sync_push_1000_ms"), median(times), QStringLiteral("ms"));
        server.stop();
    });
}
