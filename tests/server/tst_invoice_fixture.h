#pragma once

// Shared set-up for the invoice tests: a server on a fresh database with the three entities and
// their charts, USD→GBP 0.79 from 2026-01-01 and 0.80 from 2026-03-01, and
//   fin, fin2  finance of UK and US     ctl  controller of UK
//   usfin      finance of US only        amy  consultant of UK (no billing)
//   acme       UK client billed in GBP (VAT 20%), project lake
//   globex     US client of UK billed in USD (outside the scope of VAT), project sea
// Drafts are inserted with SQL per the 0016 schema, as a billing run would leave them.
//
// The server renders PDFs with QtGui: the test's main creates a QGuiApplication on the offscreen
// platform (KEEL_INVOICE_TEST_MAIN).

#include "billing/invoice_service.h"
#include "http/http_types.h"
#include "http_client.h"
#include "ledger/ledger_service.h"
#include "ledger/posting_rules.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

#define KEEL_INVOICE_TEST_MAIN(Class)                                                              \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))                                         \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                               \
        QGuiApplication app(argc, argv);                                                           \
        Class test;                                                                                \
        return QTest::qExec(&test, argc, argv);                                                    \
    }

namespace keel::test {

struct DraftLine
{
    qint64 project = 0;
    const char *amount = "0.00"; // net = gross
    const char *taxRate = "0";
    const char *timing = "arrears";
    const char *quantity = "1";
    const char *unitPrice = nullptr; // default: the amount
};

class InvoiceFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<LedgerService> ledger;
    qint64 us = 0, uk = 0, de = 0;
    qint64 fin = 0, fin2 = 0, ctl = 0, usfin = 0, amy = 0;
    qint64 acme = 0, globex = 0, lake = 0, sea = 0, consultant = 0;

    void setUp(const char *name)
    {
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        ledger = std::make_unique<LedgerService>(db->config());
        fin = server->createUser("fin", "fin password", {{"finance", "UK"}, {"finance", "US"}});
        fin2 = server->createUser("fin2", "fin2 password", {{"finance", "UK"}, {"finance", "US"}});
        ctl = server->createUser("ctl", "ctl password", {{"controller", "UK"}});
        usfin = server->createUser("usfin", "usfin password", {{"finance", "US"}}, "US");
        amy = server->createUser("amy", "amy password", {{"consultant", "UK"}});
        us = scalar("SELECT id FROM legal_entities WHERE code = 'US'");
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        de = scalar("SELECT id FROM legal_entities WHERE code = 'DE'");
        for (const qint64 e : {us, uk, de})
            ledger->createChart(e, LedgerService::templateForCountry(text(
                                       "SELECT country FROM legal_entities WHERE id = ?", {e})));
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('USD', 'GBP', '2026-01-01', 0.79), "
                            "('USD', 'GBP', '2026-03-01', 0.8)");
        acme = account(uk, "Acme Ltd", "GB", "GBP");
        globex = account(uk, "Globex Inc", "US", "USD");
        lake = project(uk, acme, "Acme lake", "GBP");
        sea = project(uk, globex, "Globex sea", "USD");
        consultant =
            scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                   "SELECT ?, ?, 'GB', id FROM job_roles WHERE code = 'CONSULTANT' "
                   "RETURNING id",
                   {amy, uk});
    }

    void tearDown()
    {
        ledger.reset();
        server.reset();
        db.reset();
    }

    qint64 account(qint64 entity, const char *name, const char *country, const char *currency)
    {
        return scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                      "billing_currency, tax_profile, payment_terms_days) VALUES (?, ?, lower(?), "
                      "?, ?, 'STANDARD', 30) RETURNING id",
                      {entity, name, name, country, currency});
    }

    qint64 project(qint64 entity, qint64 account, const char *name, const char *currency)
    {
        return scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                      "start_date, end_date, status) VALUES (?, ?, ?, ?, '2026-01-01', "
                      "'2027-12-31', 'active') RETURNING id",
                      {entity, account, name, currency});
    }

    // A draft as a billing run leaves it: lines with their tax, totals from the lines.
    qint64 draft(qint64 entity, qint64 account, const char *currency, const char *taxCode,
                 const char *invoiceDate, const QList<DraftLine> &lines)
    {
        const qint64 id = scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, invoice_date, due_date, currency, "
            "tax_code, period_start, period_end, created_by) VALUES (?, ?, ?::date, ?::date + 30, "
            "?, ?, date_trunc('month', ?::date)::date, ?::date, ?) RETURNING id",
            {entity, account, invoiceDate, invoiceDate, currency, taxCode, invoiceDate, invoiceDate,
             fin});
        int n = 0;
        for (const DraftLine &l : lines)
            db::query(db->sql(),
                      "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, "
                      "description, quantity, unit, unit_price, gross_amount, amount, tax_rate, "
                      "tax_amount, timing) VALUES (?, ?, 'time', ?, ?, ?::numeric, 'hours', "
                      "?::numeric, ?::numeric, ?::numeric, ?::numeric, "
                      "round(?::numeric * ?::numeric / 100, 2), ?)",
                      {id, ++n,
                       l.project ? QVariant(l.project) : QVariant(QMetaType::fromType<qint64>()),
                       QStringLiteral("Consulting, line %1").arg(n), l.quantity,
                       l.unitPrice ? l.unitPrice : l.amount, l.amount, l.amount, l.taxRate,
                       l.amount, l.taxRate, l.timing});
        db::query(
            db->sql(),
            "UPDATE invoices i SET subtotal = t.net, tax_total = t.tax, total = t.net + t.tax "
            "FROM (SELECT sum(amount) AS net, sum(tax_amount) AS tax FROM invoice_lines "
            "WHERE invoice_id = ?) t WHERE i.id = ?",
            {id, id});
        return id;
    }

    qint64 ukDraft(const char *date, const QList<DraftLine> &lines)
    {
        return draft(uk, acme, "GBP", "UK_VAT_STANDARD", date, lines);
    }

    qint64 lineId(qint64 invoice, int lineNo)
    {
        return scalar("SELECT id FROM invoice_lines WHERE invoice_id = ? AND line_no = ?",
                      {invoice, lineNo});
    }

    void setApproved(qint64 invoice)
    {
        db::query(db->sql(),
                  "UPDATE invoices SET status = 'approved', approved_by = ? WHERE id = ?",
                  {fin2, invoice});
    }

    // Approved billable time entries of the consultant on `project`, claimed by the line.
    QStringList billTime(qint64 invoice, int lineNo, qint64 projectId, int count,
                         const char *hours = "7.5")
    {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            db::query(db->sql(),
                      "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                      "work_date, hours, billable, notes, status) VALUES (?::uuid, ?, ?, ?, "
                      "'2026-02-02'::date + ?::int, ?::numeric, true, ?, 'approved')",
                      {id, consultant, uk, projectId, i, hours,
                       QStringLiteral("Workshop day %1").arg(i + 1)});
            db::query(
                db->sql(),
                "INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                "invoice_line_id, hours, amount) VALUES ('time_entry', ?, ?, ?, ?::numeric, 0)",
                {id, invoice, lineId(invoice, lineNo), hours});
            ids << id;
        }
        return ids;
    }

    // Revenue recognised on the project before billing: its unbilled receivable balance.
    void recognise(qint64 entity, qint64 projectId, qint64 client, const char *amount,
                   const char *currency, const char *date = "2026-02-27")
    {
        posting_rules::RevenueRecognised r;
        r.entityId = entity;
        r.clientId = client;
        r.postedBy = fin;
        r.sourceId = QStringLiteral("%1:%2").arg(projectId).arg(QString::fromLatin1(date));
        r.date = QDate::fromString(QString::fromLatin1(date), Qt::ISODate);
        r.unbilled = {{projectId, money(amount, currency), std::nullopt, {}}};
        db::Transaction tx(ledger->store().db());
        posting_rules::revenueRecognised(*ledger, r);
        tx.commit();
    }

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    QString text(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        return q.next() ? q.value(0).toString() : QString();
    }

    static Money money(const char *amount, const char *currency)
    {
        return Money::parse(QString::fromLatin1(amount), QString::fromLatin1(currency)).value();
    }

    static QJsonObject m(const char *amount, const char *currency)
    {
        return {{"amount", amount}, {"currency", currency}};
    }

    // "number Dr|Cr amount currency / functional pN" per line of an entry, in seq order.
    QStringList linesOf(qint64 entry)
    {
        QSqlQuery q =
            db::query(db->sql(),
                      "SELECT a.number, CASE WHEN l.debit > 0 THEN 'Dr' ELSE 'Cr' END, "
                      "(l.debit + l.credit)::numeric(20,2)::text, l.currency, "
                      "(l.functional_debit + l.functional_credit)::numeric(20,2)::text, "
                      "coalesce(l.project_id, 0) FROM journal_lines l JOIN ledger_accounts a ON "
                      "a.id = l.ledger_account_id WHERE l.entry_id = ? ORDER BY l.seq",
                      {entry});
        QStringList out;
        while (q.next()) {
            const qint64 p = q.value(5).toLongLong();
            out << QStringLiteral("%1 %2 %3 %4 / %5 %6")
                       .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(),
                            p == lake  ? QStringLiteral("lake")
                            : p == sea ? QStringLiteral("sea")
                                       : QStringLiteral("-"));
        }
        return out;
    }

    // Functional balance (debit − credit) of an account number in an entity, for a client.
    QString balance(qint64 entity, const char *number, qint64 client = 0)
    {
        return text("SELECT coalesce(sum(l.functional_debit - l.functional_credit), 0)"
                    "::numeric(20,2)::text FROM journal_lines l JOIN ledger_accounts a ON "
                    "a.id = l.ledger_account_id WHERE l.legal_entity_id = ? AND a.number = ? AND "
                    "(? = 0 OR l.client_account_id = ?)",
                    {entity, number, client, client});
    }

    std::unique_ptr<HttpClient> login(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }

    static QString path(qint64 invoice, const QString &rest = {})
    {
        return QStringLiteral("/api/v1/billing/invoices/%1%2").arg(invoice).arg(rest);
    }
};

} // namespace keel::test
