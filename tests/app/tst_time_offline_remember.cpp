// "Remember me" and offline start (needs a secret service: run through with_keyring.sh): the
// remembered session cannot resume while the server is down, so the client starts offline;
// when the server answers again it resumes with the remembered token by itself (no password
// asked) and sends what was typed offline.
#include "app_controller.h"
#include "command_line.h"
#include "local_store.h"
#include "login_dialog.h"
#include "main_window.h"
#include "session.h"
#include "settings.h"
#include "time/time_page.h"
#include "time/timesheet_page.h"
#include "timesheet_model.h"
#include "token_store.h"
#include "translations.h"
#include "tst_time_fixture.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::offline;
using namespace keel::test;

class TestTimeOfflineRemember : public QObject
{
    Q_OBJECT
    TimeFixture f;

private slots:
    void cleanup() { f.tearDown(); }

    void rememberedSessionStartsOfflineAndResumesByItself()
    {
        if (qEnvironmentVariable("KEEL_TEST_KEYRING") != QLatin1String("1"))
            QSKIP("needs a secret service: run through with_keyring.sh");
        f.setUpTime(QTest::currentTestFunction());
        const qint64 lake = f.project(f.pmId, "Data lake");
        const qint64 build = f.task(lake, "Build");
        db::query(f.db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, '2026-01-01', '2027-12-31', 40, 'hard')",
                  {f.consultantEmployee, lake});
        QTemporaryDir dir;
        Settings settings(dir.filePath("keel.ini"));
        Translations translations;
        TokenStore tokens(QStringLiteral("keel-test"));
        const QUrl url = f.server->baseUrl();
        {
            AppController first(&settings, &translations, &tokens);
            first.setOfflineDirectory(dir.filePath("offline"));
            QSignalSpy checked(&tokens, &TokenStore::availabilityChecked);
            first.start(CommandLine{});
            LoginDialog *dialog = first.loginDialog();
            QVERIFY(dialog);
            QVERIFY(checked.wait(10000));
            dialog->findChild<QCheckBox *>("rememberCheck")->setChecked(true);
            dialog->findChild<QLineEdit *>("serverEdit")->setText(url.toString());
            dialog->findChild<QLineEdit *>("userEdit")->setText("consultant");
            dialog->findChild<QLineEdit *>("passwordEdit")->setText("consultant password");
            QSignalSpy saved(&tokens, &TokenStore::saved);
            QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Ok);
            QTRY_VERIFY_WITH_TIMEOUT(first.localStore()->projectName(lake) == "Data lake", 10000);
        }

        // Server down: the remembered token cannot be used, the client starts offline.
        const int port = url.port();
        f.server->stop();
        AppController controller(&settings, &translations, &tokens);
        controller.setOfflineDirectory(dir.filePath("offline"));
        controller.start(CommandLine{});
        QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                                 20000);
        QVERIFY(controller.session()->isOfflineMode());
        QVERIFY(!controller.loginDialog() || !controller.loginDialog()->isVisible());
        timesheet::TimesheetPage *sheet = controller.mainWindow()->timePage()->timesheet();
        sheet->showWeek(TimeFixture::lastMonday());
        const int row = sheet->model()->addRow(lake, build);
        QVERIFY(sheet->model()->setData(
            sheet->model()->index(row, TimesheetModel::FirstDayColumn + 1), "6.5"));

        // Back: resumed with the remembered token, nobody asked for a password, entry sent.
        controller.session()->setHealthInterval(200);
        f.server->config().port = quint16(port);
        f.server->start();
        QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isSignedIn(), 15000);
        QVERIFY(!controller.loginDialog() || !controller.loginDialog()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM time_entries"), qint64(1), 15000);
        QCOMPARE(f.text("SELECT hours::text FROM time_entries"), QString("6.50"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.localStore()->unsyncedCount(), 0, 10000);
    }
};

QTEST_MAIN(TestTimeOfflineRemember)
#include "tst_time_offline_remember.moc"
