// bench_capacity: capacity versus demand (GET /api/v1/resourcing/capacity, 26 weeks) over real
// HTTP against keel-server (2 worker threads) on the demo firm loaded at scale 1 (keel-admin
// load-demo: ~600 employees with holidays, leave, assignments and resource requests), signed in
// as an unscoped resource manager. 40 requests (after 5 warm-up ones) cycle through
// group_by=role, skill, practice and country. Figure: capacity_ms = median (target < 200 ms);
// capacity_p95_ms.
#include "bench_capacity_seed.h"
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace keel::bench;

namespace {

constexpr int kWarmUp = 5;
constexpr int kRequests = 40;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"capacity_ms", "capacity_p95_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_capacity"));
        runProgram(adminBinary(),
                   {QStringLiteral("load-demo"), QStringLiteral("--scale"), QStringLiteral("1"),
                    QStringLiteral("-d"), database.url()},
                   3600 * 1000);
        QSqlQuery count = keel::db::query(
            database.sql(), QStringLiteral("SELECT count(*) FROM employees WHERE active"), {});
        count.next();
        if (count.value(0).toInt() == 0 && seedResourcingIfMissing(database))
            fprintf(stderr, "bench_capacity: the demo firm has no employees; seeded one per demo "
                            "user with synthetic bookings and requests\n");
        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.capacity"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("UK"), QStringLiteral("--role"),
                    QStringLiteral("resource_manager")},
                   60000);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.capacity"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));
        // From the first Monday after the latest assignment start the demo has, less 8 weeks,
        // so the 26 weeks carry bookings; else today.
        QSqlQuery start = keel::db::query(
            database.sql(),
            QStringLiteral("SELECT coalesce((SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY "
                           "start_date) FROM assignments), current_date)"),
            {});
        start.next();
        const QString from = start.value(0).toDate().toString(Qt::ISODate);
        const QStringList groups{QStringLiteral("role"), QStringLiteral("skill"),
                                 QStringLiteral("practice"), QStringLiteral("country")};
        QList<double> times;
        QHash<QString, QList<double>> byGroup;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            const QString url =
                QStringLiteral("/api/v1/resourcing/capacity?from=%1&weeks=26&group_by=%2")
                    .arg(from, groups.at(i % groups.size()));
            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult r = client.get(url);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (r.status != 200)
                throw BenchError(QStringLiteral("GET %1 answered %2: %3")
                                     .arg(url)
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(200))));
            if (r.json().value(QStringLiteral("rows")).toArray().isEmpty())
                throw BenchError(QStringLiteral("GET %1: no rows").arg(url));
            if (i >= kWarmUp) {
                times.append(ms);
                byGroup[groups.at(i % groups.size())].append(ms);
            }
        }
        for (const QString &g : groups)
            fprintf(stderr, "bench_capacity: group_by=%s median %.1f ms, max %.1f ms\n",
                    qPrintable(g), median(byGroup.value(g)),
                    *std::max_element(byGroup[g].begin(), byGroup[g].end()));
        emitValue(QStringLiteral("capacity_ms"), median(times), QStringLiteral("ms"), 1);
        emitValue(QStringLiteral("capacity_p95_ms"), percentile(times, 0.95), QStringLiteral("ms"),
                  1);
        server.stop();
    });
}
