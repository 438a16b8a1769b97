// bench_pull_empty: a consultant whose client is up to date pulls (GET /api/v1/sync/pull with
// the cursor of the previous pull) and gets nothing new. keel-server (2 worker threads) on a
// fresh database where 50 consultants have 200 entries each (10,000 rows), so the cursor has
// real rows to skip. 20 warm-up pulls, then 300 measured ones; each must answer 200 with no
// time entries and no expenses. Figure: pull_empty_ms (median; target < 20 ms).
#include "bench_support.h"
#include "bench_time_seed.h"
#include "http_client.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QUrl>

using namespace keel::bench;

namespace {

constexpr int kConsultants = 50;
constexpr int kWarmUp = 20;
constexpr int kPulls = 300;

keel::test::HttpResult pull(keel::test::HttpClient &client, const QString &cursor)
{
    const QString path = cursor.isEmpty()
                             ? QStringLiteral("/api/v1/sync/pull")
                             : QStringLiteral("/api/v1/sync/pull?cursor=") +
                                   QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    const keel::test::HttpResult r = client.get(path);
    if (r.status != 200)
        throw BenchError(QStringLiteral("pull answered %1: %2")
                             .arg(r.status)
                             .arg(QString::fromUtf8(r.body.left(300))));
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"pull_empty_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_pull_empty"));
        const TimeFirm firm = seedTimeFirm(database, kConsultants);
        // 200 entries per consultant (drafts, 1 h, 4 a day over the 50 days before last week).
        keel::db::exec(
            database.sql(),
            QStringLiteral(
                "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                "task_id, work_date, hours, billable, notes) SELECT gen_random_uuid(), e.id, "
                "e.legal_entity_id, a.project_id, (SELECT t.id FROM project_tasks t WHERE "
                "t.project_id = a.project_id ORDER BY t.seq LIMIT 1), DATE '%1' - 1 - i / 4, 1, "
                "true, 'entry ' || i FROM employees e JOIN assignments a ON a.employee_id = e.id "
                "CROSS JOIN generate_series(0, 199) i; ANALYZE time_entries")
                .arg(benchMonday().toString(Qt::ISODate)));

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        client.setToken(firm.tokens[0]);

        // The first pull brings the consultant's 200 entries and the cursor.
        keel::test::HttpResult first = pull(client, QString());
        QString cursor = first.json().value("cursor").toString();
        if (cursor.isEmpty())
            throw BenchError(QStringLiteral("the first pull gave no cursor"));
        if (first.json().value("time_entries").toArray().size() != 200)
            throw BenchError(QStringLiteral("the first pull gave %1 entries, not 200")
                                 .arg(first.json().value("time_entries").toArray().size()));

        QList<double> times;
        for (int i = 0; i < kWarmUp + kPulls; ++i) {
            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult r = pull(client, cursor);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            const QJsonObject body = r.json();
            if (!body.value("time_entries").toArray().isEmpty() ||
                !body.value("expenses").toArray().isEmpty())
                throw BenchError(QStringLiteral("an up-to-date pull brought rows"));
            cursor = body.value("cursor").toString(cursor);
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("pull_empty_ms"), median(times), QStringLiteral("ms"));
        server.stop();
    });
}
