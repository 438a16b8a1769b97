// keel-client without a server: which workspaces each role sees, and how problems read.
#include "permissions.h"
#include "problem.h"
#include "problem_text.h"
#include "roles.h"
#include "settings.h"
#include "workspaces.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;

class TestWorkspaces : public QObject
{
    Q_OBJECT
private slots:
    void visibleForRole_data();
    void visibleForRole();
    void combinedRolesSeeTheUnion();
    void noPermissionsNoWorkspaces();
    void registryIsConsistent();
    void humanMessage_data();
    void humanMessage();
    void networkProblemReadsAsUnreachable();
    void settingsRoundTrip();
};

void TestWorkspaces::visibleForRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("consultant") << QString(Role::Consultant) << QStringList{"time"};
    QTest::newRow("project_manager")
        << QString(Role::ProjectManager)
        << QStringList{"delivery", "resourcing", "time", "dashboards", "insights"};
    QTest::newRow("resource_manager")
        << QString(Role::ResourceManager)
        << QStringList{"delivery", "resourcing", "time", "dashboards"};
    QTest::newRow("sales") << QString(Role::Sales)
                           << QStringList{"sales", "dashboards", "insights"};
    QTest::newRow("sales_director")
        << QString(Role::SalesDirector) << QStringList{"sales", "dashboards", "insights"};
    QTest::newRow("finance") << QString(Role::Finance)
                             << QStringList{"time", "billing", "finance", "dashboards", "insights"};
    QTest::newRow("controller") << QString(Role::Controller)
                                << QStringList{"billing", "finance", "dashboards", "insights"};
    QTest::newRow("executive") << QString(Role::Executive)
                               << QStringList{"sales",   "delivery",   "resourcing", "billing",
                                              "finance", "dashboards", "insights"};
    QTest::newRow("admin") << QString(Role::Admin) << QStringList{"admin"};
}

void TestWorkspaces::visibleForRole()
{
    QFETCH(QString, role);
    QFETCH(QStringList, expected);
    QCOMPARE(visibleWorkspaceIds(permissionsOfRoles({role})), expected);
}

void TestWorkspaces::combinedRolesSeeTheUnion()
{
    const QStringList ids =
        visibleWorkspaceIds(permissionsOfRoles({Role::Consultant, Role::Sales}));
    QCOMPARE(ids, (QStringList{"sales", "time", "dashboards", "insights"}));
}

void TestWorkspaces::noPermissionsNoWorkspaces()
{
    QVERIFY(visibleWorkspaces({}).isEmpty());
    QVERIFY(visibleWorkspaces({"authenticated", "no.such.permission"}).isEmpty());
}

void TestWorkspaces::registryIsConsistent()
{
    QSet<QString> ids;
    QSet<QString> grantable;
    for (const QString &role : allRoles())
        for (const QString &p : permissionsOfRole(role))
            grantable.insert(p);
    QCOMPARE(allWorkspaces().size(), 9);
    for (const Workspace &w : allWorkspaces()) {
        QVERIFY2(!ids.contains(w.id), qPrintable(w.id));
        ids.insert(w.id);
        QVERIFY(!w.title().isEmpty());
        QVERIFY(!w.summary().isEmpty());
        // Some role must be able to see every workspace.
        QVERIFY2(grantable.contains(w.permission), qPrintable(w.permission));
    }
}

void TestWorkspaces::humanMessage_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QStringList>("fieldMessages");
    QTest::addColumn<QString>("expected");

    QTest::newRow("detail wins") << 401 << "Unauthenticated"
                                 << "Wrong user name or password." << QStringList{}
                                 << "Wrong user name or password.";
    QTest::newRow("fields without detail")
        << 422 << "Validation failed" << QString()
        << QStringList{"Hours must be positive.", "Project is required."}
        << "Hours must be positive.\nProject is required.";
    QTest::newRow("detail and fields")
        << 422 << "Validation failed"
        << "The entry is incomplete." << QStringList{"Project is required."}
        << "The entry is incomplete.\nProject is required.";
    QTest::newRow("title only") << 409 << "Invoice already issued" << QString() << QStringList{}
                                << "Invoice already issued";
    QTest::newRow("status only, 403")
        << 403 << QString() << QString() << QStringList{} << "You are not allowed to do this.";
    QTest::newRow("status only, 429") << 429 << QString() << QString() << QStringList{}
                                      << "Too many attempts. Please wait a moment and try again.";
    QTest::newRow("status only, 502")
        << 502 << QString() << QString() << QStringList{}
        << "The server ran into an error (502). Please try again later.";
}

void TestWorkspaces::humanMessage()
{
    QFETCH(int, status);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(QStringList, fieldMessages);
    QFETCH(QString, expected);
    Problem p;
    p.status = status;
    p.title = title;
    p.detail = detail;
    for (const QString &m : fieldMessages)
        p.errors.append({"field", "invalid", m});
    QCOMPARE(keel::humanMessage(p), expected);
}

void TestWorkspaces::networkProblemReadsAsUnreachable()
{
    const Problem p = networkProblem("Connection refused");
    QVERIFY(isNetworkProblem(p));
    QCOMPARE(p.status, 0);
    const QString text = keel::humanMessage(p);
    QVERIFY2(text.contains("cannot be reached"), qPrintable(text));
    QVERIFY2(text.contains("Connection refused"), qPrintable(text));
    QVERIFY(keel::humanMessage(networkProblem(QString(), true)).contains("did not answer"));
    Problem serverSide;
    serverSide.status = 0; // a status-less problem document is not a network failure
    QVERIFY(!isNetworkProblem(serverSide));
}

void TestWorkspaces::settingsRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("keel.ini");
    {
        Settings s(file);
        QCOMPARE(s.language(), QString("en"));
        QCOMPARE(s.rememberMe(), false);
        s.setServerUrl(QUrl("https://keel.example.com:8443"));
        s.setLastUser("pm");
        s.setLanguage("de");
        s.setRememberMe(true);
        s.sync();
    }
    Settings s(file);
    QCOMPARE(s.serverUrl(), QUrl("https://keel.example.com:8443"));
    QCOMPARE(s.lastUser(), QString("pm"));
    QCOMPARE(s.language(), QString("de"));
    QCOMPARE(s.rememberMe(), true);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("token")); // settings never hold secrets
}

QTEST_GUILESS_MAIN(TestWorkspaces)
#include "tst_workspaces.moc"
