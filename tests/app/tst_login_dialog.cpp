// The login dialog without a server: it validates its input, shows the network failure in
// words and stays open, and says plainly that "remember me" is unavailable when there is no
// secret service (this test runs without a D-Bus session).
#include "login_dialog.h"
#include "session.h"
#include "token_store.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace keel;

class TestLoginDialog : public QObject
{
    Q_OBJECT
private slots:
    void rememberMeUnavailableWithoutSecretService();
    void signInNeedsAllFields();
    void unreachableServerShowsMessageAndStaysOpen();
};

void TestLoginDialog::rememberMeUnavailableWithoutSecretService()
{
    Session session;
    TokenStore store(QStringLiteral("keel-test"));
    QSignalSpy checked(&store, &TokenStore::availabilityChecked);
    LoginDialog dialog(&session, &store);
    dialog.setRememberMe(true);
    dialog.show();
    QVERIFY(checked.wait(10000));
    auto *remember = dialog.findChild<QCheckBox *>("rememberCheck");
    auto *note = dialog.findChild<QLabel *>("rememberNote");
    QVERIFY(remember && note);
    QVERIFY(!remember->isEnabled());
    QVERIFY(!remember->isChecked());
    QVERIFY(!dialog.rememberMe());
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains("unavailable"), qPrintable(note->text()));
}

void TestLoginDialog::signInNeedsAllFields()
{
    Session session;
    LoginDialog dialog(&session, nullptr);
    dialog.show();
    auto *button = dialog.findChild<QPushButton *>("signInButton");
    QVERIFY(button);
    QVERIFY(!button->isEnabled());
    dialog.findChild<QLineEdit *>("serverEdit")->setText("http://127.0.0.1:1");
    dialog.findChild<QLineEdit *>("userEdit")->setText("pm");
    QVERIFY(!button->isEnabled());
    dialog.findChild<QLineEdit *>("passwordEdit")->setText("x");
    QVERIFY(button->isEnabled());

    dialog.findChild<QLineEdit *>("serverEdit")->setText("ftp://files");
    QTest::mouseClick(button, Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>("errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains("server address"));
    QVERIFY(!session.isBusy());
}

void TestLoginDialog::unreachableServerShowsMessageAndStaysOpen()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        port = probe.serverPort();
    }
    Session session;
    LoginDialog dialog(&session, nullptr);
    dialog.setServerUrl(QUrl(QString("http://127.0.0.1:%1").arg(port)));
    dialog.setUserName("pm");
    dialog.setPassword("demo");
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QSignalSpy failed(&session, &Session::signInFailed);
    auto *button = dialog.findChild<QPushButton *>("signInButton");
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(session.isBusy());
    QVERIFY(!button->isEnabled()); // busy: no second click
    QVERIFY(!dialog.findChild<QLineEdit *>("passwordEdit")->isEnabled());
    QVERIFY(failed.wait(10000));

    auto *error = dialog.findChild<QLabel *>("errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains("cannot be reached"), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), 0);
    QVERIFY(button->isEnabled());
    QVERIFY(dialog.findChild<QLineEdit *>("passwordEdit")->isEnabled());
}

QTEST_MAIN(TestLoginDialog)
#include "tst_login_dialog.moc"
