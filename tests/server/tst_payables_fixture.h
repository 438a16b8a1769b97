#pragma once

// Shared set-up for the payables and banking tests: a server on a fresh database with the three
// entities (UK in GBP), the UK chart, a UK client and project, EUR→GBP 0.84 from 2025-12-01,
// 0.85 from 2026-01-01, 0.87 from 2026-03-01 and 0.80 from 2026-04-01, and
//   ukfin, ukfin2  finance of UK (finance.use, cash.manage, payables.manage)
//   usfin          finance of US only
//   bob            consultant of UK (none of these permissions)

#include "http_client.h"
#include "ledger/ledger_service.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

namespace keel::test {

class PayablesFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    qint64 us = 0, uk = 0, ukfin = 0, ukfin2 = 0, client = 0, project = 0;

    void setUp(const char *name)
    {
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        ukfin = server->createUser("ukfin", "ukfin password", {{"finance", "UK"}}, "UK");
        ukfin2 = server->createUser("ukfin2", "ukfin2 password", {{"finance", "UK"}}, "UK");
        server->createUser("usfin", "usfin password", {{"finance", "US"}}, "US");
        server->createUser("bob", "bob password", {{"consultant", "UK"}}, "UK");
        us = scalar("SELECT id FROM legal_entities WHERE code = 'US'");
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        LedgerService(db->config()).createChart(uk, QStringLiteral("UK"));
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('EUR', 'GBP', '2025-12-01', 0.84), "
                            "('EUR', 'GBP', '2026-01-01', 0.85), "
                            "('EUR', 'GBP', '2026-03-01', 0.87), "
                            "('EUR', 'GBP', '2026-04-01', 0.80)");
        client = scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                        "billing_currency, tax_profile) VALUES (?, 'Albion Retail', "
                        "'albion retail', 'GB', 'GBP', 'STANDARD') RETURNING id",
                        {uk});
        project = scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                         "start_date, end_date, status) VALUES (?, ?, 'Albion lake', 'GBP', "
                         "'2025-01-01', '2026-12-31', 'active') RETURNING id",
                         {uk, client});
    }

    void tearDown()
    {
        server.reset();
        db.reset();
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

    std::unique_ptr<HttpClient> login(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }

    static QJsonObject money(const char *amount, const char *currency)
    {
        return {{"amount", amount}, {"currency", currency}};
    }

    static QString amountOf(const QJsonValue &money)
    {
        return money.toObject().value("amount").toString();
    }

    // "number Dr|Cr amount currency / functional" per line of an entry, in seq order.
    QStringList linesOf(qint64 entry)
    {
        QSqlQuery q = db::query(
            db->sql(),
            "SELECT a.number, CASE WHEN l.debit > 0 THEN 'Dr' ELSE 'Cr' END, "
            "(l.debit + l.credit)::numeric(20,2)::text, l.currency, "
            "(l.functional_debit + l.functional_credit)::numeric(20,2)::text FROM journal_lines l "
            "JOIN ledger_accounts a ON a.id = l.ledger_account_id WHERE l.entry_id = ? "
            "ORDER BY l.seq",
            {entry});
        QStringList out;
        while (q.next())
            out << QStringLiteral("%1 %2 %3 %4 / %5")
                       .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString());
        return out;
    }

    QJsonObject bankAccount(HttpClient &http, const char *name, const char *number,
                            const char *currency, qint64 entity = 0)
    {
        const HttpResult r = http.post("/api/v1/banking/accounts",
                                       {{"legal_entity_id", QString::number(entity ? entity : uk)},
                                        {"name", name},
                                        {"bank_name", "Thames & Mercia"},
                                        {"account_number", number},
                                        {"currency", currency}});
        return r.json(); // a problem document when refused
    }

    QJsonObject vendor(HttpClient &http, const char *name)
    {
        const HttpResult r = http.post("/api/v1/vendors", {{"legal_entity", "UK"},
                                                           {"name", name},
                                                           {"country", "DE"},
                                                           {"currency", "EUR"},
                                                           {"payment_terms_days", 30}});
        if (r.status != 201)
            qWarning() << r.body;
        return r.json();
    }

    static QJsonObject hoursLine(qint64 project, const char *hours, const char *rate)
    {
        return {{"project_id", QString::number(project)},
                {"description", "Data engineering"},
                {"hours", hours},
                {"rate", rate}};
    }

    static QJsonObject costLine(const char *description, const char *amount)
    {
        return {{"description", description}, {"amount", money(amount, "EUR")}};
    }

    static HttpResult bill(HttpClient &http, const QJsonObject &vendor, const char *ref,
                           const char *date, const QJsonArray &lines, const char *due = nullptr)
    {
        QJsonObject body{{"vendor_id", vendor.value("id")},
                         {"vendor_ref", ref},
                         {"bill_date", date},
                         {"lines", lines}};
        if (due)
            body.insert("due_date", due);
        return http.post("/api/v1/vendor-bills", body);
    }

    // Entered by `creator`, submitted and approved by `approver`; the approved bill.
    static QJsonObject approvedBill(HttpClient &creator, HttpClient &approver,
                                    const QJsonObject &vendor, const char *ref, const char *date,
                                    const QJsonArray &lines, const char *due = nullptr)
    {
        HttpResult r = bill(creator, vendor, ref, date, lines, due);
        if (r.status != 201)
            qWarning() << r.body;
        const QString path = "/api/v1/vendor-bills/" + r.json().value("id").toString();
        r = creator.post(path + "/submit", {{"version", r.json().value("version")}});
        r = approver.post(path + "/decide",
                          {{"decision", "approve"}, {"version", r.json().value("version")}});
        if (r.status != 200)
            qWarning() << r.body;
        return r.json();
    }

    static HttpResult pay(HttpClient &http, qint64 entity, const QJsonObject &vendor,
                          const QJsonObject &bank, const char *date, const char *amount,
                          const QJsonArray &allocations, const char *currency = "EUR")
    {
        return http.post("/api/v1/payables/payments", {{"legal_entity_id", QString::number(entity)},
                                                       {"vendor_id", vendor.value("id")},
                                                       {"bank_account_id", bank.value("id")},
                                                       {"payment_date", date},
                                                       {"amount", money(amount, currency)},
                                                       {"reference", "Payment run"},
                                                       {"allocations", allocations}});
    }

    static QJsonObject allocation(const QJsonObject &bill, const char *amount,
                                  const char *currency = "EUR")
    {
        return {{"bill_id", bill.value("id")}, {"amount", money(amount, currency)}};
    }

    QJsonObject getBill(HttpClient &http, const QJsonObject &bill)
    {
        return http.get("/api/v1/vendor-bills/" + bill.value("id").toString()).json();
    }
};

} // namespace keel::test
