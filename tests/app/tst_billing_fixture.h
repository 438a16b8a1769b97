#pragma once

// Shared set-up for the Billing workspace tests: a server on a fresh database with the three
// entities and the UK chart of accounts (issuing posts), and in UK (GBP):
//
//   fin, fin2   finance of UK (billing.use/manage; invoices need another finance to approve)
//   anna        consultant (role CONSULTANT), ben senior consultant (SENIOR_CONSULTANT)
//
// tmClient() adds a client with a signed time-and-materials contract (rates per role), its
// project and approved billable time in a month, written straight into the tables so the
// tests exercise the billing routes, not the sales and time ones.

#include "http_client.h"
#include "ledger/ledger_service.h"
#include "test_database.h"
#include "test_server.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

namespace keel::test {

class BillingFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    qint64 uk = 0;
    qint64 fin = 0, fin2 = 0, anna = 0, ben = 0; // users
    qint64 annaEmp = 0, benEmp = 0;
    int clients = 0;

    void setUp(const char *name)
    {
        clients = 0;
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        LedgerService ledger(db->config());
        ledger.createChart(uk, LedgerService::templateForCountry(QStringLiteral("GB")));
        fin = server->createUser("fin", "fin password", {{"finance", "UK"}});
        fin2 = server->createUser("fin2", "fin2 password", {{"finance", "UK"}});
        anna = server->createUser("anna", "anna password", {{"consultant", "UK"}});
        ben = server->createUser("ben", "ben password", {{"consultant", "UK"}});
        exec("UPDATE users SET display_name = 'Fiona Reed' WHERE id = ?", {fin});
        exec("UPDATE users SET display_name = 'Anna Berg' WHERE id = ?", {anna});
        exec("UPDATE users SET display_name = 'Ben Okafor' WHERE id = ?", {ben});
        annaEmp = employee(anna, "CONSULTANT");
        benEmp = employee(ben, "SENIOR_CONSULTANT");
    }

    void tearDown()
    {
        server.reset();
        db.reset();
    }

    // The month billed in the tests: last month (`back` months ago), "YYYY-MM".
    static QDate monthStart(int back = 1)
    {
        const QDate d = QDate::currentDate().addMonths(-back);
        return QDate(d.year(), d.month(), 1);
    }
    static QString month(int back = 1)
    {
        return monthStart(back).toString(QStringLiteral("yyyy-MM"));
    }
    static QString dayOfMonth(int day, int back = 1)
    {
        return monthStart(back).addDays(day - 1).toString(Qt::ISODate);
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

    void exec(const QString &sql, const QVariantList &binds = {})
    {
        db::query(db->sql(), sql, binds);
    }

    qint64 employee(qint64 user, const char *role)
    {
        return scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                      "SELECT ?, ?, 'GB', id FROM job_roles WHERE code = ? RETURNING id",
                      {user, uk, QString::fromLatin1(role)});
    }

    struct Client
    {
        qint64 account = 0, contract = 0, project = 0;
    };

    // A UK client (VAT 20 %) with a signed T&M contract in GBP: CONSULTANT at `consultantRate`,
    // SENIOR_CONSULTANT at `seniorRate`, optionally a not-to-exceed cap, and its project.
    Client tmClient(const QString &name, const char *consultantRate = "120.00",
                    const char *seniorRate = "165.00", const char *cap = nullptr)
    {
        Client c;
        ++clients;
        c.account = scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                           "billing_currency, payment_terms_days, tax_profile) VALUES (?, ?, "
                           "lower(?), 'GB', 'GBP', 30, 'UK_VAT_STANDARD') RETURNING id",
                           {uk, name, name});
        c.contract = scalar(
            "INSERT INTO contracts (legal_entity_id, account_id, number, title, currency, "
            "start_date, end_date, signature_date, status) VALUES (?, ?, ?, ?, 'GBP', "
            "'2026-01-01', '2027-12-31', '2026-01-01', 'signed') RETURNING id",
            {uk, c.account, QStringLiteral("C-UK-2026-%1").arg(clients, 4, 10, QLatin1Char('0')),
             name + QStringLiteral(" services")});
        const qint64 line = scalar(
            "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, value, "
            "not_to_exceed) VALUES (?, 1, 'Consulting, time and materials', "
            "'time_and_materials', 0, ?::numeric) RETURNING id",
            {c.contract,
             cap ? QVariant(QString::fromLatin1(cap)) : QVariant(QMetaType::fromType<QString>())});
        exec("INSERT INTO contract_line_items (line_id, contract_id, kind, seq, job_role_id, "
             "rate) SELECT ?::bigint, ?::bigint, 'rate', 1, id, ?::numeric FROM job_roles WHERE "
             "code = "
             "'CONSULTANT' UNION ALL SELECT ?::bigint, ?::bigint, 'rate', 2, id, ?::numeric FROM "
             "job_roles "
             "WHERE code = 'SENIOR_CONSULTANT'",
             {line, c.contract, QString::fromLatin1(consultantRate), line, c.contract,
              QString::fromLatin1(seniorRate)});
        c.project = scalar("INSERT INTO projects (legal_entity_id, account_id, contract_id, name, "
                           "currency, start_date, end_date, status) VALUES (?, ?, ?, ?, 'GBP', "
                           "'2026-01-01', '2027-12-31', 'active') RETURNING id",
                           {uk, c.account, c.contract, name + QStringLiteral(" rollout")});
        return c;
    }

    // Approved billable time of one employee on `days` days of the month (from the 1st, one a
    // day), `hours` each.
    void approvedTime(const Client &c, qint64 employeeId, int days, const char *hours,
                      const QString &notes = QStringLiteral("Workshops and design"), int back = 1)
    {
        for (int d = 1; d <= days; ++d)
            exec("INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                 "work_date, hours, billable, notes, status, decided_at) VALUES (?::uuid, ?, ?, "
                 "?, ?::date, ?::numeric, true, ?, 'approved', now())",
                 {QUuid::createUuid().toString(QUuid::WithoutBraces), employeeId, uk, c.project,
                  dayOfMonth(d, back), QString::fromLatin1(hours), notes});
    }

    // `count` draft invoices of one client straight into the table (the grid's paging).
    void draftInvoices(const Client &c, int count)
    {
        exec("INSERT INTO invoices (legal_entity_id, account_id, contract_id, status, "
             "period_start, period_end, invoice_date, due_date, currency, tax_code, subtotal, "
             "tax_total, total, created_by) SELECT ?, ?, ?, 'draft', ?::date, "
             "(?::date + interval '1 month' - interval '1 day')::date, ?::date, "
             "?::date + 30, 'GBP', 'UK_VAT_STANDARD', 100 + g, (100 + g) * 0.2, (100 + g) * 1.2, ? "
             "FROM generate_series(1, ?) g",
             {uk, c.account, c.contract, monthStart(), monthStart(), monthStart(), monthStart(),
              fin, count});
    }

    std::unique_ptr<HttpClient> client(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }

    // fin2 approves every pending invoice approval request (fin may not approve its own).
    int approvePendingAsFin2()
    {
        auto http = client("fin2");
        int approved = 0;
        QSqlQuery q = db::query(db->sql(),
                                "SELECT id FROM approval_requests WHERE status = 'pending' AND "
                                "document_type = 'invoice' ORDER BY id",
                                {});
        while (q.next()) {
            const HttpResult r = http->post(
                QStringLiteral("/api/v1/approvals/%1/approve").arg(q.value(0).toLongLong()),
                QJsonObject{});
            if (r.status == 200)
                ++approved;
            else
                qWarning() << "approve" << r.status << r.body;
        }
        return approved;
    }
};

} // namespace keel::test
