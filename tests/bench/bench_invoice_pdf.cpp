// bench_invoice_pdf: GET /api/v1/billing/invoices/{id}/pdf over real HTTP to the in-process
// server (its QGuiApplication on the offscreen platform, as keel-server runs), for an issued UK
// invoice of 12 lines with the time-detail appendix of 120 entries (two to three pages), both
// parties' addresses and tax ids on it. Median of 20 requests after 3 warm-up ones; every answer
// must be a PDF. Figures: invoice_pdf_ms (target < 200 ms) and invoice_pdf_bytes.
#include "bench_support.h"
#include "billing/invoice_service.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kWarmUp = 3;
constexpr int kRequests = 20;

qint64 seed(const keel::test::TestDatabase &database, qint64 user, qint64 consultant)
{
    const QString sql =
        QStringLiteral(
            "SELECT keel_ledger_create_chart(id, 'UK') FROM legal_entities WHERE code = 'UK';"
            // The legal details every issued invoice prints (0020).
            "UPDATE legal_entities SET address = E'30 Finsbury Square\\nLondon EC2A 1AG', "
            "tax_id = 'GB 287 4512 63', registration = 'Registered in England and Wales, "
            "company no. 11872634', bank_details = E'Barclays Bank UK PLC\\nSort code 20-00-00 "
            "Account 73918264' WHERE code = 'UK';"
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile, billing_address, tax_id) SELECT id, 'Northwind Traders Ltd', "
            "'northwind traders', 'GB', 'GBP', 'STANDARD', E'12 Fenchurch Street\\nLondon "
            "EC3M 3BY', 'GB 300 1047 29' FROM legal_entities WHERE code = 'UK';"
            "INSERT INTO projects (legal_entity_id, account_id, name, currency, start_date, "
            "end_date, status) SELECT legal_entity_id, id, 'Data platform', 'GBP', '2026-01-01', "
            "'2026-12-31', 'active' FROM accounts;"
            "INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) SELECT %2, "
            "le.id, 'GB', jr.id FROM legal_entities le, job_roles jr WHERE le.code = 'UK' AND "
            "jr.code = 'CONSULTANT';"
            "INSERT INTO invoices (legal_entity_id, account_id, project_id, invoice_date, "
            "due_date, "
            "currency, tax_code, status, created_by, approved_by, show_time_detail, notes) "
            "SELECT a.legal_entity_id, a.id, p.id, '2026-02-28', '2026-03-30', 'GBP', "
            "'UK_VAT_STANDARD', 'approved', %1, %1, true, 'Purchase order PO-2026-0042' "
            "FROM accounts a JOIN projects p ON p.account_id = a.id;"
            "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, description, "
            "quantity, unit, unit_price, gross_amount, amount, tax_rate, tax_amount) "
            "SELECT i.id, n, 'time', i.project_id, 'Senior data engineer, week ' || n, 37.5, "
            "'hours', 98.5, 3693.75, 3693.75, 20, 738.75 FROM invoices i, generate_series(1, 12) n;"
            "UPDATE invoices i SET subtotal = t.net, tax_total = t.tax, total = t.net + t.tax "
            "FROM (SELECT invoice_id, sum(amount) AS net, sum(tax_amount) AS tax FROM "
            "invoice_lines GROUP BY 1) t WHERE t.invoice_id = i.id;"
            "WITH src AS (SELECT gen_random_uuid() AS id, l.id AS line, l.invoice_id, "
            "l.project_id, k FROM invoice_lines l, generate_series(1, 10) k), "
            "te AS (INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
            "work_date, hours, billable, status, notes) SELECT s.id, e.id, e.legal_entity_id, "
            "s.project_id, DATE '2026-02-01' + ((s.k + s.line) % 27)::int, 3.75, true, 'approved', "
            "'Pipeline work, ticket DP-' || (s.line * 10 + s.k) FROM src s, employees e) "
            "INSERT INTO billing_sources (source_kind, source_key, invoice_id, invoice_line_id, "
            "hours, amount) SELECT 'time_entry', id::text, invoice_id, line, 3.75, 369.38 "
            "FROM src;")
            .arg(user)
            .arg(consultant);
    // One statement at a time: a failure names its statement.
    for (const QString &statement : sql.split(u';', Qt::SkipEmptyParts))
        keel::db::exec(database.sql(), statement);
    QSqlQuery q = keel::db::query(database.sql(), QStringLiteral("SELECT id FROM invoices"), {});
    if (!q.next())
        throw BenchError(QStringLiteral("no invoice seeded"));
    const qint64 id = q.value(0).toLongLong();
    keel::InvoiceService service(database.config(), nullptr);
    keel::db::Transaction tx(database.sql());
    service.approveAndIssueMany(database.sql(), {id}, user, QDate(2026, 2, 28));
    tx.commit();
    return id;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return runBench({"invoice_pdf_ms", "invoice_pdf_bytes"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_invoice_pdf"));
        keel::test::seedLegalEntities(database);
        keel::test::TestServer server(database, 2);
        const qint64 user =
            server.createUser(QStringLiteral("bench.finance"), QStringLiteral("bench-password-1"),
                              {{QStringLiteral("finance"), QStringLiteral("UK")}});
        const qint64 consultant = server.createUser(
            QStringLiteral("bench.consultant"), QStringLiteral("bench-password-1"),
            {{QStringLiteral("consultant"), QStringLiteral("UK")}});
        const qint64 invoice = seed(database, user, consultant);
        server.start();
        keel::test::HttpClient client(server.baseUrl());
        if (client.login(QStringLiteral("bench.finance"), QStringLiteral("bench-password-1"))
                .status != 200)
            throw BenchError(QStringLiteral("login failed"));
        const QString url = QStringLiteral("/api/v1/billing/invoices/%1/pdf").arg(invoice);
        QList<double> times;
        qsizetype bytes = 0;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            QElapsedTimer t;
            t.start();
            const keel::test::HttpResult r = client.get(url);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (r.status != 200 || !r.body.startsWith("%PDF"))
                throw BenchError(QStringLiteral("the PDF answered %1: %2")
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(200))));
            bytes = r.body.size();
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("invoice_pdf_ms"), median(times), QStringLiteral("ms"));
        emitValue(QStringLiteral("invoice_pdf_bytes"), double(bytes), QStringLiteral("bytes"));
        server.stop();
    });
}
