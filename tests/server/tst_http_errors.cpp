#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QTest>

using namespace keel;
using namespace keel::test;

// Every bad request gets its status and an application/problem+json body, never a 500.
class HttpErrorsTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;

    static void verifyProblem(const HttpResult &r, int status)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject p = r.json();
        QCOMPARE(p.value("status").toInt(), status);
        QVERIFY(p.value("type").toString().startsWith(QStringLiteral("https://")));
        QVERIFY(!p.value("title").toString().isEmpty());
        QVERIFY(!p.value("detail").toString().isEmpty());
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->config().bodyLimit = 4096;
        m_server->start();
        m_server->createUser(QStringLiteral("root"), QStringLiteral("admin password"),
                             {{QStringLiteral("admin"), QString()}});
        m_server->createUser(QStringLiteral("cons"), QStringLiteral("consultant pw"),
                             {{QStringLiteral("consultant"), QStringLiteral("UK")}});
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void unknownRouteIs404()
    {
        HttpClient http(m_server->baseUrl());
        verifyProblem(http.get(QStringLiteral("/api/v1/nothing-here")), 404);
        verifyProblem(http.get(QStringLiteral("/")), 404);
    }

    void wrongMethodIs405WithAllow()
    {
        HttpClient http(m_server->baseUrl());
        const HttpResult r = http.send("DELETE", QStringLiteral("/api/v1/health"), {});
        verifyProblem(r, 405);
        QCOMPARE(r.header("Allow"), QByteArray("GET"));
        const HttpResult login = http.get(QStringLiteral("/api/v1/auth/login"));
        verifyProblem(login, 405);
        QCOMPARE(login.header("Allow"), QByteArray("POST"));
    }

    void bodyOverTheLimitIs413()
    {
        HttpClient http(m_server->baseUrl());
        const QByteArray big = "{\"username\":\"" + QByteArray(5000, 'a') + "\"}";
        const HttpResult r = http.send("POST", QStringLiteral("/api/v1/auth/login"), big,
                                       {{"Content-Type", "application/json"}});
        verifyProblem(r, 413);
        QVERIFY(r.json().value("detail").toString().contains(QStringLiteral("4096")));
    }

    void malformedJsonIs400WithPosition()
    {
        HttpClient http(m_server->baseUrl());
        const HttpResult r = http.send("POST", QStringLiteral("/api/v1/auth/login"),
                                       "{\"username\": \"pm\", \"password\" 1}",
                                       {{"Content-Type", "application/json"}});
        verifyProblem(r, 400);
        QVERIFY2(r.json().value("detail").toString().contains(QStringLiteral("at byte 31")),
                 r.body.constData());
        QCOMPARE(r.fieldCodes(), QStringLiteral(":malformed_json"));
    }

    void invalidUtf8Is400WithPosition()
    {
        HttpClient http(m_server->baseUrl());
        const HttpResult r =
            http.send("POST", QStringLiteral("/api/v1/auth/login"), "{\"username\": \"p\xC3\x28\"}",
                      {{"Content-Type", "application/json"}});
        verifyProblem(r, 400);
        QVERIFY2(r.json().value("detail").toString().contains(QStringLiteral("byte 15")),
                 r.body.constData());
        QCOMPARE(r.fieldCodes(), QStringLiteral(":invalid_utf8"));
    }

    void notAnObjectIs400()
    {
        HttpClient http(m_server->baseUrl());
        verifyProblem(http.send("POST", QStringLiteral("/api/v1/auth/login"), "[1,2]",
                                {{"Content-Type", "application/json"}}),
                      400);
        verifyProblem(http.send("POST", QStringLiteral("/api/v1/auth/login"), "",
                                {{"Content-Type", "application/json"}}),
                      400);
    }

    void wrongMediaTypeIs415()
    {
        HttpClient http(m_server->baseUrl());
        verifyProblem(http.send("POST", QStringLiteral("/api/v1/auth/login"), "username=pm",
                                {{"Content-Type", "application/x-www-form-urlencoded"}}),
                      415);
    }

    void wrongTypesAndMissingFieldsAre422WithFieldErrors()
    {
        HttpClient http(m_server->baseUrl());
        const HttpResult r = http.post(QStringLiteral("/api/v1/auth/login"), {{"username", 42}});
        verifyProblem(r, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("username:invalid_type,password:required"));
        for (const QJsonValue &e : r.json().value("errors").toArray())
            QVERIFY(!e.toObject().value("message").toString().isEmpty());
    }

    void invalidValuesOnCreateUserAre422()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login(QStringLiteral("root"), QStringLiteral("admin password")).status, 200);
        const HttpResult r =
            http.post(QStringLiteral("/api/v1/admin/users"), {{"username", "no spaces allowed"},
                                                              {"display_name", "X"},
                                                              {"password", "short"},
                                                              {"email", "not-an-email"},
                                                              {"legal_entity", "XX"}});
        verifyProblem(r, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("username:invalid_value,email:invalid_value,"
                                                "password:too_short,legal_entity:unknown"));
        QSqlQuery q = db::exec(m_db->sql(), QStringLiteral("SELECT count(*) FROM users"));
        q.next();
        QCOMPARE(q.value(0).toInt(), 2); // nothing written
    }

    void noSessionIs401()
    {
        HttpClient http(m_server->baseUrl());
        const HttpResult r = http.get(QStringLiteral("/api/v1/me"));
        verifyProblem(r, 401);
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void consultantGets403OnAdminRoutes()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login(QStringLiteral("cons"), QStringLiteral("consultant pw")).status, 200);
        verifyProblem(http.get(QStringLiteral("/api/v1/admin/users")), 403);
        verifyProblem(http.post(QStringLiteral("/api/v1/admin/users"), {{"username", "x"}}), 403);
        verifyProblem(http.get(QStringLiteral("/api/v1/audit")), 403);
    }

    void badPathIdIs404AndBadPagingIs422()
    {
        HttpClient http(m_server->baseUrl());
        http.login(QStringLiteral("root"), QStringLiteral("admin password"));
        verifyProblem(
            http.post(QStringLiteral("/api/v1/admin/users/abc/roles"), {{"role", "finance"}}), 404);
        verifyProblem(
            http.post(QStringLiteral("/api/v1/admin/users/999999/roles"), {{"role", "finance"}}),
            404);
        const HttpResult r = http.get(QStringLiteral("/api/v1/admin/users?limit=100000"));
        verifyProblem(r, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("limit:out_of_range"));
    }

    void requestIdIsEchoed()
    {
        HttpClient http(m_server->baseUrl());
        const HttpResult r =
            http.get(QStringLiteral("/api/v1/health"), {{"X-Request-Id", "trace-123"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Request-Id"), QByteArray("trace-123"));
    }
};

QTEST_GUILESS_MAIN(HttpErrorsTest)
#include "tst_http_errors.moc"
