// bench_staffing: staffing suggestions for one resource request
// (GET /api/v1/resourcing/requests/{id}/suggestions) over real HTTP against keel-server
// (2 worker threads) on the demo firm loaded at scale 1 (keel-admin load-demo, ~600 employees),
// signed in as an unscoped resource manager: every active person is scored. The request is a
// 13-week UK CONSULTANT request for AWS (level 3) and Terraform (level 2), added to the demo
// firm's first project. 50 requests after 5 warm-up ones. Figure: staffing_ms = median (target
// < 100 ms); staffing_p95_ms.
#include "bench_capacity_seed.h"
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
constexpr int kRequests = 50;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"staffing_ms", "staffing_p95_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_staffing"));
        runProgram(adminBinary(),
                   {QStringLiteral("load-demo"), QStringLiteral("--scale"), QStringLiteral("1"),
                    QStringLiteral("-d"), database.url()},
                   3600 * 1000);
        QSqlQuery count = keel::db::query(
            database.sql(), QStringLiteral("SELECT count(*) FROM employees WHERE active"), {});
        count.next();
        if (count.value(0).toInt() == 0 && seedResourcingIfMissing(database)) {
            fprintf(stderr, "bench_staffing: the demo firm has no employees; seeded one per demo "
                            "user with synthetic bookings and requests\n");
            count = keel::db::query(
                database.sql(), QStringLiteral("SELECT count(*) FROM employees WHERE active"), {});
            count.next();
        }
        const int people = count.value(0).toInt();
        if (people == 0)
            throw BenchError(QStringLiteral("the demo firm has no employees"));
        QSqlQuery request = keel::db::query(
            database.sql(),
            QStringLiteral(
                "INSERT INTO resource_requests (legal_entity_id, project_id, job_role_id, "
                "hours_per_week, total_hours, start_date, end_date, kind, location_country) "
                "SELECT p.legal_entity_id, p.id, jr.id, 20, 260, d, d + 90, 'hard', 'GB' "
                "FROM (SELECT * FROM projects ORDER BY id LIMIT 1) p, job_roles jr, "
                "(SELECT (date_trunc('week', coalesce((SELECT percentile_disc(0.5) WITHIN GROUP "
                "(ORDER BY start_date) FROM assignments), current_date)) + interval '7 days')::"
                "date AS d) dd WHERE jr.code = 'CONSULTANT' RETURNING resource_requests.id"),
            {});
        if (!request.next())
            throw BenchError(QStringLiteral("the demo firm has no project"));
        const QString requestId = request.value(0).toString();
        keel::db::query(database.sql(),
                        QStringLiteral("INSERT INTO resource_request_skills (request_id, "
                                       "skill_id, min_level) SELECT ?, id, CASE code WHEN 'AWS' "
                                       "THEN 3 ELSE 2 END FROM skills WHERE code IN ('AWS', "
                                       "'TERRAFORM')"),
                        {requestId.toLongLong()});
        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.staffing"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("UK"), QStringLiteral("--role"),
                    QStringLiteral("resource_manager")},
                   60000);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.staffing"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));
        const QString url =
            QStringLiteral("/api/v1/resourcing/requests/%1/suggestions").arg(requestId);
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
            if (r.json().value(QStringLiteral("considered")).toInt() != people)
                throw BenchError(QStringLiteral("scored %1 people, not %2")
                                     .arg(r.json().value(QStringLiteral("considered")).toInt())
                                     .arg(people));
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("staffing_ms"), median(times), QStringLiteral("ms"), 1);
        emitValue(QStringLiteral("staffing_p95_ms"), percentile(times, 0.95), QStringLiteral("ms"),
                  1);
        server.stop();
    });
}
