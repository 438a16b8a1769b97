// bench_bulk_approve: a project manager approves 5,000 submitted lines of 100 consultants in
// one action (POST /api/v1/time/approvals with every line's id and version), which stamps each
// line's cost and adds hours and cost to the tasks' actuals. keel-server (2 worker threads) on a
// fresh database. Three rounds, each on 5,000 fresh lines; after each the lines must all be
// approved with their cost. Figure: bulk_approve_ms (median of the rounds; target < 2 s).
#include "bench_support.h"
#include "bench_time_seed.h"
#include "http_client.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kConsultants = 100;
constexpr int kLines = 5000;
constexpr int kRounds = 3;

qint64 count(const keel::test::TestDatabase &database, const QString &sql)
{
    QSqlQuery q = keel::db::query(database.sql(), sql, {});
    q.next();
    return q.value(0).toLongLong();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"bulk_approve_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_bulk_approve"));
        const TimeFirm firm = seedTimeFirm(database, kConsultants);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        client.setToken(firm.pmToken);

        QList<double> times;
        for (int round = 0; round < kRounds; ++round) {
            seedSubmittedLines(database, kLines);
            QJsonArray lines;
            QSqlQuery q = keel::db::query(
                database.sql(),
                QStringLiteral("SELECT id, version FROM time_entries WHERE status = "
                               "'submitted' ORDER BY work_date, id"),
                {});
            while (q.next())
                lines.append(
                    QJsonObject{{"id", q.value(0).toString()}, {"version", q.value(1).toInt()}});
            if (lines.size() != kLines)
                throw BenchError(
                    QStringLiteral("%1 submitted lines, not %2").arg(lines.size()).arg(kLines));
            const QJsonObject body{{"decision", "approve"}, {"lines", lines}};

            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult r =
                client.post(QStringLiteral("/api/v1/time/approvals"), body);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (r.status != 200)
                throw BenchError(QStringLiteral("approve answered %1: %2")
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(300))));
            if (count(database, QStringLiteral("SELECT count(*) FROM time_entries WHERE status "
                                               "= 'approved' AND cost_amount IS NOT NULL")) !=
                qint64(kLines) * (round + 1))
                throw BenchError(QStringLiteral("not every line was approved and costed"));
            times.append(ms);
        }
        emitValue(QStringLiteral("bulk_approve_ms"), median(times), QStringLiteral("ms"));
        server.stop();
    });
}
