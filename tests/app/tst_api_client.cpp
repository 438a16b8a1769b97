// ApiClient and Session against a small in-process fake of keel-server's auth routes:
// problem+json becomes Problem, a 401 is cured by one refresh, a refused refresh ends the
// session, and a closed port reads as "offline".
#include "api_client.h"
#include "api_reply.h"
#include "auth_dto.h"
#include "problem.h"
#include "problem_text.h"
#include "session.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace keel;

namespace {

QHttpServerResponse
json(const QJsonObject &body,
     QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok)
{
    return QHttpServerResponse("application/json", QJsonDocument(body).toJson(), status);
}

QHttpServerResponse problem(int status, const QString &title, const QString &detail)
{
    return QHttpServerResponse(
        "application/problem+json",
        QJsonDocument(QJsonObject{{"type", "https://keel.example/problems/x"},
                                  {"title", title},
                                  {"status", status},
                                  {"detail", detail}})
            .toJson(),
        QHttpServerResponse::StatusCode(status));
}

// Tokens: access "A<n>", refresh "R<n>"; only the latest pair is valid.
class FakeServer
{
public:
    FakeServer()
    {
        server.route("/api/v1/auth/login", QHttpServerRequest::Method::Post,
                     [this](const QHttpServerRequest &r) {
                         const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
                         if (body.value("password").toString() != "demo")
                             return problem(401, "Unauthenticated",
                                            "The user name or password is wrong.");
                         return json(tokens());
                     });
        server.route("/api/v1/auth/refresh", QHttpServerRequest::Method::Post,
                     [this](const QHttpServerRequest &r) {
                         ++refreshCalls;
                         const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
                         if (refuseRefresh ||
                             body.value("refresh_token").toString() != QString("R%1").arg(n))
                             return problem(401, "Unauthenticated", "The session has ended.");
                         return json(tokens());
                     });
        server.route("/api/v1/me", QHttpServerRequest::Method::Get,
                     [this](const QHttpServerRequest &r) {
                         ++meCalls;
                         const QByteArray auth = r.value("Authorization");
                         if (expireAccess || auth != QByteArray("Bearer A") + QByteArray::number(n))
                             return problem(401, "Unauthenticated", "The access token expired.");
                         return json(QJsonObject{{"user", QJsonObject{{"username", "pm"}}}});
                     });
        server.route("/api/v1/health", QHttpServerRequest::Method::Get, [] {
            return json(QJsonObject{{"status", "ok"}});
        });
        server.route("/api/v1/slow-down", QHttpServerRequest::Method::Get, [] {
            QHttpServerResponse r = problem(429, "Too many requests", QString());
            r.setHeader("Retry-After", "17");
            return r;
        });
        port = server.listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(QString("http://127.0.0.1:%1").arg(port)); }

    QJsonObject tokens()
    {
        ++n;
        expireAccess = false;
        return QJsonObject{
            {"access_token", QString("A%1").arg(n)},
            {"refresh_token", QString("R%1").arg(n)},
            {"token_type", "Bearer"},
            {"expires_at", "2030-01-01T00:00:00Z"},
            {"user", QJsonObject{{"id", "7"},
                                 {"username", "pm"},
                                 {"display_name", "Pat Manager"},
                                 {"email", "pm@example.com"},
                                 {"legal_entity", "UK"},
                                 {"roles", QJsonArray{QJsonObject{{"role", "project_manager"},
                                                                  {"legal_entity", "UK"}}}}}},
            {"permissions", QJsonArray{"time.use", "delivery.use"}}};
    }

    QHttpServer server;
    quint16 port = 0;
    int n = 0;
    int refreshCalls = 0;
    int meCalls = 0;
    bool expireAccess = false;
    bool refuseRefresh = false;
};

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort(); // closed again when probe goes out of scope
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private slots:
    void signInSucceeds();
    void wrongPasswordGivesServerWords();
    void expiredAccessIsRefreshedOnce();
    void refusedRefreshEndsSession();
    void retryAfterIsKept();
    void unreachableServerIsOffline();
    void healthPingNoticesServerGoingAway();
};

void TestApiClient::signInSucceeds()
{
    FakeServer fake;
    Session session;
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy online(&session, &Session::onlineChanged);
    session.signIn(fake.url(), "pm", "demo");
    QVERIFY(session.isBusy());
    QVERIFY(signedIn.wait(5000));
    QVERIFY(!session.isBusy());
    QVERIFY(session.isSignedIn());
    QCOMPARE(session.user().displayName, QString("Pat Manager"));
    QCOMPARE(session.user().roleNames(), QStringList{"project_manager"});
    QCOMPARE(session.permissions(), (QStringList{"time.use", "delivery.use"}));
    QVERIFY(session.isOnline());
    QCOMPARE(online.size(), 1);
    QCOMPARE(session.refreshToken(), QString("R1"));
}

void TestApiClient::wrongPasswordGivesServerWords()
{
    FakeServer fake;
    Session session;
    QSignalSpy failed(&session, &Session::signInFailed);
    session.signIn(fake.url(), "pm", "nope");
    QVERIFY(failed.wait(5000));
    const Problem p = failed.first().first().value<Problem>();
    QCOMPARE(p.status, 401);
    QCOMPARE(humanMessage(p), QString("The user name or password is wrong."));
    QVERIFY(!session.isSignedIn());
    QCOMPARE(fake.refreshCalls, 0); // a failed login is never "refreshed"
}

void TestApiClient::expiredAccessIsRefreshedOnce()
{
    FakeServer fake;
    Session session;
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(fake.url(), "pm", "demo");
    QVERIFY(signedIn.wait(5000));

    fake.expireAccess = true; // next /me sees a stale token; refresh makes a valid one
    QSignalSpy tokenChanged(&session, &Session::refreshTokenChanged);
    ApiReply *reply = session.api()->get("/api/v1/me");
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(reply->ok(), qPrintable(humanMessage(reply->problem())));
    QCOMPARE(reply->object().value("user").toObject().value("username").toString(), QString("pm"));
    QCOMPARE(fake.refreshCalls, 1);
    QCOMPARE(fake.meCalls, 2);
    QCOMPARE(session.refreshToken(), QString("R2"));
    QCOMPARE(tokenChanged.size(), 1);
    QVERIFY(session.isSignedIn());
}

void TestApiClient::refusedRefreshEndsSession()
{
    FakeServer fake;
    Session session;
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(fake.url(), "pm", "demo");
    QVERIFY(signedIn.wait(5000));

    fake.expireAccess = true;
    fake.refuseRefresh = true;
    QSignalSpy expired(&session, &Session::sessionExpired);
    QSignalSpy signedOut(&session, &Session::signedOut);
    ApiReply *reply = session.api()->get("/api/v1/me");
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->status(), 401);
    QCOMPARE(humanMessage(reply->problem()), QString("The access token expired."));
    QCOMPARE(fake.refreshCalls, 1); // once, not in a loop
    QCOMPARE(expired.size(), 1);
    QCOMPARE(signedOut.size(), 1);
    QVERIFY(!session.isSignedIn());
    QVERIFY(session.refreshToken().isEmpty());
}

void TestApiClient::retryAfterIsKept()
{
    FakeServer fake;
    ApiClient api;
    api.setBaseUrl(fake.url());
    ApiReply *reply = api.get("/api/v1/slow-down");
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->status(), 429);
    QCOMPARE(reply->retryAfterSeconds(), 17);
    QCOMPARE(humanMessage(reply->problem()), QString("Too many requests"));
}

void TestApiClient::unreachableServerIsOffline()
{
    Session session;
    QSignalSpy failed(&session, &Session::signInFailed);
    QSignalSpy unreachable(session.api(), &ApiClient::serverUnreachable);
    session.signIn(QUrl(QString("http://127.0.0.1:%1").arg(closedPort())), "pm", "demo");
    QVERIFY(failed.wait(10000));
    const Problem p = failed.first().first().value<Problem>();
    QVERIFY(isNetworkProblem(p));
    QVERIFY(humanMessage(p).contains("cannot be reached"));
    QCOMPARE(unreachable.size(), 1);
    QVERIFY(!session.isOnline());
}

void TestApiClient::healthPingNoticesServerGoingAway()
{
    auto fake = std::make_unique<FakeServer>();
    Session session;
    session.setHealthInterval(100);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(fake->url(), "pm", "demo");
    QVERIFY(signedIn.wait(5000));
    QVERIFY(session.isOnline());

    QSignalSpy online(&session, &Session::onlineChanged);
    fake.reset(); // the server goes away; the periodic /health ping notices
    QVERIFY(online.wait(5000));
    QCOMPARE(online.first().first().toBool(), false);
    QVERIFY(!session.isOnline());
    QVERIFY(session.isSignedIn()); // offline is not signed out
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
