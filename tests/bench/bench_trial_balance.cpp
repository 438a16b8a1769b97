// bench_trial_balance: the trial balance of one legal entity over two years (GET
// /api/v1/ledger/entities/{id}/trial-balance?from=&to=) over real HTTP against keel-server
// (2 worker threads), on a fresh database whose US entity holds 150,000 balanced two-line journal
// entries (300,000 lines) spread over 2025-2026 across the chart's accounts, inserted set-based
// through the real triggers, then ANALYZE. Signed in as a controller. 50 requests after 5
// warm-up ones; every answer must be balanced. Figure: trial_balance_ms (median; target
// < 200 ms) and trial_balance_p95_ms.
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kEntries = 150000;
constexpr int kWarmUp = 5;
constexpr int kRequests = 50;

qint64 seed(const keel::test::TestDatabase &database)
{
    keel::test::seedLegalEntities(database);
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "SELECT keel_ledger_create_chart(id, 'US'), keel_ledger_ensure_periods(id, "
            "DATE '2025-01-01', DATE '2026-12-31') FROM legal_entities WHERE code = 'US';"
            "INSERT INTO journal_entries (legal_entity_id, entry_date, source_type, source_id, "
            "description) SELECT e.id, DATE '2025-01-01' + (i % 730), 'bench', i::text, "
            "'Bench entry ' || i FROM generate_series(1, %1) i, legal_entities e "
            "WHERE e.code = 'US';"
            "WITH a AS (SELECT id, row_number() OVER (ORDER BY number) - 1 AS k, count(*) OVER () "
            "AS n FROM ledger_accounts WHERE legal_entity_id = (SELECT id FROM legal_entities "
            "WHERE code = 'US')), "
            "j AS (SELECT id, row_number() OVER (ORDER BY id) AS i, ((id * 7919) % 100000 + 100) "
            "/ 100.0 AS amount FROM journal_entries WHERE source_type = 'bench') "
            "INSERT INTO journal_lines (entry_id, seq, ledger_account_id, currency, debit, "
            "credit, fx_rate, functional_debit, functional_credit) "
            "SELECT j.id, 1, d.id, 'USD', j.amount, 0, 1, j.amount, 0 FROM j JOIN a d "
            "ON d.k = j.i % d.n UNION ALL "
            "SELECT j.id, 2, c.id, 'USD', 0, j.amount, 1, 0, j.amount FROM j JOIN a c "
            "ON c.k = (j.i * 7 + 3) % c.n;"
            "ANALYZE")
            .arg(kEntries));
    QSqlQuery q = keel::db::query(
        database.sql(),
        QStringLiteral("SELECT count(*), (SELECT id FROM legal_entities WHERE code = 'US') "
                       "FROM journal_lines"),
        {});
    q.next();
    if (q.value(0).toInt() != 2 * kEntries)
        throw BenchError(
            QStringLiteral("seeded %1 lines, not %2").arg(q.value(0).toInt()).arg(2 * kEntries));
    return q.value(1).toLongLong();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"trial_balance_ms", "trial_balance_p95_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_trial_balance"));
        const qint64 entity = seed(database);
        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.controller"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("US"), QStringLiteral("--role"), QStringLiteral("controller")},
                   60000);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.controller"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));

        const QString url =
            QStringLiteral("/api/v1/ledger/entities/%1/trial-balance?from=2025-01-01&to=2026-12-31")
                .arg(entity);
        QList<double> times;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            QElapsedTimer t;
            t.start();
            const keel::test::HttpResult r = client.get(url);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (r.status != 200 || !r.json().value(QStringLiteral("balanced")).toBool())
                throw BenchError(QStringLiteral("trial balance answered %1: %2")
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(200))));
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("trial_balance_ms"), median(times), QStringLiteral("ms"));
        emitValue(QStringLiteral("trial_balance_p95_ms"), percentile(times, 0.95),
                  QStringLiteral("ms"));
        server.stop();
    });
}
