// Quotes: rates from the rate card (client override first), currency without a rate card,
// approval chains from the demo policies, nobody approves their own quote, accept only when
// approved, revisions keep the old version read-only.
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

class QuotesTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_account = 0;
    QString m_opp;

    QJsonObject roleLine(const char *role, const char *hours)
    {
        return {{"kind", "role"}, {"job_role", role}, {"hours", hours}};
    }
    QJsonObject quote(QJsonArray lines, const char *discount = "0")
    {
        return {{"opportunity", m_opp},
                {"quote_date", "2026-03-01"},
                {"discount_pct", discount},
                {"lines", lines}};
    }
    HttpResult approve(HttpClient &http, const QJsonObject &q)
    {
        return http.post(QStringLiteral("/api/v1/approvals/%1/approve")
                             .arg(q.value("approval_request").toString()),
                         {{"comment", "ok"}});
    }
    QJsonObject get(HttpClient &http, const QJsonObject &q)
    {
        return http.get("/api/v1/crm/quotes/" + q.value("id").toString()).json();
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser("dora", "director password", {{"sales_director", QString()}});
        m_server->createUser("dina", "director password", {{"sales_director", QString()}});
        m_server->createUser("eve", "executive password", {{"executive", QString()}});
        m_server->createUser("sam", "sales password", {{"sales", "UK"}});
        QSqlQuery a = db::query(m_db->sql(),
                                "INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                                "billing_currency, tax_profile) SELECT id, 'Acme Ltd', 'acme', "
                                "'GB', 'GBP', 'STANDARD' FROM legal_entities WHERE code = 'UK' "
                                "RETURNING id",
                                {});
        a.next();
        m_account = a.value(0).toLongLong();

        HttpClient dora(m_server->baseUrl());
        QCOMPARE(dora.login("dora", "director password").status, 200);
        for (auto [role, rate, cost] :
             {std::tuple{"CONSULTANT", "150", "80"}, std::tuple{"ARCHITECT", "200", "120"}}) {
            QCOMPARE(dora.post("/api/v1/crm/rate-cards", {{"legal_entity", "UK"},
                                                          {"currency", "GBP"},
                                                          {"job_role", role},
                                                          {"hourly_rate", rate},
                                                          {"valid_from", "2026-01-01"}})
                         .status,
                     201);
            QCOMPARE(dora.post("/api/v1/crm/job-role-costs", {{"legal_entity", "UK"},
                                                              {"currency", "GBP"},
                                                              {"job_role", role},
                                                              {"hourly_cost", cost},
                                                              {"valid_from", "2026-01-01"}})
                         .status,
                     201);
        }
        HttpClient sam(m_server->baseUrl());
        QCOMPARE(sam.login("sam", "sales password").status, 200);
        const HttpResult o = sam.post(
            "/api/v1/crm/opportunities",
            {{"account", QString::number(m_account)},
             {"legal_entity", "UK"},
             {"name", "Data platform"},
             {"target_margin_pct", "20"},
             {"expected_value", QJsonObject{{"amount", "15000.00"}, {"currency", "GBP"}}}});
        QCOMPARE(o.status, 201);
        m_opp = o.json().value("id").toString();
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void cleanQuoteIsApprovedOnSubmitAndCanBeAccepted()
    {
        HttpClient sam(m_server->baseUrl());
        QCOMPARE(sam.login("sam", "sales password").status, 200);
        const HttpResult created =
            sam.post("/api/v1/crm/quotes", quote({roleLine("CONSULTANT", "100")}));
        QCOMPARE(created.status, 201);
        QJsonObject q = created.json();
        QCOMPARE(q.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(q.value("net_value").toObject().value("amount").toString(),
                 QStringLiteral("15000.00"));
        QCOMPARE(q.value("cost_value").toObject().value("amount").toString(),
                 QStringLiteral("8000.00"));
        QCOMPARE(q.value("margin_pct").toString(), QStringLiteral("46.67"));
        QCOMPARE(q.value("lines").toArray()[0].toObject().value("rate_source").toString(),
                 QStringLiteral("rate_card"));
        const QString base = "/api/v1/crm/quotes/" + q.value("id").toString();
        QCOMPARE(sam.get(base + "/approval-preview").json().value("approval_required").toBool(),
                 false);
        // Accept before approval: 409.
        QCOMPARE(sam.post(base + "/accept", {{"version", 1}}).status, 409);
        const HttpResult submitted = sam.post(base + "/submit", {{"version", 1}});
        QCOMPARE(submitted.status, 200);
        QCOMPARE(submitted.json().value("status").toString(), QStringLiteral("approved"));
        KEEL_COVERS_TRANSITION("quote", "submitted", "approve",
                               submitted.json().value("status").toString());
        const HttpResult accepted =
            sam.post(base + "/accept", {{"version", submitted.json().value("version").toInt()}});
        QCOMPARE(accepted.status, 200);
        KEEL_COVERS_TRANSITION("quote", "approved", "accept",
                               accepted.json().value("status").toString());
        // Accepted is final: no second accept, no revision.
        QCOMPARE(sam.post(base + "/accept", {{"version", accepted.json().value("version").toInt()}})
                     .status,
                 409);
        QCOMPARE(sam.post(base + "/revise", {{"version", accepted.json().value("version").toInt()}})
                     .status,
                 409);
    }

    void discountNeedsDirectorAndLowMarginNeedsExecutiveToo()
    {
        HttpClient sam(m_server->baseUrl());
        QCOMPARE(sam.login("sam", "sales password").status, 200);
        // 12% discount, margin 39.39%: sales_director only.
        QJsonObject q =
            sam.post("/api/v1/crm/quotes", quote({roleLine("CONSULTANT", "100")}, "12")).json();
        QCOMPARE(q.value("margin_pct").toString(), QStringLiteral("39.39"));
        QJsonArray steps =
            sam.get("/api/v1/crm/quotes/" + q.value("id").toString() + "/approval-preview")
                .json()
                .value("steps")
                .toArray();
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps[0].toObject().value("role").toString(), QStringLiteral("sales_director"));

        // Architect at a manual 130/h against a 120 cost, 12.5% off: margin -5.49% → the director
        // (discount, below target) and then the executive (below 15%).
        QJsonObject line = roleLine("ARCHITECT", "100");
        line.insert("rate", "130");
        QJsonObject low = sam.post("/api/v1/crm/quotes", quote({line}, "12.5")).json();
        QCOMPARE(low.value("net_value").toObject().value("amount").toString(),
                 QStringLiteral("11375.00"));
        QCOMPARE(low.value("margin_value").toObject().value("amount").toString(),
                 QStringLiteral("-625.00"));
        QCOMPARE(low.value("margin_pct").toString(), QStringLiteral("-5.49"));
        QCOMPARE(low.value("lines").toArray()[0].toObject().value("rate_source").toString(),
                 QStringLiteral("manual"));
        steps = sam.get("/api/v1/crm/quotes/" + low.value("id").toString() + "/approval-preview")
                    .json()
                    .value("steps")
                    .toArray();
        QVERIFY(steps.size() >= 2);
        QCOMPARE(steps.first().toObject().value("role").toString(),
                 QStringLiteral("sales_director"));
        QCOMPARE(steps.last().toObject().value("role").toString(), QStringLiteral("executive"));
        for (const QJsonValue &s : steps)
            QVERIFY(!s.toObject().value("reason").toString().isEmpty());
    }

    void nobodyApprovesTheirOwnQuote()
    {
        HttpClient dora(m_server->baseUrl());
        QCOMPARE(dora.login("dora", "director password").status, 200);
        QJsonObject q =
            dora.post("/api/v1/crm/quotes", quote({roleLine("CONSULTANT", "100")}, "15")).json();
        const QString base = "/api/v1/crm/quotes/" + q.value("id").toString();
        const HttpResult submitted = dora.post(base + "/submit", {{"version", 1}});
        QCOMPARE(submitted.status, 200);
        q = submitted.json();
        QCOMPARE(q.value("status").toString(), QStringLiteral("submitted"));
        KEEL_COVERS_TRANSITION("quote", "draft", "submit", q.value("status").toString());
        QCOMPARE(approve(dora, q).status, 403);
        QCOMPARE(get(dora, q).value("status").toString(), QStringLiteral("submitted"));
        // Read-only while submitted.
        QCOMPARE(dora.send("PUT", base, R"({"discount_pct":"5","version":2})").status, 409);
        HttpClient dina(m_server->baseUrl());
        QCOMPARE(dina.login("dina", "director password").status, 200);
        QCOMPARE(approve(dina, q).status, 200);
        QCOMPARE(get(dora, q).value("status").toString(), QStringLiteral("approved"));
    }

    void rejectedQuoteIsRevisedIntoANewDraft()
    {
        HttpClient sam(m_server->baseUrl());
        QCOMPARE(sam.login("sam", "sales password").status, 200);
        QJsonObject q =
            sam.post("/api/v1/crm/quotes", quote({roleLine("CONSULTANT", "100")}, "12")).json();
        const QString base = "/api/v1/crm/quotes/" + q.value("id").toString();
        q = sam.post(base + "/submit", {{"version", 1}}).json();
        HttpClient dina(m_server->baseUrl());
        QCOMPARE(dina.login("dina", "director password").status, 200);
        QCOMPARE(dina.post(QStringLiteral("/api/v1/approvals/%1/reject")
                               .arg(q.value("approval_request").toString()),
                           {{"comment", "too much discount"}})
                     .status,
                 200);
        q = get(sam, q);
        QCOMPARE(q.value("status").toString(), QStringLiteral("rejected"));
        KEEL_COVERS_TRANSITION("quote", "submitted", "reject", q.value("status").toString());
        QCOMPARE(sam.post(base + "/revise", {{"version", 1}}).status, 412);
        const HttpResult revised =
            sam.post(base + "/revise", {{"version", q.value("version").toInt()}});
        QCOMPARE(revised.status, 201);
        const QJsonObject v2 = revised.json();
        QCOMPARE(v2.value("version_no").toInt(), 2);
        QCOMPARE(v2.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(v2.value("net_value"), q.value("net_value"));
        const QJsonObject old = get(sam, q);
        QCOMPARE(old.value("status").toString(), QStringLiteral("superseded"));
        QCOMPARE(old.value("read_only").toBool(), true);
        KEEL_COVERS_TRANSITION("quote", "rejected", "revise", old.value("status").toString());
        // The old version cannot change; the new one can.
        QCOMPARE(sam.send("PUT", base,
                          QJsonDocument(QJsonObject{{"discount_pct", "5"},
                                                    {"version", old.value("version").toInt()}})
                              .toJson())
                     .status,
                 409);
        const HttpResult edited = sam.send("PUT", "/api/v1/crm/quotes/" + v2.value("id").toString(),
                                           R"({"discount_pct":"5","version":1})");
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json().value("net_value").toObject().value("amount").toString(),
                 QStringLiteral("14250.00"));
        QCOMPARE(get(sam, q).value("discount_pct").toString(), QStringLiteral("12"));
        // A draft can be revised too (and the superseded one no longer).
        const HttpResult v3 = sam.post(
            "/api/v1/crm/quotes/" + v2.value("id").toString() + "/revise", {{"version", 2}});
        QCOMPARE(v3.status, 201);
        KEEL_COVERS_TRANSITION("quote", "draft", "revise", get(sam, v2).value("status").toString());
        QCOMPARE(v3.json().value("version_no").toInt(), 3);
    }

    void approvedQuoteCanBeRevised()
    {
        HttpClient sam(m_server->baseUrl());
        QCOMPARE(sam.login("sam", "sales password").status, 200);
        QJsonObject q =
            sam.post("/api/v1/crm/quotes", quote({roleLine("CONSULTANT", "10")})).json();
        q = sam.post("/api/v1/crm/quotes/" + q.value("id").toString() + "/submit", {{"version", 1}})
                .json();
        QCOMPARE(q.value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(sam.post("/api/v1/crm/quotes/" + q.value("id").toString() + "/revise",
                          {{"version", q.value("version").toInt()}})
                     .status,
                 201);
        KEEL_COVERS_TRANSITION("quote", "approved", "revise",
                               get(sam, q).value("status").toString());
    }

    void currencyWithoutRateCardIs422AndClientOverrideWins()
    {
        HttpClient sam(m_server->baseUrl());
        QCOMPARE(sam.login("sam", "sales password").status, 200);
        QJsonObject body = quote({roleLine("CONSULTANT", "10")});
        body.insert("currency", "EUR");
        const HttpResult eur = sam.post("/api/v1/crm/quotes", body);
        QCOMPARE(eur.status, 422);
        QCOMPARE(eur.fieldCodes(), QStringLiteral("currency:no_rate_card"));
        // A role without a rate: 422 on the line.
        QCOMPARE(sam.post("/api/v1/crm/quotes", quote({roleLine("ANALYST", "10")})).fieldCodes(),
                 QStringLiteral("lines/0/job_role:no_rate,lines/0/job_role:no_cost_rate"));

        HttpClient dora(m_server->baseUrl());
        QCOMPARE(dora.login("dora", "director password").status, 200);
        QCOMPARE(dora.post("/api/v1/crm/client-rates", {{"account", QString::number(m_account)},
                                                        {"currency", "GBP"},
                                                        {"job_role", "CONSULTANT"},
                                                        {"hourly_rate", "140"},
                                                        {"valid_from", "2026-02-01"}})
                     .status,
                 201);
        QCOMPARE(dora.post("/api/v1/crm/client-rates", {{"account", QString::number(m_account)},
                                                        {"currency", "GBP"},
                                                        {"job_role", "CONSULTANT"},
                                                        {"hourly_rate", "141"},
                                                        {"valid_from", "2026-05-01"}})
                     .fieldCodes(),
                 QStringLiteral("valid_from:overlap"));
        const QJsonObject q =
            sam.post("/api/v1/crm/quotes", quote({roleLine("CONSULTANT", "10")})).json();
        const QJsonObject line = q.value("lines").toArray()[0].toObject();
        QCOMPARE(line.value("rate").toString(), QStringLiteral("140.00"));
        QCOMPARE(line.value("rate_source").toString(), QStringLiteral("client_override"));
        QCOMPARE(line.value("amount").toObject().value("amount").toString(),
                 QStringLiteral("1400.00"));
        // Before the override starts, the rate card applies.
        QJsonObject early = quote({roleLine("CONSULTANT", "10")});
        early.insert("quote_date", "2026-01-15");
        QCOMPARE(sam.post("/api/v1/crm/quotes", early)
                     .json()
                     .value("lines")
                     .toArray()[0]
                     .toObject()
                     .value("rate")
                     .toString(),
                 QStringLiteral("150.00"));
    }
};

QTEST_GUILESS_MAIN(QuotesTest)
#include "tst_quotes.moc"
