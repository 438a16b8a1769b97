// The shell against a live keel-server (in-process, fresh database): the login dialog signs
// in, the main window shows exactly the workspaces of the user's role, sign-out returns to
// the dialog, and a wrong password shows the server's words while the dialog stays open.
// "Remember me" is off: this test runs without a secret service (see tst_token_store).
#include "app_controller.h"
#include "command_line.h"
#include "http_client.h"
#include "login_dialog.h"
#include "main_window.h"
#include "permissions.h"
#include "session.h"
#include "settings.h"
#include "test_database.h"
#include "test_server.h"
#include "token_store.h"
#include "translations.h"
#include "workspaces.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
const QString Password = QStringLiteral("correct horse battery");

struct Shell
{
    QTemporaryDir dir;
    Settings settings{dir.filePath("keel.ini")};
    Translations translations;
    TokenStore tokens{QStringLiteral("keel-test")};
    AppController controller{&settings, &translations, &tokens};
};

void fillAndSubmit(LoginDialog *dialog, const QUrl &server, const QString &user,
                   const QString &password)
{
    dialog->findChild<QLineEdit *>("serverEdit")->setText(server.toString());
    dialog->findChild<QLineEdit *>("userEdit")->setText(user);
    dialog->findChild<QLineEdit *>("passwordEdit")->setText(password);
    QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
}
} // namespace

class TestLoginLive : public QObject
{
    Q_OBJECT
private slots:
    void eachRoleSeesItsWorkspaces();
    void wrongPasswordShowsServerMessage();
};

void TestLoginLive::eachRoleSeesItsWorkspaces()
{
    TestDatabase db = TestDatabase::create(QTest::currentTestFunction());
    seedLegalEntities(db);
    TestServer server(db);
    server.start();

    const QList<QPair<QString, QStringList>> cases{
        {"consultant", {"time"}},
        {"finance", {"time", "billing", "finance", "dashboards", "insights"}},
        {"sales_director", {"sales", "dashboards", "insights"}},
        {"project_manager", {"delivery", "resourcing", "time", "dashboards", "insights"}},
        {"admin", {"admin"}},
    };
    for (const auto &c : cases)
        server.createUser("user_" + c.first, Password, {{c.first, QString()}});

    Shell shell;
    shell.controller.start(CommandLine{});
    for (const auto &[role, expected] : cases) {
        const QString user = "user_" + role;
        LoginDialog *dialog = shell.controller.loginDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QSignalSpy signedIn(shell.controller.session(), &Session::signedIn);
        fillAndSubmit(dialog, server.baseUrl(), user, Password);
        QVERIFY2(signedIn.wait(10000),
                 qPrintable(dialog->findChild<QLabel *>("errorLabel")->text()));

        MainWindow *window = shell.controller.mainWindow();
        QVERIFY(window);
        QTRY_VERIFY(window->isVisible());
        QVERIFY(!dialog->isVisible());
        QCOMPARE(window->workspaceIds(), expected);
        // The server's permissions and the shared role table agree.
        QCOMPARE(window->workspaceIds(), visibleWorkspaceIds(permissionsOfRoles({role})));
        QCOMPARE(window->currentWorkspaceId(), expected.first());

        const QString status = window->findChild<QLabel *>("userStatus")->text();
        QVERIFY2(status.contains(user), qPrintable(status));
        QVERIFY(window->findChild<QLabel *>("serverStatus")
                    ->text()
                    .contains(server.baseUrl().toString()));
        QVERIFY(shell.controller.session()->isOnline());
        QCOMPARE(window->findChild<QLabel *>("onlineStatus")->property("online").toBool(), true);
        QCOMPARE(shell.settings.lastUser(), user);

        QSignalSpy signedOut(shell.controller.session(), &Session::signedOut);
        emit window->signOutRequested();
        QCOMPARE(signedOut.size(), 1);
        QVERIFY(!window->isVisible());
        QVERIFY(!shell.controller.session()->isSignedIn());
    }
}

void TestLoginLive::wrongPasswordShowsServerMessage()
{
    TestDatabase db = TestDatabase::create(QTest::currentTestFunction());
    seedLegalEntities(db);
    TestServer server(db);
    server.start();
    server.createUser("cons", Password, {{"consultant", "UK"}});

    // What the server itself says to a wrong password.
    HttpClient http(server.baseUrl());
    const HttpResult raw = http.login("cons", "wrong password");
    QCOMPARE(raw.status, 401);
    const QString serverWords = raw.json().value("detail").toString();
    QVERIFY(!serverWords.isEmpty());

    Shell shell;
    shell.controller.start(CommandLine{});
    LoginDialog *dialog = shell.controller.loginDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    QSignalSpy failed(shell.controller.session(), &Session::signInFailed);
    fillAndSubmit(dialog, server.baseUrl(), "cons", "wrong password");
    QVERIFY(failed.wait(10000));
    auto *error = dialog->findChild<QLabel *>("errorLabel");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), serverWords);
    QVERIFY(dialog->isVisible());
    QVERIFY(!shell.controller.mainWindow());
    QVERIFY(!shell.controller.session()->isSignedIn());
    // The password is selected for retyping; the user name stays.
    auto *password = dialog->findChild<QLineEdit *>("passwordEdit");
    QCOMPARE(password->selectedText(), QString("wrong password"));
    QCOMPARE(dialog->findChild<QLineEdit *>("userEdit")->text(), QString("cons"));

    // The right password still works from the same dialog.
    QSignalSpy signedIn(shell.controller.session(), &Session::signedIn);
    password->setText(Password);
    QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
    QVERIFY(signedIn.wait(10000));
    QTRY_VERIFY(shell.controller.mainWindow() && shell.controller.mainWindow()->isVisible());
    QCOMPARE(shell.controller.mainWindow()->workspaceIds(), QStringList{"time"});
}

QTEST_MAIN(TestLoginLive)
#include "tst_login_live.moc"
