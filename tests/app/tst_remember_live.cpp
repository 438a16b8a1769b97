// "Remember me" end to end, with a real secret service (run through with_keyring.sh) and a
// live keel-server: signing in with the box ticked stores the refresh token in the keyring,
// the next start signs in without the dialog, and signing out forgets the token.
#include "app_controller.h"
#include "command_line.h"
#include "login_dialog.h"
#include "main_window.h"
#include "session.h"
#include "settings.h"
#include "test_database.h"
#include "test_server.h"
#include "token_store.h"
#include "translations.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::test;

class TestRememberLive : public QObject
{
    Q_OBJECT
private slots:
    void rememberedSessionResumesAndSignOutForgets();
};

void TestRememberLive::rememberedSessionResumesAndSignOutForgets()
{
    if (qEnvironmentVariable("KEEL_TEST_KEYRING") != QLatin1String("1"))
        QSKIP("needs a secret service: run through with_keyring.sh");
    TestDatabase db = TestDatabase::create(QTest::currentTestFunction());
    seedLegalEntities(db);
    TestServer server(db);
    server.start();
    server.createUser("cons", "correct horse battery", {{"consultant", "UK"}});

    QTemporaryDir dir;
    Settings settings(dir.filePath("keel.ini"));
    Translations translations;
    TokenStore tokens(QStringLiteral("keel-test"));
    {
        AppController first(&settings, &translations, &tokens);
        QSignalSpy checked(&tokens, &TokenStore::availabilityChecked);
        first.start(CommandLine{});
        LoginDialog *dialog = first.loginDialog();
        QVERIFY(dialog);
        QVERIFY(checked.wait(10000));
        QVERIFY2(checked.first().at(0).toBool(), qPrintable(checked.first().at(1).toString()));
        auto *remember = dialog->findChild<QCheckBox *>("rememberCheck");
        QVERIFY(remember->isEnabled());
        remember->setChecked(true);
        dialog->findChild<QLineEdit *>("serverEdit")->setText(server.baseUrl().toString());
        dialog->findChild<QLineEdit *>("userEdit")->setText("cons");
        dialog->findChild<QLineEdit *>("passwordEdit")->setText("correct horse battery");

        QSignalSpy saved(&tokens, &TokenStore::saved);
        QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Ok);
        QVERIFY(settings.rememberMe());
        QCOMPARE(settings.lastUser(), QString("cons"));
    }

    // A new start: no dialog, the remembered token signs in.
    AppController second(&settings, &translations, &tokens);
    QSignalSpy signedIn(second.session(), &Session::signedIn);
    second.start(CommandLine{});
    QVERIFY(signedIn.wait(10000));
    QVERIFY(!second.loginDialog());
    QVERIFY(second.mainWindow() && second.mainWindow()->isVisible());
    QCOMPARE(second.mainWindow()->workspaceIds(), QStringList{"time"});

    // Signing out forgets the token.
    QSignalSpy removed(&tokens, &TokenStore::removed);
    emit second.mainWindow()->signOutRequested();
    QVERIFY(removed.wait(10000));
    QSignalSpy loaded(&tokens, &TokenStore::loaded);
    tokens.load(server.baseUrl(), "cons");
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(0).value<TokenStore::Status>(), TokenStore::Status::NotFound);
    QVERIFY(second.loginDialog() && second.loginDialog()->isVisible());
}

QTEST_MAIN(TestRememberLive)
#include "tst_remember_live.moc"
