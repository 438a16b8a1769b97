#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace keel;
using namespace keel::test;

// Leads: status rules and conversion into account + contact (+ opportunity) in one transaction.
class CrmLeadsTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;

    int count(const QString &sql)
    {
        QSqlQuery q = db::exec(m_db->sql(), sql);
        q.next();
        return q.value(0).toInt();
    }

    void login(HttpClient &http, const QString &user)
    {
        if (http.login(user, QStringLiteral("password ") + user).status != 200)
            qFatal("login failed");
    }

    // A lead moved to qualified; returns its id (version 3).
    QString qualifiedLead(HttpClient &http, const QString &company)
    {
        const HttpResult r = http.post("/api/v1/crm/leads", {{"source", "referral"},
                                                             {"company", company},
                                                             {"contact_name", "Jane Buyer"},
                                                             {"email", "jane@example.com"}});
        if (r.status != 201)
            qFatal("lead not created");
        const QString id = r.json().value("id").toString();
        http.send("PUT", "/api/v1/crm/leads/" + id, R"({"status":"contacted","version":1})");
        http.send("PUT", "/api/v1/crm/leads/" + id, R"({"status":"qualified","version":2})");
        return id;
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser("sales_uk", "password sales_uk", {{"sales", "UK"}});
        m_server->createUser("sales_us", "password sales_us", {{"sales", "US"}}, "US");
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void statusFollowsTheLifecycle()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_uk");
        const HttpResult r =
            http.post("/api/v1/crm/leads",
                      {{"source", "web"}, {"company", "Initech Ltd"}, {"contact_name", "Peter"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("new"));
        QCOMPARE(r.json().value("legal_entity").toString(), QStringLiteral("UK"));
        const QString id = r.json().value("id").toString();
        // new → qualified skips a step: 409.
        QCOMPARE(
            http.send("PUT", "/api/v1/crm/leads/" + id, R"({"status":"qualified","version":1})")
                .status,
            409);
        // Converting a lead that is not qualified: 409, nothing written.
        QCOMPARE(http.post("/api/v1/crm/leads/" + id + "/convert",
                           {{"version", 1},
                            {"account", QJsonObject{{"tax_profile", "UK_VAT_STANDARD"}}}})
                     .status,
                 409);
        QCOMPARE(count("SELECT count(*) FROM accounts"), 0);
        QCOMPARE(
            http.send("PUT", "/api/v1/crm/leads/" + id, R"({"status":"disqualified","version":1})")
                .status,
            200);
        QCOMPARE(
            http.send("PUT", "/api/v1/crm/leads/" + id, R"({"status":"contacted","version":2})")
                .status,
            409);
        QCOMPARE(http.post("/api/v1/crm/leads",
                           {{"source", "cold"}, {"company", "X"}, {"contact_name", "Y"}})
                     .fieldCodes(),
                 QStringLiteral("source:invalid_value"));
        // Another entity's lead is not there for a US user.
        HttpClient us(m_server->baseUrl());
        login(us, "sales_us");
        QCOMPARE(us.get("/api/v1/crm/leads/" + id).status, 404);
    }

    void conversionCreatesAccountAndContact()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_uk");
        const QString id = qualifiedLead(http, "Vandelay Industries Ltd");
        const HttpResult r = http.post("/api/v1/crm/leads/" + id + "/convert",
                                       {{"version", 3},
                                        {"account", QJsonObject{{"tax_profile", "UK_VAT_STANDARD"},
                                                                {"domain", "vandelay.co.uk"}}},
                                        {"contact", QJsonObject{{"title", "Head of Imports"}}}});
        QCOMPARE(r.status, 201);
        const QString accountId = r.json().value("account_id").toString();
        QCOMPARE(r.json().value("lead").toObject().value("status").toString(),
                 QStringLiteral("converted"));
        const QJsonObject account = http.get("/api/v1/crm/accounts/" + accountId).json();
        QCOMPARE(account.value("name").toString(), QStringLiteral("Vandelay Industries Ltd"));
        QCOMPARE(account.value("country").toString(), QStringLiteral("GB")); // entity default
        QCOMPARE(account.value("billing_currency").toString(), QStringLiteral("GBP"));
        const QJsonArray contacts = account.value("contacts").toArray();
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts[0].toObject().value("email").toString(),
                 QStringLiteral("jane@example.com"));
        QCOMPARE(contacts[0].toObject().value("title").toString(),
                 QStringLiteral("Head of Imports"));
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE action = 'lead.convert'"), 1);
        const QString opportunityId = r.json().value("opportunity_id").toString();
        QVERIFY(!opportunityId.isEmpty());
        QCOMPARE(count("SELECT count(*) FROM opportunities WHERE id = " + opportunityId +
                       " AND account_id = " + accountId + " AND currency = 'GBP'"),
                 1);
        // Converted once: a second attempt is a conflict.
        QCOMPARE(http.post("/api/v1/crm/leads/" + id + "/convert", {{"version", 4}}).status, 409);
    }

    void failedConversionWritesNothing()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_uk");
        const QString id = qualifiedLead(http, "Kramerica");
        const int audits = count("SELECT count(*) FROM audit_log");
        // The account is valid and gets inserted first; the contact's e-mail then fails, and the
        // whole conversion must roll back.
        const HttpResult r =
            http.post("/api/v1/crm/leads/" + id + "/convert",
                      {{"version", 3},
                       {"account", QJsonObject{{"tax_profile", "UK_VAT_STANDARD"}}},
                       {"contact", QJsonObject{{"email", "not-an-email"}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("contact/email:invalid_value"));
        QCOMPARE(count("SELECT count(*) FROM accounts"), 0);
        QCOMPARE(count("SELECT count(*) FROM contacts"), 0);
        QCOMPARE(count("SELECT count(*) FROM audit_log"), audits);
        QCOMPARE(count("SELECT count(*) FROM leads WHERE status = 'qualified' AND version = 3"), 1);
    }

    void failingOpportunityRollsBackAccountAndContact()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_uk");
        const QString id = qualifiedLead(http, "Costanza Architecture");
        // Account and contact are inserted before the opportunity fails on its stage.
        const HttpResult r =
            http.post("/api/v1/crm/leads/" + id + "/convert",
                      {{"version", 3},
                       {"account", QJsonObject{{"tax_profile", "UK_VAT_STANDARD"}}},
                       {"opportunity", QJsonObject{{"stage", "NO_SUCH_STAGE"}}}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.fieldCodes().contains(QStringLiteral("stage:unknown")));
        QCOMPARE(count("SELECT count(*) FROM accounts"), 0);
        QCOMPARE(count("SELECT count(*) FROM contacts"), 0);
        QCOMPARE(count("SELECT count(*) FROM opportunities"), 0);
        QCOMPARE(count("SELECT count(*) FROM leads WHERE status = 'qualified'"), 1);
    }

    void conversionIntoAnExistingAccountOrADuplicate()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_uk");
        const HttpResult existing =
            http.post("/api/v1/crm/accounts", {{"name", "Pendant Publishing"},
                                               {"country", "GB"},
                                               {"billing_currency", "GBP"},
                                               {"tax_profile", "UK_VAT_STANDARD"}});
        QCOMPARE(existing.status, 201);
        const QString accountId = existing.json().value("id").toString();
        const QString id = qualifiedLead(http, "Pendant Publishing Ltd");
        // Creating a new account would duplicate: 409 with the candidate, nothing written.
        const HttpResult dup = http.post(
            "/api/v1/crm/leads/" + id + "/convert",
            {{"version", 3}, {"account", QJsonObject{{"tax_profile", "UK_VAT_STANDARD"}}}});
        QCOMPARE(dup.status, 409);
        QCOMPARE(dup.json().value("candidates").toArray()[0].toObject().value("id").toString(),
                 accountId);
        QCOMPARE(count("SELECT count(*) FROM contacts"), 0);
        // Using the existing account.
        const HttpResult r = http.post("/api/v1/crm/leads/" + id + "/convert",
                                       {{"version", 3}, {"account_id", accountId}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("account_id").toString(), accountId);
        QCOMPARE(count("SELECT count(*) FROM accounts"), 1);
        QCOMPARE(count("SELECT count(*) FROM contacts WHERE account_id = " + accountId), 1);
    }
};

QTEST_GUILESS_MAIN(CrmLeadsTest)
#include "tst_crm_leads.moc"
