// Rate cards: no overlapping validity for the same entity + currency + role (the database's
// EXCLUDE constraint, answered as 422 naming the conflicting rate); adjacent periods are fine.
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QTest>

using namespace keel;
using namespace keel::test;

class RateCardsTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;

    QJsonObject rate(const char *role, const char *amount, const char *from, const char *to)
    {
        QJsonObject o{{"legal_entity", "UK"},
                      {"currency", "GBP"},
                      {"job_role", role},
                      {"hourly_rate", amount},
                      {"valid_from", from}};
        if (to)
            o.insert("valid_to", to);
        return o;
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser("dora", "director password", {{"sales_director", QString()}});
        m_server->createUser("sam", "sales password", {{"sales", "UK"}});
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void overlappingRateIsRefusedNamingTheConflict()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login("dora", "director password").status, 200);
        const HttpResult first = http.post(
            "/api/v1/crm/rate-cards", rate("CONSULTANT", "150.00", "2026-01-01", "2026-06-30"));
        QCOMPARE(first.status, 201);
        const QString firstId = first.json().value("id").toString();
        QCOMPARE(first.json().value("hourly_rate").toString(), QStringLiteral("150.00"));
        // Adjacent period: fine.
        QCOMPARE(
            http.post("/api/v1/crm/rate-cards", rate("CONSULTANT", "160.00", "2026-07-01", nullptr))
                .status,
            201);
        // Other role, other currency: no conflict.
        QCOMPARE(
            http.post("/api/v1/crm/rate-cards", rate("ANALYST", "90.00", "2026-03-01", nullptr))
                .status,
            201);
        // Overlaps the first one by one day.
        const HttpResult clash = http.post(
            "/api/v1/crm/rate-cards", rate("CONSULTANT", "155.00", "2025-12-01", "2026-01-01"));
        QCOMPARE(clash.status, 422);
        QCOMPARE(clash.fieldCodes(), QStringLiteral("valid_from:overlap"));
        const QString message =
            clash.json().value("errors").toArray()[0].toObject().value("message").toString();
        QVERIFY2(message.contains(firstId) && message.contains("150.00") &&
                     message.contains("2026-06-30"),
                 qPrintable(message));
        // Nothing was written.
        const HttpResult list = http.get("/api/v1/crm/rate-cards?job_role=CONSULTANT");
        QCOMPARE(list.json().value("items").toArray().size(), 2);
        // Changing a rate into an overlap is refused the same way, and the rate is unchanged.
        const HttpResult moved =
            http.send("PUT", QStringLiteral("/api/v1/crm/rate-cards/%1").arg(firstId),
                      R"({"valid_to":"2026-07-15","version":1})");
        QCOMPARE(moved.status, 422);
        QCOMPARE(moved.fieldCodes(), QStringLiteral("valid_from:overlap"));
        const HttpResult after =
            http.get("/api/v1/crm/rate-cards?job_role=CONSULTANT&on=2026-03-01");
        QCOMPARE(after.json().value("items").toArray().size(), 1);
        QCOMPARE(after.json().value("items").toArray()[0].toObject().value("valid_to").toString(),
                 QStringLiteral("2026-06-30"));
        // Stale version → 412.
        QCOMPARE(http.send("PUT", QStringLiteral("/api/v1/crm/rate-cards/%1").arg(firstId),
                           R"({"hourly_rate":"151","version":7})")
                     .status,
                 412);
    }

    void salesReadsButCannotWrite()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login("sam", "sales password").status, 200);
        QCOMPARE(
            http.post("/api/v1/crm/rate-cards", rate("CONSULTANT", "150.00", "2026-01-01", nullptr))
                .status,
            403);
        QCOMPARE(http.get("/api/v1/crm/rate-cards").status, 200);
    }

    void unknownRoleAndBadDatesAre422()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login("dora", "director password").status, 200);
        QCOMPARE(http.post("/api/v1/crm/rate-cards", rate("WIZARD", "1", "2026-01-01", nullptr))
                     .fieldCodes(),
                 QStringLiteral("job_role:unknown"));
        QCOMPARE(
            http.post("/api/v1/crm/rate-cards", rate("ANALYST", "1", "2026-02-01", "2026-01-01"))
                .fieldCodes(),
            QStringLiteral("valid_to:invalid_value"));
    }
};

QTEST_GUILESS_MAIN(RateCardsTest)
#include "tst_rate_cards.moc"
