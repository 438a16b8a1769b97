#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QTest>

using namespace keel;
using namespace keel::test;

class AdminUsersTest : public QObject
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

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser(QStringLiteral("root"), QStringLiteral("admin password"),
                             {{QStringLiteral("admin"), QString()}});
        m_server->createUser(QStringLiteral("ctrl"), QStringLiteral("controller pw"),
                             {{QStringLiteral("controller"), QString()}});
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void adminCreatesUserWhoCanSignIn()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login(QStringLiteral("root"), QStringLiteral("admin password")).status, 200);
        const HttpResult created =
            http.post(QStringLiteral("/api/v1/admin/users"), {{"username", "a.smith"},
                                                              {"display_name", "Alice Smith"},
                                                              {"email", "alice@example.com"},
                                                              {"password", "long enough"},
                                                              {"legal_entity", "DE"},
                                                              {"practice", "DATA"}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value("id").toString();
        QVERIFY(id.toLongLong() > 0);
        QCOMPARE(created.json().value("legal_entity").toString(), QStringLiteral("DE"));

        const HttpResult granted = http.post(QStringLiteral("/api/v1/admin/users/%1/roles").arg(id),
                                             {{"role", "finance"}, {"legal_entity", "DE"}});
        QCOMPARE(granted.status, 201);
        QCOMPARE(http.post(QStringLiteral("/api/v1/admin/users/%1/roles").arg(id),
                           {{"role", "finance"}, {"legal_entity", "DE"}})
                     .status,
                 409);
        const HttpResult unknownRole =
            http.post(QStringLiteral("/api/v1/admin/users/%1/roles").arg(id), {{"role", "pope"}});
        QCOMPARE(unknownRole.status, 422);
        QCOMPARE(unknownRole.fieldCodes(), QStringLiteral("role:unknown"));

        HttpClient alice(m_server->baseUrl());
        const HttpResult login =
            alice.login(QStringLiteral("a.smith"), QStringLiteral("long enough"));
        QCOMPARE(login.status, 200);
        const QJsonArray roles = login.json().value("user").toObject().value("roles").toArray();
        QCOMPARE(roles.size(), 1);
        QCOMPARE(roles[0].toObject().value("role").toString(), QStringLiteral("finance"));
        QCOMPARE(roles[0].toObject().value("legal_entity").toString(), QStringLiteral("DE"));
        QVERIFY(
            login.json().value("permissions").toArray().contains(QStringLiteral("billing.use")));
    }

    void duplicateUsernameIsAFieldError()
    {
        HttpClient http(m_server->baseUrl());
        http.login(QStringLiteral("root"), QStringLiteral("admin password"));
        const HttpResult r =
            http.post(QStringLiteral("/api/v1/admin/users"), {{"username", "CTRL"},
                                                              {"display_name", "Another"},
                                                              {"password", "long enough"},
                                                              {"legal_entity", "UK"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("username:taken"));
    }

    void revokingAGrantRemovesThePermission()
    {
        HttpClient http(m_server->baseUrl());
        http.login(QStringLiteral("root"), QStringLiteral("admin password"));
        const qint64 id =
            m_server->createUser(QStringLiteral("bob"), QStringLiteral("bob password"),
                                 {{QStringLiteral("finance"), QStringLiteral("UK")}});
        QSqlQuery q = db::query(
            m_db->sql(), QStringLiteral("SELECT id FROM user_roles WHERE user_id = ?"), {id});
        QVERIFY(q.next());
        const QString grant = q.value(0).toString();
        QCOMPARE(http.send("DELETE",
                           QStringLiteral("/api/v1/admin/users/%1/roles/%2").arg(id).arg(grant), {})
                     .status,
                 204);
        QCOMPARE(http.send("DELETE",
                           QStringLiteral("/api/v1/admin/users/%1/roles/%2").arg(id).arg(grant), {})
                     .status,
                 404);
        HttpClient bob(m_server->baseUrl());
        QVERIFY(bob.login(QStringLiteral("bob"), QStringLiteral("bob password"))
                    .json()
                    .value("permissions")
                    .toArray()
                    .isEmpty());
    }

    void listIsPagedByKeyset()
    {
        for (int i = 0; i < 5; ++i)
            m_server->createUser(QStringLiteral("user%1").arg(i),
                                 QStringLiteral("password %1").arg(i), {});
        HttpClient http(m_server->baseUrl());
        http.login(QStringLiteral("root"), QStringLiteral("admin password"));
        const HttpResult first = http.get(QStringLiteral("/api/v1/admin/users?limit=4"));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value("items").toArray().size(), 4);
        const QString next = first.json().value("next_after").toString();
        QVERIFY(!next.isEmpty());
        const HttpResult second =
            http.get(QStringLiteral("/api/v1/admin/users?limit=4&after=") + next);
        QCOMPARE(second.json().value("items").toArray().size(), 3);
        QVERIFY(!second.json().contains("next_after"));
        const HttpResult search = http.get(QStringLiteral("/api/v1/admin/users?q=user3"));
        QCOMPARE(search.json().value("items").toArray().size(), 1);
    }

    void changesAreAuditedAndReadableByController()
    {
        HttpClient http(m_server->baseUrl());
        http.login(QStringLiteral("root"), QStringLiteral("admin password"));
        const HttpResult created =
            http.post(QStringLiteral("/api/v1/admin/users"), {{"username", "c.jones"},
                                                              {"display_name", "Carol Jones"},
                                                              {"password", "long enough"},
                                                              {"legal_entity", "US"}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value("id").toString();
        QCOMPARE(created.header("X-Request-Id").isEmpty(), false);

        HttpClient controller(m_server->baseUrl());
        controller.login(QStringLiteral("ctrl"), QStringLiteral("controller pw"));
        const HttpResult audit =
            controller.get(QStringLiteral("/api/v1/audit?record_type=user&record_id=") + id);
        QCOMPARE(audit.status, 200);
        const QJsonArray items = audit.json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject entry = items[0].toObject();
        QCOMPARE(entry.value("action").toString(), QStringLiteral("user.create"));
        QCOMPARE(entry.value("actor").toString(), QStringLiteral("root"));
        QCOMPARE(entry.value("request_id").toString(),
                 QString::fromLatin1(created.header("X-Request-Id")));
        QVERIFY(entry.value("before").isNull());
        QCOMPARE(entry.value("after").toObject().value("display_name").toString(),
                 QStringLiteral("Carol Jones"));
        QCOMPARE(entry.value("hash").toString().size(), 64);
    }
};

QTEST_GUILESS_MAIN(AdminUsersTest)
#include "tst_admin_users.moc"
