// bench_planner: the resource planner's data (GET /api/v1/resourcing/planner, 26 ISO weeks, the
// whole firm in one page) over real HTTP against keel-server (2 worker threads) on the demo firm
// loaded at scale 1 (keel-admin load-demo: ~600 employees with holidays, leave and the handover
// projects' assignments). On top of the demo's bookings the bench adds, set-based, a hard and a
// soft assignment for everyone inside the 26 weeks, so that every cell has figures. Signed in as
// an unscoped resource manager; 30 requests after 5 warm-up ones. Figures: planner_ms = median
// (target < 150 ms for 600 people × 26 weeks), planner_p95_ms.
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace keel::bench;

namespace {

constexpr int kWarmUp = 5;
constexpr int kRequests = 30;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"planner_ms", "planner_p95_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_planner"));
        runProgram(adminBinary(),
                   {QStringLiteral("load-demo"), QStringLiteral("--scale"), QStringLiteral("1"),
                    QStringLiteral("-d"), database.url()},
                   3600 * 1000);
        const QString from = QStringLiteral("2026-11-16"); // the Monday after the demo's today
        QSqlDatabase sql = database.sql();
        QSqlQuery people =
            keel::db::query(sql, QStringLiteral("SELECT count(*) FROM employees WHERE active"), {});
        people.next();
        if (people.value(0).toInt() < 600)
            throw BenchError(QStringLiteral("the demo firm has %1 employees, expected 600")
                                 .arg(people.value(0).toInt()));
        // Everyone: a hard booking on an active project of their entity for the 26 weeks
        // (8–24 h/week) and a soft one on an open opportunity for the middle 10 weeks.
        keel::db::query(
            sql,
            QStringLiteral(
                "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                "hours_per_week, kind, probability) SELECT e.id, p.id, ?::date, ?::date + 181, "
                "8 + (e.id % 5) * 4, 'hard', 100 FROM employees e CROSS JOIN LATERAL (SELECT "
                "p.id FROM projects p WHERE p.legal_entity_id = e.legal_entity_id ORDER BY "
                "(p.id + e.id) % 97, p.id LIMIT 1) p WHERE e.active"),
            {from, from});
        keel::db::query(
            sql,
            QStringLiteral(
                "INSERT INTO assignments (employee_id, opportunity_id, start_date, end_date, "
                "hours_per_week, kind, probability) SELECT e.id, o.id, ?::date + 56, ?::date + "
                "125, 4 + (e.id % 3) * 4, 'soft', o.probability FROM employees e CROSS JOIN "
                "LATERAL (SELECT o.id, o.probability FROM opportunities o WHERE "
                "o.legal_entity_id = e.legal_entity_id AND o.is_open ORDER BY (o.id + e.id) % "
                "89, o.id LIMIT 1) o WHERE e.active"),
            {from, from});
        keel::db::exec(sql, QStringLiteral("ANALYZE assignments"));
        QSqlQuery counts =
            keel::db::query(sql, QStringLiteral("SELECT count(*) FROM assignments"), {});
        counts.next();
        fprintf(stderr, "bench_planner: %d people, %d assignments\n", people.value(0).toInt(),
                counts.value(0).toInt());

        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.planner"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("UK"), QStringLiteral("--role"),
                    QStringLiteral("resource_manager")},
                   60000);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.planner"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));
        const QString url =
            QStringLiteral("/api/v1/resourcing/planner?from=%1&weeks=26&limit=1000").arg(from);
        QList<double> times;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult r = client.get(url);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (r.status != 200)
                throw BenchError(QStringLiteral("GET %1 answered %2: %3")
                                     .arg(url)
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(200))));
            const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
            if (items.size() < 600 ||
                items.first().toObject().value(QStringLiteral("cells")).toArray().size() != 26)
                throw BenchError(QStringLiteral("GET %1: %2 people, expected 600 × 26 weeks")
                                     .arg(url)
                                     .arg(items.size()));
            if (i >= kWarmUp)
                times.append(ms);
        }
        fprintf(stderr, "bench_planner: median %.1f ms, max %.1f ms\n", median(times),
                *std::max_element(times.begin(), times.end()));
        emitValue(QStringLiteral("planner_ms"), median(times), QStringLiteral("ms"), 1);
        emitValue(QStringLiteral("planner_p95_ms"), percentile(times, 0.95), QStringLiteral("ms"),
                  1);
        server.stop();
    });
}
