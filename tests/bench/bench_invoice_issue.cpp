// bench_invoice_issue: issuing a month of invoices. A fresh database holds 2,000 approved UK
// invoices of 50 clients (three lines each: two billed in arrears, one ahead, VAT 20%; five time
// entries claimed by each), with revenue recognised on every project so the postings split
// between unbilled receivable and deferred revenue. Figures:
//   issue_1000_s       1,000 invoices through InvoiceService::approveAndIssueMany in one
//                      transaction (the batch entry point; target < 10 s)
//   issue_1000_bulk_s  the other 1,000 through POST /billing/invoices/bulk {action: issue} over
//                      real HTTP to the in-process server
// Every invoice must end issued with a number and a journal entry.
#include "bench_support.h"
#include "billing/invoice_service.h"
#include "http_client.h"
#include "ledger/ledger_service.h"
#include "ledger/posting_rules.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kInvoices = 2000;
constexpr int kClients = 50;

QList<qint64> ids(const keel::test::TestDatabase &database, int offset, int count)
{
    QSqlQuery q = keel::db::query(
        database.sql(), QStringLiteral("SELECT id FROM invoices ORDER BY id OFFSET ? LIMIT ?"),
        {offset, count});
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

void seed(const keel::test::TestDatabase &database, qint64 user, qint64 employeeUser)
{
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "SELECT keel_ledger_create_chart(id, 'UK'), keel_ledger_ensure_periods(id, "
            "DATE '2026-01-01', DATE '2026-12-31') FROM legal_entities WHERE code = 'UK';"
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT le.id, 'Client ' || i, 'client ' || i, 'GB', 'GBP', 'STANDARD' "
            "FROM legal_entities le, generate_series(1, %1) i WHERE le.code = 'UK';"
            "INSERT INTO projects (legal_entity_id, account_id, name, currency, start_date, "
            "end_date, status) SELECT legal_entity_id, id, 'Project of ' || name, 'GBP', "
            "'2026-01-01', '2026-12-31', 'active' FROM accounts;"
            "INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) SELECT %3, "
            "le.id, 'GB', jr.id FROM legal_entities le, job_roles jr WHERE le.code = 'UK' AND "
            "jr.code = 'CONSULTANT';"
            "INSERT INTO invoices (legal_entity_id, account_id, project_id, invoice_date, "
            "due_date, "
            "currency, tax_code, status, created_by, approved_by) SELECT a.legal_entity_id, a.id, "
            "p.id, '2026-02-28', '2026-03-30', 'GBP', 'UK_VAT_STANDARD', 'approved', %4, %4 "
            "FROM generate_series(1, %2) i JOIN accounts a ON a.name = 'Client ' || (i % %1 + 1) "
            "JOIN projects p ON p.account_id = a.id ORDER BY i;"
            "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, description, "
            "quantity, unit, unit_price, gross_amount, amount, tax_rate, tax_amount, timing) "
            "SELECT i.id, n, 'time', i.project_id, 'Consulting ' || n, 7.5 * n, 'hours', "
            "120.125, round(7.5 * n * 120.125, 2), round(7.5 * n * 120.125, 2), 20, "
            "round(round(7.5 * n * 120.125, 2) * 0.2, 2), CASE WHEN n = 3 THEN 'ahead' ELSE "
            "'arrears' END FROM invoices i, generate_series(1, 3) n;"
            "UPDATE invoices i SET subtotal = t.net, tax_total = t.tax, total = t.net + t.tax "
            "FROM (SELECT invoice_id, sum(amount) AS net, sum(tax_amount) AS tax FROM "
            "invoice_lines GROUP BY 1) t WHERE t.invoice_id = i.id;"
            "WITH src AS (SELECT gen_random_uuid() AS id, l.id AS line, l.invoice_id, "
            "l.project_id, k FROM invoice_lines l, generate_series(1, 5) k WHERE l.line_no = 1), "
            "te AS (INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
            "work_date, hours, billable, status) SELECT s.id, e.id, e.legal_entity_id, "
            "s.project_id, DATE '2026-02-01' + s.k, 1.5, true, 'approved' FROM src s, employees e) "
            "INSERT INTO billing_sources (source_kind, source_key, invoice_id, invoice_line_id, "
            "hours, amount) SELECT 'time_entry', id::text, invoice_id, line, 1.5, 180.19 FROM src;")
            .arg(kClients)
            .arg(kInvoices)
            .arg(employeeUser)
            .arg(user));
    // Revenue recognised on every project before billing: what the arrears lines clear.
    keel::LedgerService ledger(database.config());
    QList<keel::Posting> postings;
    QSqlQuery q = keel::db::query(database.sql(),
                                  QStringLiteral("SELECT p.id, p.account_id, p.legal_entity_id "
                                                 "FROM projects p ORDER BY p.id"),
                                  {});
    while (q.next()) {
        keel::posting_rules::RevenueRecognised r;
        r.entityId = q.value(2).toLongLong();
        r.clientId = q.value(1).toLongLong();
        r.postedBy = user;
        r.sourceId = QStringLiteral("bench:%1").arg(q.value(0).toLongLong());
        r.date = QDate(2026, 2, 27);
        r.unbilled = {{q.value(0).toLongLong(),
                       keel::Money::parse(u"60000.00", u"GBP").value(),
                       std::nullopt,
                       {}}};
        postings << keel::posting_rules::buildRevenueRecognised(ledger, r);
    }
    {
        keel::db::Transaction tx(database.sql());
        ledger.postMany(postings);
        tx.commit();
    }
    keel::db::exec(database.sql(), QStringLiteral("ANALYZE"));
}

void verifyIssued(const keel::test::TestDatabase &database, const QList<qint64> &batch)
{
    QStringList text;
    for (const qint64 id : batch)
        text << QString::number(id);
    QSqlQuery q = keel::db::query(
        database.sql(),
        QStringLiteral("SELECT count(*) FROM invoices WHERE id = ANY(?::bigint[]) AND status = "
                       "'issued' AND number IS NOT NULL AND journal_entry_id IS NOT NULL"),
        {u'{' + text.join(u',') + u'}'});
    q.next();
    if (q.value(0).toInt() != batch.size())
        throw BenchError(
            QStringLiteral("%1 of %2 invoices issued").arg(q.value(0).toInt()).arg(batch.size()));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"issue_1000_s", "issue_1000_bulk_s"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_invoice_issue"));
        keel::test::seedLegalEntities(database);
        keel::test::TestServer server(database, 2);
        const qint64 user =
            server.createUser(QStringLiteral("bench.finance"), QStringLiteral("bench-password-1"),
                              {{QStringLiteral("finance"), QStringLiteral("UK")}});
        const qint64 consultant = server.createUser(
            QStringLiteral("bench.consultant"), QStringLiteral("bench-password-1"),
            {{QStringLiteral("consultant"), QStringLiteral("UK")}});
        seed(database, user, consultant);

        const QList<qint64> first = ids(database, 0, kInvoices / 2);
        keel::InvoiceService service(database.config(), nullptr);
        QElapsedTimer t;
        t.start();
        {
            QSqlDatabase c = database.sql();
            keel::db::Transaction tx(c);
            service.approveAndIssueMany(c, first, user, QDate(2026, 3, 1));
            tx.commit();
        }
        const double batchSeconds = double(t.nsecsElapsed()) / 1e9;
        verifyIssued(database, first);
        emitValue(QStringLiteral("issue_1000_s"), batchSeconds, QStringLiteral("s"));

        server.start();
        keel::test::HttpClient client(server.baseUrl());
        const auto login =
            client.login(QStringLiteral("bench.finance"), QStringLiteral("bench-password-1"));
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1").arg(login.status));
        const QList<qint64> second = ids(database, kInvoices / 2, kInvoices / 2);
        QJsonArray body;
        for (const qint64 id : second)
            body.append(QString::number(id));
        t.restart();
        const keel::test::HttpResult r = client.post(
            QStringLiteral("/api/v1/billing/invoices/bulk"), {{"action", "issue"}, {"ids", body}});
        const double bulkSeconds = double(t.nsecsElapsed()) / 1e9;
        if (r.status != 200)
            throw BenchError(QStringLiteral("bulk issue answered %1: %2")
                                 .arg(r.status)
                                 .arg(QString::fromUtf8(r.body.left(300))));
        verifyIssued(database, second);
        emitValue(QStringLiteral("issue_1000_bulk_s"), bulkSeconds, QStringLiteral("s"));
        server.stop();
    });
}
