// bench_consolidated: the group's statements (GET /api/v1/close/statements?legal_entity_id=group)
// over real HTTP against keel-server (2 worker threads), on a fresh database whose three entities
// (US/USD, UK/GBP, DE/EUR) hold 150,000 balanced two-line journal entries (300,000 lines, a
// scale-1 firm's two years) spread over 2025-2026 across their charts (intercompany accounts
// included), inserted set-based through the real triggers, with daily EUR→USD and GBP→USD rates,
// then ANALYZE. Signed in as a controller of every entity. One figure is the pair a reader asks
// for: the October 2026 P&L and the balance sheet at its end, both with the previous period and
// the previous year; 30 pairs after 3 warm-up ones, every balance sheet balanced.
// Figures: consolidated_ms (median of the pair; target < 300 ms), consolidated_p95_ms, and each
// statement's median (consolidated_pl_ms, consolidated_bs_ms).
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kEntriesPerEntity = 50000;
constexpr int kWarmUp = 3;
constexpr int kPairs = 30;

void seed(const keel::test::TestDatabase &database)
{
    keel::test::seedLegalEntities(database);
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "SELECT keel_ledger_create_chart(id, code), keel_ledger_ensure_periods(id, "
            "DATE '2025-01-01', DATE '2026-12-31') FROM legal_entities "
            "WHERE code IN ('US', 'UK', 'DE');"
            "INSERT INTO journal_entries (legal_entity_id, entry_date, source_type, source_id, "
            "description) SELECT e.id, DATE '2025-01-01' + (i % 730), 'bench', e.code || ':' || i, "
            "'Bench entry ' || i FROM generate_series(1, %1) i, legal_entities e "
            "WHERE e.code IN ('US', 'UK', 'DE');"
            "WITH a AS (SELECT id, legal_entity_id, row_number() OVER (PARTITION BY "
            "legal_entity_id ORDER BY number) - 1 AS k, count(*) OVER (PARTITION BY "
            "legal_entity_id) AS n FROM ledger_accounts), "
            "j AS (SELECT je.id, je.legal_entity_id, le.functional_currency AS cur, "
            "row_number() OVER (PARTITION BY je.legal_entity_id ORDER BY je.id) AS i, "
            "((je.id * 7919) % 100000 + 100) / 100.0 AS amount FROM journal_entries je JOIN "
            "legal_entities le ON le.id = je.legal_entity_id WHERE je.source_type = 'bench') "
            "INSERT INTO journal_lines (entry_id, seq, ledger_account_id, currency, debit, "
            "credit, fx_rate, functional_debit, functional_credit) "
            "SELECT j.id, 1, d.id, j.cur, j.amount, 0, 1, j.amount, 0 FROM j JOIN a d "
            "ON d.legal_entity_id = j.legal_entity_id AND d.k = j.i % d.n UNION ALL "
            "SELECT j.id, 2, c.id, j.cur, 0, j.amount, 1, 0, j.amount FROM j JOIN a c "
            "ON c.legal_entity_id = j.legal_entity_id AND c.k = (j.i * 7 + 3) % c.n;"
            "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
            "SELECT f, 'USD', d::date, CASE f WHEN 'EUR' THEN 1.05 ELSE 1.22 END + "
            "(extract(doy FROM d) % 37) / 1000.0 FROM generate_series(DATE '2024-12-01', "
            "DATE '2026-12-31', interval '1 day') d, (VALUES ('EUR'), ('GBP')) AS c (f);"
            "ANALYZE")
            .arg(kEntriesPerEntity));
    QSqlQuery q =
        keel::db::query(database.sql(), QStringLiteral("SELECT count(*) FROM journal_lines"), {});
    q.next();
    if (q.value(0).toInt() != 6 * kEntriesPerEntity)
        throw BenchError(QStringLiteral("seeded %1 lines, not %2")
                             .arg(q.value(0).toInt())
                             .arg(6 * kEntriesPerEntity));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench(
        {"consolidated_ms", "consolidated_p95_ms", "consolidated_pl_ms", "consolidated_bs_ms"}, [] {
            auto database = keel::test::TestDatabase::create(QStringLiteral("bench_consolidated"));
            seed(database);
            const QString password = QStringLiteral("bench-password-1");
            runProgram(adminBinary(),
                       {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                        QStringLiteral("--username"), QStringLiteral("bench.controller"),
                        QStringLiteral("--password"), password, QStringLiteral("--entity"),
                        QStringLiteral("US"), QStringLiteral("--role"),
                        QStringLiteral("controller")},
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

            const QString base = QStringLiteral(
                "/api/v1/close/statements?legal_entity_id=group&compare=previous_period,"
                "previous_year&");
            const QString pl =
                base + QStringLiteral("kind=profit_and_loss&from=2026-10-01&to=2026-10-31");
            const QString bs = base + QStringLiteral("kind=balance_sheet&to=2026-10-31");
            const auto timed = [&](const QString &url, bool mustBalance) {
                QElapsedTimer t;
                t.start();
                const keel::test::HttpResult r = client.get(url);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                if (r.status != 200 ||
                    (mustBalance && !r.json().value(QStringLiteral("balanced")).toBool()))
                    throw BenchError(QStringLiteral("statement answered %1: %2")
                                         .arg(r.status)
                                         .arg(QString::fromUtf8(r.body.left(300))));
                return ms;
            };
            QList<double> pairs, pls, bss;
            for (int i = 0; i < kWarmUp + kPairs; ++i) {
                const double a = timed(pl, false);
                const double b = timed(bs, true);
                if (i >= kWarmUp) {
                    pls.append(a);
                    bss.append(b);
                    pairs.append(a + b);
                }
            }
            emitValue(QStringLiteral("consolidated_ms"), median(pairs), QStringLiteral("ms"), 1);
            emitValue(QStringLiteral("consolidated_p95_ms"), percentile(pairs, 0.95),
                      QStringLiteral("ms"), 1);
            emitValue(QStringLiteral("consolidated_pl_ms"), median(pls), QStringLiteral("ms"), 1);
            emitValue(QStringLiteral("consolidated_bs_ms"), median(bss), QStringLiteral("ms"), 1);
            server.stop();
        });
}
