// bench_aging: receivables aging of all clients of one legal entity (GET
// /api/v1/receivables/aging?legal_entity_id=&as_of=) over real HTTP against keel-server (2 worker
// threads), signed in as finance. The US entity has 250 clients and two years of invoices:
// 20,000 paid (each with its receipt and allocation) and 10,000 open, 2,000 of them partly paid,
// plus 500 receipts of unapplied cash; inserted set-based, then ANALYZE. 30 requests after 5
// warm-up ones; each answer must total the seeded open balance. Figures: aging_ms (median;
// target < 200 ms) and aging_p95_ms.
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kPaid = 20000;
constexpr int kOpen = 10000;
constexpr int kWarmUp = 5;
constexpr int kRequests = 30;

// The expected net open balance (invoices less unapplied cash) as text.
QString seed(const keel::test::TestDatabase &database, qint64 *entity)
{
    const QString script =
        QStringLiteral(
            "SELECT keel_ledger_create_chart(id, 'US') FROM legal_entities WHERE code = 'US';"
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT e.id, 'Client ' || lpad(k::text, 3, '0'), 'client ' || k, 'US', "
            "'USD', 'STANDARD' FROM generate_series(1, 250) k, legal_entities e WHERE e.code = "
            "'US';"
            "INSERT INTO bank_accounts (legal_entity_id, name, account_number, currency, "
            "ledger_account_id) SELECT legal_entity_id, 'Operating', 'US-OP-1', 'USD', id FROM "
            "ledger_accounts WHERE role = 'bank' AND legal_entity_id = (SELECT id FROM "
            "legal_entities WHERE code = 'US');"
            // Paid invoices over 2025 to autumn 2026; open ones over 2026 so every bucket fills.
            "WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM accounts), "
            "s AS (SELECT i, CASE WHEN i <= %1 THEN DATE '2025-01-01' + (i % 640) ELSE DATE "
            "'2026-01-01' + (i % 330) END AS d, ((i * 7919) % 900000 + 10000) / 100.0 AS amt, "
            "CASE WHEN i <= %1 THEN 'paid' WHEN i % 5 = 0 THEN 'partially_paid' ELSE 'issued' "
            "END AS st FROM generate_series(1, %1 + %2) i) "
            "INSERT INTO invoices (legal_entity_id, account_id, kind, number, status, "
            "invoice_date, due_date, currency, tax_code, subtotal, tax_total, total, "
            "functional_currency, fx_rate, functional_total, amount_paid, functional_paid, "
            "paid_on) SELECT e.id, c.id, 'invoice', 'INV-B-' || s.i, s.st, s.d, s.d + 30, 'USD', "
            "'US_STANDARD', s.amt, 0, s.amt, 'USD', 1, s.amt, CASE s.st WHEN 'paid' THEN s.amt "
            "WHEN 'partially_paid' THEN round(s.amt / 2, 2) ELSE 0 END, CASE s.st WHEN 'paid' "
            "THEN s.amt WHEN 'partially_paid' THEN round(s.amt / 2, 2) ELSE 0 END, CASE s.st WHEN "
            "'paid' THEN s.d + 25 END FROM s JOIN c ON c.k = s.i % 250 JOIN legal_entities e ON "
            "e.code = 'US';"
            "INSERT INTO customer_receipts (legal_entity_id, account_id, bank_account_id, "
            "receipt_date, amount, currency, fx_rate, functional_amount, allocated, reference, "
            "created_by) SELECT i.legal_entity_id, i.account_id, b.id, coalesce(i.paid_on, "
            "i.invoice_date + 10), i.amount_paid, 'USD', 1, i.amount_paid, i.amount_paid, "
            "i.id::text, (SELECT min(id) FROM users) FROM invoices i, bank_accounts b WHERE "
            "i.amount_paid > 0;"
            "INSERT INTO receipt_allocations (receipt_id, invoice_id, amount, "
            "receivable_functional, cash_functional, allocated_on, created_by) SELECT r.id, "
            "r.reference::bigint, r.amount, r.amount, r.amount, r.receipt_date, r.created_by "
            "FROM customer_receipts r;"
            "INSERT INTO customer_receipts (legal_entity_id, account_id, bank_account_id, "
            "receipt_date, amount, currency, fx_rate, functional_amount, reference, created_by) "
            "SELECT a.legal_entity_id, a.id, b.id, DATE '2026-11-01' + (a.id % 30)::int, 123.45, "
            "'USD', 1, 123.45, 'unapplied', (SELECT min(id) FROM users) FROM accounts a, "
            "bank_accounts b, generate_series(1, 2) k;"
            "ANALYZE")
            .arg(kPaid)
            .arg(kOpen);
    for (const QString &statement : script.split(u';'))
        keel::db::exec(database.sql(), statement);
    QSqlQuery q = keel::db::query(
        database.sql(),
        QStringLiteral("SELECT (SELECT count(*) FROM invoices WHERE status IN ('issued', "
                       "'partially_paid')), ((SELECT sum(total - amount_paid) FROM invoices) - "
                       "(SELECT sum(amount - allocated) FROM customer_receipts))::numeric(20,2)"
                       "::text, (SELECT id FROM legal_entities WHERE code = 'US')"),
        {});
    q.next();
    if (q.value(0).toInt() != kOpen)
        throw BenchError(
            QStringLiteral("seeded %1 open invoices, not %2").arg(q.value(0).toInt()).arg(kOpen));
    *entity = q.value(2).toLongLong();
    return q.value(1).toString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"aging_ms", "aging_p95_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_aging"));
        keel::test::seedLegalEntities(database);
        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.finance"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("US"), QStringLiteral("--role"), QStringLiteral("finance")},
                   60000);
        qint64 entity = 0;
        const QString expected = seed(database, &entity);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.finance"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));

        const QString url =
            QStringLiteral("/api/v1/receivables/aging?legal_entity_id=%1&as_of=2026-12-06")
                .arg(entity);
        QList<double> times;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            QElapsedTimer t;
            t.start();
            const keel::test::HttpResult r = client.get(url);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            const QJsonObject totals =
                r.json().value(QStringLiteral("totals")).toArray().first().toObject();
            const QString net = totals.value(QStringLiteral("net"))
                                    .toObject()
                                    .value(QStringLiteral("amount"))
                                    .toString();
            if (r.status != 200 || net != expected ||
                r.json().value(QStringLiteral("clients")).toArray().size() != 250)
                throw BenchError(QStringLiteral("aging answered %1 (net %2, expected %3): %4")
                                     .arg(r.status)
                                     .arg(net, expected, QString::fromUtf8(r.body.left(200))));
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("aging_ms"), median(times), QStringLiteral("ms"));
        emitValue(QStringLiteral("aging_p95_ms"), percentile(times, 0.95), QStringLiteral("ms"));
        server.stop();
    });
}
