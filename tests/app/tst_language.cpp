// Switching the language in the Settings dialog installs the German catalogue at once:
// open windows retranslate themselves, and the choice is saved.
#include "login_dialog.h"
#include "main_window.h"
#include "session.h"
#include "settings.h"
#include "settings_dialog.h"
#include "translations.h"
#include "workspaces.h"

#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;

class TestLanguage : public QObject
{
    Q_OBJECT
private slots:
    void settingsDialogSwitchesLive();
    void unknownLanguageIsRefused();
};

void TestLanguage::settingsDialogSwitchesLive()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath("keel.ini"));
    Translations translations;
    Session session;
    MainWindow window(&session);
    LoginDialog login(&session, nullptr);
    window.show();
    login.show();
    QCOMPARE(window.findChild<QLabel *>("navHeader")->text(), QString("WORKSPACES"));
    QCOMPARE(login.findChild<QPushButton *>("signInButton")->text(), QString("Sign in"));

    SettingsDialog dialog(&settings, &translations, &window);
    auto *combo = dialog.findChild<QComboBox *>("languageCombo");
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QString("en"));
    combo->setCurrentIndex(combo->findData("de"));
    dialog.accept();

    QCOMPARE(translations.current(), QString("de"));
    QCOMPARE(settings.language(), QString("de"));
    QTRY_COMPARE(window.findChild<QLabel *>("navHeader")->text(), QString("ARBEITSBEREICHE"));
    QCOMPARE(login.findChild<QPushButton *>("signInButton")->text(), QString("Anmelden"));
    QCOMPARE(login.windowTitle(), QString("Anmelden – Keel"));
    QCOMPARE(window.menuBar()->actions().at(1)->text(), QString("&Hilfe"));
    QCOMPARE(allWorkspaces().first().title(), QString("Vertrieb"));

    // And back.
    QVERIFY(translations.switchTo("en"));
    QTRY_COMPARE(window.findChild<QLabel *>("navHeader")->text(), QString("WORKSPACES"));
    QCOMPARE(allWorkspaces().first().title(), QString("Sales"));
}

void TestLanguage::unknownLanguageIsRefused()
{
    Translations translations;
    QVERIFY(!translations.switchTo("xx"));
    QCOMPARE(translations.current(), QString("en"));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
