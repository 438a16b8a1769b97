// ApiClient and Session against a live keel-server (in-process, fresh database per test
// function, real HTTP): the server's problem+json becomes Problem, a 401 is cured by exactly
// one refresh, a refused refresh ends the session, 429 keeps Retry-After, and a server that
// is gone reads as "offline". Token expiry and revocation are made in the sessions table.
#include "api_client.h"
#include "api_reply.h"
#include "auth_dto.h"
#include "db/database.h"
#include "http_client.h"
#include "permissions.h"
#include "problem.h"
#include "problem_text.h"
#include "session.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
const QString User = QStringLiteral("pm");
const QString Password = QStringLiteral("correct horse battery");

struct Live
{
    explicit Live(const char *testName)
        : db(TestDatabase::create(QString::fromLatin1(testName))), server(db)
    {
        seedLegalEntities(db);
        server.start();
        userId = server.createUser(User, Password, {{"project_manager", "UK"}});
    }

    // One value from the test database.
    QVariant scalar(const QString &sql, const QVariantList &params = {}) const
    {
        QSqlQuery q = db::query(db.sql(), sql, params);
        return q.next() ? q.value(0) : QVariant();
    }

    // How many sessions rows the server keeps whose refresh token is `token` (stored hashed).
    int sessionsWithRefreshToken(const QString &token) const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM sessions "
                                     "WHERE refresh_hash = sha256(convert_to(?, 'UTF8'))"),
                      {token})
            .toInt();
    }

    int sessionCount() const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id = ?"), {userId})
            .toInt();
    }

    TestDatabase db;
    TestServer server;
    qint64 userId = 0;
};

bool signIn(Session &session, const Live &live)
{
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy failed(&session, &Session::signInFailed);
    session.signIn(live.server.baseUrl(), User, Password);
    return signedIn.wait(10000) && failed.isEmpty();
}

// Waits for one ApiReply; the reply deletes itself later, so read it before returning to the
// event loop again.
bool waitFor(ApiReply *reply)
{
    QSignalSpy finished(reply, &ApiReply::finished);
    return reply->isFinished() || finished.wait(10000);
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signInSucceeds();
    void wrongPasswordGivesServerWords();
    void expiredAccessIsRefreshedOnce();
    void refusedRefreshEndsSession();
    void retryAfterIsKept();
    void unreachableServerIsOffline();
    void healthPingNoticesServerGoingAway();
};

void TestApiClient::initTestCase()
{
    // ApiClient's header only forward-declares SessionTokens, so moc cannot register it for
    // tokensRefreshed(); QSignalSpy needs it to record the argument.
    qRegisterMetaType<SessionTokens>();
}

void TestApiClient::signInSucceeds()
{
    Live live(QTest::currentTestFunction());
    Session session;
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy online(&session, &Session::onlineChanged);
    QSignalSpy tokenChanged(&session, &Session::refreshTokenChanged);
    session.signIn(live.server.baseUrl(), User, Password);
    QVERIFY(session.isBusy());
    QVERIFY(signedIn.wait(10000));
    QVERIFY(!session.isBusy());
    QVERIFY(session.isSignedIn());
    QCOMPARE(session.user().username, User);
    QCOMPARE(session.user().roleNames(), QStringList{"project_manager"});
    QCOMPARE(session.permissions(), permissionsOfRoles({"project_manager"}));
    QVERIFY(session.hasPermission(Permission::DeliveryUse));
    QVERIFY(session.isOnline());
    QCOMPARE(online.size(), 1);
    QCOMPARE(tokenChanged.size(), 1);

    // The client holds the refresh token of the one session the server created.
    QVERIFY(!session.refreshToken().isEmpty());
    QCOMPARE(tokenChanged.first().first().toString(), session.refreshToken());
    QCOMPARE(live.sessionCount(), 1);
    QCOMPARE(live.sessionsWithRefreshToken(session.refreshToken()), 1);

    // And its access token works.
    ApiReply *me = session.api()->get("/api/v1/me");
    QVERIFY(waitFor(me));
    QVERIFY2(me->ok(), qPrintable(humanMessage(me->problem())));
    QCOMPARE(me->object().value("user").toObject().value("username").toString(), User);
}

void TestApiClient::wrongPasswordGivesServerWords()
{
    Live live(QTest::currentTestFunction());

    // What the server itself says to a wrong password.
    HttpClient http(live.server.baseUrl());
    const HttpResult raw = http.login(User, "wrong password");
    QCOMPARE(raw.status, 401);
    const QString serverWords = raw.json().value("detail").toString();
    QVERIFY(!serverWords.isEmpty());

    Session session;
    QSignalSpy failed(&session, &Session::signInFailed);
    QSignalSpy tokenChanged(&session, &Session::refreshTokenChanged);
    QSignalSpy refreshed(session.api(), &ApiClient::tokensRefreshed);
    QSignalSpy expired(session.api(), &ApiClient::sessionExpired);
    session.signIn(live.server.baseUrl(), User, "wrong password");
    QVERIFY(failed.wait(10000));
    const Problem p = failed.first().first().value<Problem>();
    QCOMPARE(p.status, 401);
    QCOMPARE(humanMessage(p), serverWords);
    QVERIFY(!session.isSignedIn());
    QVERIFY(session.isOnline()); // a refusal is an answer
    // A failed login is never "refreshed" and is not an expired session.
    QCOMPARE(refreshed.size(), 0);
    QCOMPARE(expired.size(), 0);
    QCOMPARE(tokenChanged.size(), 0);
    QCOMPARE(live.sessionCount(), 0);
}

void TestApiClient::expiredAccessIsRefreshedOnce()
{
    Live live(QTest::currentTestFunction());
    Session session;
    QVERIFY(signIn(session, live));
    const QString firstRefresh = session.refreshToken();
    const QString firstAccess = session.api()->accessToken();

    db::query(live.db.sql(),
              QStringLiteral("UPDATE sessions SET access_expires_at = now() - interval '1 second' "
                             "WHERE user_id = ?"),
              {live.userId});

    QSignalSpy tokenChanged(&session, &Session::refreshTokenChanged);
    QSignalSpy refreshed(session.api(), &ApiClient::tokensRefreshed);
    QSignalSpy answers(session.api(), &ApiClient::serverReached);
    QSignalSpy expired(&session, &Session::sessionExpired);
    ApiReply *reply = session.api()->get("/api/v1/me");
    QVERIFY(waitFor(reply));
    QVERIFY2(reply->ok(), qPrintable(humanMessage(reply->problem())));
    QCOMPARE(reply->object().value("user").toObject().value("username").toString(), User);

    // Exactly one refresh: /me 401, the refresh, /me again.
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(answers.size(), 3);
    QCOMPARE(tokenChanged.size(), 1);
    QCOMPARE(expired.size(), 0);
    QVERIFY(session.isSignedIn());

    // The server rotated both tokens of the same session, once.
    QVERIFY(session.refreshToken() != firstRefresh);
    QVERIFY(session.api()->accessToken() != firstAccess);
    QCOMPARE(tokenChanged.first().first().toString(), session.refreshToken());
    QCOMPARE(refreshed.first().first().value<SessionTokens>().refreshToken, session.refreshToken());
    QCOMPARE(live.sessionCount(), 1);
    QCOMPARE(live.sessionsWithRefreshToken(session.refreshToken()), 1);
    QCOMPARE(live.sessionsWithRefreshToken(firstRefresh), 0);
    QVERIFY(live.scalar(QStringLiteral("SELECT refreshed_at IS NOT NULL AND access_expires_at > "
                                       "now() FROM sessions WHERE user_id = ?"),
                        {live.userId})
                .toBool());

    // The next request uses the new access token directly: no second refresh.
    ApiReply *again = session.api()->get("/api/v1/me");
    QVERIFY(waitFor(again));
    QVERIFY(again->ok());
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(answers.size(), 4);
}

void TestApiClient::refusedRefreshEndsSession()
{
    Live live(QTest::currentTestFunction());
    Session session;
    QVERIFY(signIn(session, live));
    const QByteArray access = session.api()->accessToken().toUtf8();

    // The session is ended on the server (as an administrator or a sign-out elsewhere would).
    db::query(live.db.sql(),
              QStringLiteral("UPDATE sessions SET revoked_at = now() WHERE user_id = ?"),
              {live.userId});

    // What the server says to the now useless access token.
    HttpClient http(live.server.baseUrl());
    http.setToken(access);
    const HttpResult raw = http.get("/api/v1/me");
    QCOMPARE(raw.status, 401);
    const QString serverWords = raw.json().value("detail").toString();
    QVERIFY(!serverWords.isEmpty());

    QSignalSpy expired(&session, &Session::sessionExpired);
    QSignalSpy apiExpired(session.api(), &ApiClient::sessionExpired);
    QSignalSpy signedOut(&session, &Session::signedOut);
    QSignalSpy refreshed(session.api(), &ApiClient::tokensRefreshed);
    QSignalSpy answers(session.api(), &ApiClient::serverReached);
    ApiReply *reply = session.api()->get("/api/v1/me");
    QVERIFY(waitFor(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->status(), 401);
    QCOMPARE(humanMessage(reply->problem()), serverWords);
    // One refresh attempt, not a loop: /me 401 and the refused refresh.
    QCOMPARE(answers.size(), 2);
    QCOMPARE(refreshed.size(), 0);
    QCOMPARE(apiExpired.size(), 1);
    QCOMPARE(expired.size(), 1);
    QCOMPARE(signedOut.size(), 1);
    QVERIFY(!session.isSignedIn());
    QVERIFY(session.refreshToken().isEmpty());
    QVERIFY(session.api()->accessToken().isEmpty());
    QVERIFY(session.isOnline()); // refused, not unreachable
    QVERIFY(live.scalar(QStringLiteral("SELECT refreshed_at IS NULL FROM sessions "
                                       "WHERE user_id = ?"),
                        {live.userId})
                .toBool());
}

void TestApiClient::retryAfterIsKept()
{
    Live live(QTest::currentTestFunction());
    ApiClient api;
    api.setBaseUrl(live.server.baseUrl());
    const QJsonObject wrong{{"username", User}, {"password", "wrong password"}};
    for (int i = 0; i < 5; ++i) {
        ApiReply *r = api.postUnauthenticated("/api/v1/auth/login", wrong);
        QVERIFY(waitFor(r));
        QCOMPARE(r->status(), 401);
        QCOMPARE(r->retryAfterSeconds(), 0);
    }

    // Throttled now, even with the right password.
    const QJsonObject right{{"username", User}, {"password", Password}};
    HttpClient http(live.server.baseUrl());
    const HttpResult raw = http.post("/api/v1/auth/login", right);
    QCOMPARE(raw.status, 429);
    const int serverRetryAfter = raw.header("Retry-After").toInt();
    QVERIFY2(serverRetryAfter > 0, raw.header("Retry-After").constData());

    ApiReply *reply = api.postUnauthenticated("/api/v1/auth/login", right);
    QVERIFY(waitFor(reply));
    QCOMPARE(reply->status(), 429);
    QVERIFY(!reply->ok());
    // The server counts down from the oldest failure; a second may pass between the two asks.
    QVERIFY2(reply->retryAfterSeconds() > 0 && reply->retryAfterSeconds() <= serverRetryAfter &&
                 reply->retryAfterSeconds() >= serverRetryAfter - 2,
             qPrintable(QString("%1 vs %2").arg(reply->retryAfterSeconds()).arg(serverRetryAfter)));
    QCOMPARE(humanMessage(reply->problem()), raw.json().value("detail").toString());

    // Through Session the sign-in fails with the server's words too.
    Session session;
    QSignalSpy failed(&session, &Session::signInFailed);
    session.signIn(live.server.baseUrl(), User, Password);
    QVERIFY(failed.wait(10000));
    const Problem p = failed.first().first().value<Problem>();
    QCOMPARE(p.status, 429);
    QCOMPARE(humanMessage(p), raw.json().value("detail").toString());
    QVERIFY(!session.isSignedIn());
}

void TestApiClient::unreachableServerIsOffline()
{
    Live live(QTest::currentTestFunction());
    const QUrl url = live.server.baseUrl();
    live.server.stop(); // nothing listens on that port any more

    Session session;
    QSignalSpy failed(&session, &Session::signInFailed);
    QSignalSpy unreachable(session.api(), &ApiClient::serverUnreachable);
    session.signIn(url, User, Password);
    QVERIFY(failed.wait(10000));
    const Problem p = failed.first().first().value<Problem>();
    QVERIFY(isNetworkProblem(p));
    QCOMPARE(p.status, 0);
    QVERIFY2(humanMessage(p).contains("cannot be reached"), qPrintable(humanMessage(p)));
    QCOMPARE(unreachable.size(), 1);
    QVERIFY(!session.isOnline());
    QVERIFY(!session.isSignedIn());
}

void TestApiClient::healthPingNoticesServerGoingAway()
{
    Live live(QTest::currentTestFunction());
    Session session;
    session.setHealthInterval(100);
    QVERIFY(signIn(session, live));
    QVERIFY(session.isOnline());

    QSignalSpy online(&session, &Session::onlineChanged);
    QTest::qWait(300); // a few pings while the server is up change nothing
    QCOMPARE(online.size(), 0);

    live.server.stop(); // the server goes away; the periodic /health ping notices
    QVERIFY(online.wait(10000));
    QCOMPARE(online.first().first().toBool(), false);
    QVERIFY(!session.isOnline());
    QVERIFY(session.isSignedIn()); // offline is not signed out
    QVERIFY(!session.refreshToken().isEmpty());
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
