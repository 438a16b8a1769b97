#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QTest>

using namespace keel;
using namespace keel::test;

class AuthTest : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        TestDatabase db;
        TestServer server;
        explicit Fixture(const char *name)
            : db(TestDatabase::create(QString::fromLatin1(name))), server(db)
        {
            seedLegalEntities(db);
            server.start();
            server.createUser(QStringLiteral("pm"), QStringLiteral("correct horse"),
                              {{QStringLiteral("project_manager"), QStringLiteral("UK")},
                               {QStringLiteral("consultant"), QStringLiteral("UK")}});
        }
        HttpClient client() { return HttpClient(server.baseUrl()); }
    };

private Q_SLOTS:
    void loginReturnsTokensUserAndRoles()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        const HttpResult r = http.login(QStringLiteral("PM"), QStringLiteral("correct horse"));
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value("access_token").toString().size(), 43);
        QCOMPARE(body.value("refresh_token").toString().size(), 43);
        QCOMPARE(body.value("token_type").toString(), QStringLiteral("Bearer"));
        const QDateTime expires =
            QDateTime::fromString(body.value("expires_at").toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 900) < 30);
        const QJsonObject user = body.value("user").toObject();
        QCOMPARE(user.value("username").toString(), QStringLiteral("pm"));
        QCOMPARE(user.value("legal_entity").toString(), QStringLiteral("UK"));
        const QJsonArray roles = user.value("roles").toArray();
        QCOMPARE(roles.size(), 2);
        QCOMPARE(roles[0].toObject().value("role").toString(), QStringLiteral("consultant"));
        QCOMPARE(roles[1].toObject().value("role").toString(), QStringLiteral("project_manager"));
        QCOMPARE(roles[1].toObject().value("legal_entity").toString(), QStringLiteral("UK"));
        QVERIFY(body.value("permissions").toArray().contains(QStringLiteral("delivery.use")));

        const HttpResult me = http.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("user").toObject().value("username").toString(),
                 QStringLiteral("pm"));
    }

    void tokensAreStoredOnlyAsHashes()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        const QJsonObject body = http.login("pm", "correct horse").json();
        QSqlQuery q = db::query(
            f.db.sql(),
            QStringLiteral("SELECT count(*) FROM sessions WHERE "
                           "access_hash = sha256(convert_to(?, 'UTF8')) "
                           "AND encode(access_hash, 'escape') <> ?"),
            {body.value("access_token").toString(), body.value("access_token").toString()});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void wrongPasswordAndUnknownUserGet401()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        for (const auto &[user, pass] : {std::pair{"pm", "wrong"}, std::pair{"nobody", "x"}}) {
            const HttpResult r = http.login(QString::fromLatin1(user), QString::fromLatin1(pass));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
            QCOMPARE(r.json().value("status").toInt(), 401);
            QCOMPARE(r.json().value("detail").toString(),
                     QStringLiteral("Wrong user name or password."));
        }
    }

    void refreshRotatesAndOldRefreshTokenDies()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        const QJsonObject first = http.login("pm", "correct horse").json();
        const QString refresh = first.value("refresh_token").toString();
        http.setToken({});
        const HttpResult r =
            http.post(QStringLiteral("/api/v1/auth/refresh"), {{"refresh_token", refresh}});
        QCOMPARE(r.status, 200);
        const QString newAccess = r.json().value("access_token").toString();
        QVERIFY(newAccess != first.value("access_token").toString());
        QVERIFY(r.json().value("refresh_token").toString() != refresh);

        // The old access token went with the rotation; the new one works.
        http.setToken(first.value("access_token").toString().toLatin1());
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
        http.setToken(newAccess.toLatin1());
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);

        const HttpResult replay =
            http.post(QStringLiteral("/api/v1/auth/refresh"), {{"refresh_token", refresh}});
        QCOMPARE(replay.status, 401);
    }

    void logoutRevokesTheSession()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        const QJsonObject tokens = http.login("pm", "correct horse").json();
        QCOMPARE(http.post(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
        http.setToken({});
        QCOMPARE(http.post(QStringLiteral("/api/v1/auth/refresh"),
                           {{"refresh_token", tokens.value("refresh_token")}})
                     .status,
                 401);
    }

    void expiredAndRevokedTokensGet401()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        http.login("pm", "correct horse");
        db::exec(f.db.sql(), QStringLiteral("UPDATE sessions SET access_expires_at = now() - "
                                            "interval '1 second'"));
        const HttpResult expired = http.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.header("WWW-Authenticate"), QByteArray("Bearer"));

        http.login("pm", "correct horse");
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
        db::exec(f.db.sql(), QStringLiteral("UPDATE sessions SET revoked_at = now()"));
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);

        http.setToken("not-a-token");
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    }

    void deactivatedUserLosesAccess()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        http.login("pm", "correct horse");
        db::exec(f.db.sql(), QStringLiteral("UPDATE users SET active = false"));
        QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(http.login("pm", "correct horse").status, 401);
    }

    void repeatedFailuresAreThrottled()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http.login("pm", "wrong").status, 401);
        const HttpResult blocked = http.login("pm", "wrong");
        QCOMPARE(blocked.status, 429);
        const int retryAfter = blocked.header("Retry-After").toInt();
        QVERIFY(retryAfter > 0 && retryAfter <= 900);
        QCOMPARE(blocked.json().value("status").toInt(), 429);
        // Even the right password waits until the window has passed.
        QCOMPARE(http.login("pm", "correct horse").status, 429);
        db::exec(f.db.sql(), QStringLiteral("UPDATE login_failures SET failed_at = now() - "
                                            "interval '16 minutes'"));
        QCOMPARE(http.login("pm", "correct horse").status, 200);
    }

    void successClearsEarlierFailures()
    {
        Fixture f(QTest::currentTestFunction());
        HttpClient http = f.client();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(http.login("pm", "wrong").status, 401);
        QCOMPARE(http.login("pm", "correct horse").status, 200);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(http.login("pm", "wrong").status, 401);
        QCOMPARE(http.login("pm", "correct horse").status, 200);
    }
};

QTEST_GUILESS_MAIN(AuthTest)
#include "tst_auth.moc"
