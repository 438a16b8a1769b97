// Offline capture against a live keel-server (in-process, fresh database per test): a week
// entered while the server is down stays on this computer, is retried with backoff, and lands
// exactly once when the server is back, submitted as asked; the project manager's approval
// shows up locally after the pull; a push into a closed period is refused with the reason,
// kept locally and marked in the grid; a change the server overtook is a conflict the user
// resolves; and the client starts offline under the identity of its last sign-in.
#include "api_client.h"
#include "app_controller.h"
#include "command_line.h"
#include "http_client.h"
#include "local_store.h"
#include "login_dialog.h"
#include "main_window.h"
#include "session.h"
#include "settings.h"
#include "sync_engine.h"
#include "time/sync_log_dialog.h"
#include "time/time_page.h"
#include "time/timesheet_page.h"
#include "time/timesheet_view.h"
#include "timesheet_model.h"
#include "token_store.h"
#include "translations.h"
#include "tst_time_fixture.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace keel;
using namespace keel::offline;
using namespace keel::test;

namespace {

std::unique_ptr<Session> signIn(const TestServer &server, const QString &user,
                                const QString &password)
{
    auto session = std::make_unique<Session>();
    QSignalSpy ok(session.get(), &Session::signedIn);
    session->signIn(server.baseUrl(), user, password);
    if (!ok.wait(10000))
        qWarning() << "sign-in failed for" << user;
    return session;
}

// Waits for the next round of the engine and returns whether it succeeded.
bool round(SyncEngine *engine, int timeoutMs = 15000)
{
    QSignalSpy spy(engine, &SyncEngine::roundFinished);
    if (!spy.wait(timeoutMs))
        return false;
    return spy.takeFirst().at(0).toBool();
}

bool roundNow(SyncEngine *engine)
{
    QSignalSpy spy(engine, &SyncEngine::roundFinished);
    engine->syncNow();
    if (!spy.wait(15000))
        return false;
    return spy.takeFirst().at(0).toBool();
}

// Waits until a round succeeds (retries run on the engine's backoff timer).
bool eventuallySynced(SyncEngine *engine, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs)
        if (round(engine, timeoutMs - int(t.elapsed())))
            return true;
    return false;
}

} // namespace

class TestTimeSyncLive : public QObject
{
    Q_OBJECT
    TimeFixture f;
    qint64 lake = 0, build = 0;
    QTemporaryDir *dir = nullptr;

private slots:
    void init();
    void cleanup();
    void weekEnteredOfflineSyncsOnceAndIsApproved();
    void closedPeriodIsRefusedKeptAndShown();
    void overtakenChangeIsAConflictUntilResolved();
    void expenseWithReceiptAndDeletedHoursSync();
    void startsOfflineWithTheCachedIdentity();
    void workOfflineFromTheLoginDialog();
    void screenshots();

private:
    void restartServerOnSamePort();
};

void TestTimeSyncLive::init()
{
    f.setUpTime(QTest::currentTestFunction());
    lake = f.project(f.pmId, "Data lake");
    build = f.task(lake, "Build");
    db::query(f.db->sql(),
              "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
              "hours_per_week, kind) VALUES (?, ?, '2026-01-01', '2027-12-31', 40, 'hard')",
              {f.consultantEmployee, lake});
    dir = new QTemporaryDir;
}

void TestTimeSyncLive::cleanup()
{
    delete dir;
    f.tearDown();
}

void TestTimeSyncLive::restartServerOnSamePort()
{
    const int port = f.server->baseUrl().port();
    f.server->stop();
    f.server->config().port = quint16(port);
    f.server->start();
    QCOMPARE(f.server->baseUrl().port(), port);
}

void TestTimeSyncLive::weekEnteredOfflineSyncsOnceAndIsApproved()
{
    auto session = signIn(*f.server, "consultant", "consultant password");
    QVERIFY(session->isSignedIn());
    LocalStore store;
    QVERIFY(store.openFor(f.server->baseUrl(), "consultant", dir->path()));
    SyncEngine engine(&store, session->api());
    engine.setInterval(60000);
    engine.setBackoff(200, 1600);
    session->api()->setTimeout(3000);
    engine.setEnabled(true);
    QVERIFY(round(&engine));
    QVERIFY(engine.isOnline());
    QCOMPARE(store.projectName(lake), QString("Data lake")); // reference data for offline use
    QCOMPARE(store.tasks(lake).size(), 1);

    // The server goes away; the week is entered in the grid regardless.
    const int port = f.server->baseUrl().port();
    f.server->stop();
    TimesheetModel grid(&store);
    const QDate monday = TimeFixture::lastMonday();
    grid.setWeek(monday);
    const int row = grid.addRow(lake, build);
    const char *hours[] = {"8", "7.5", "8", "7.75", "6.25"};
    for (int d = 0; d < 5; ++d)
        QVERIFY2(grid.setData(grid.index(row, TimesheetModel::FirstDayColumn + d), hours[d]),
                 qPrintable(grid.errorString()));
    QCOMPARE(grid.weekTotal().toString(2), QString("37.50"));
    QCOMPARE(store.unsyncedCount(), 5);
    engine.submitWeek(monday); // offline: waits in the store
    QCOMPARE(engine.pendingSubmissions(), QList<QDate>{monday});

    // Rounds fail and back off: 200 ms, then 400 ms …
    QVERIFY(!round(&engine));
    QVERIFY(!engine.isOnline());
    const int first = engine.currentRetryDelay();
    QVERIFY(!round(&engine));
    QVERIFY(engine.currentRetryDelay() > first);
    QCOMPARE(store.unsyncedCount(), 5);
    QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 0);

    // Back: the retry timer delivers everything, exactly once, and submits the week.
    f.server->config().port = quint16(port);
    f.server->start();
    QVERIFY(eventuallySynced(&engine));
    QVERIFY(engine.isOnline());
    QCOMPARE(store.unsyncedCount(), 0);
    QVERIFY(engine.pendingSubmissions().isEmpty());
    QCOMPARE(
        f.scalar("SELECT count(*) FROM time_entries WHERE employee_id = ?", {f.consultantEmployee}),
        5);
    QCOMPARE(f.text("SELECT sum(hours)::text FROM time_entries"), QString("37.50"));
    QCOMPARE(f.scalar("SELECT count(*) FROM time_entries WHERE status = 'submitted'"), 5);
    // Local ids are the server's ids.
    for (const TimeEntry &e : store.timeEntries(monday, monday.addDays(6)))
        QCOMPARE(f.text("SELECT hours::text FROM time_entries WHERE id = ?::uuid",
                        {e.id.toString(QUuid::WithoutBraces)}),
                 e.hours);

    // The project manager approves the week on the server; the pull brings it home.
    auto pm = f.client("pm", "pm password");
    const HttpResult inbox = pm->get("/api/v1/time/approvals");
    QCOMPARE(inbox.status, 200);
    QJsonArray lines;
    for (const QJsonValue &v : inbox.json().value("items").toArray())
        lines.append(TimeFixture::line(v.toObject()));
    QCOMPARE(lines.size(), 5);
    QCOMPARE(TimeFixture::decide(*pm, "approve", lines).status, 200);
    QVERIFY(roundNow(&engine));
    grid.reload();
    for (int d = 0; d < 5; ++d)
        QCOMPARE(grid.index(row, TimesheetModel::FirstDayColumn + d)
                     .data(TimesheetModel::StatusRole)
                     .toString(),
                 QString("approved"));
    QVERIFY(!(grid.flags(grid.index(row, TimesheetModel::FirstDayColumn)) & Qt::ItemIsEditable));
    bool approvedInLog = false;
    for (const SyncLogLine &l : store.log())
        approvedInLog = approvedInLog || l.text.startsWith("Approved:");
    QVERIFY(approvedInLog);

    // A replayed round changes nothing.
    QVERIFY(roundNow(&engine));
    QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 5);
}

void TestTimeSyncLive::closedPeriodIsRefusedKeptAndShown()
{
    db::query(f.db->sql(),
              "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, status) "
              "VALUES ((SELECT id FROM legal_entities WHERE code = 'UK'), '2026-02-01', "
              "'2026-02-28', 'soft_closed')",
              {});
    auto session = signIn(*f.server, "consultant", "consultant password");
    LocalStore store;
    QVERIFY(store.openFor(f.server->baseUrl(), "consultant", dir->path()));
    SyncEngine engine(&store, session->api());
    engine.setEnabled(true);
    QVERIFY(round(&engine));

    TimesheetModel grid(&store);
    grid.setWeek(QDate(2026, 2, 9));
    const int row = grid.addRow(lake, build);
    const QModelIndex mon = grid.index(row, TimesheetModel::FirstDayColumn);
    QVERIFY(grid.setData(mon, "6"));
    QVERIFY(roundNow(&engine));

    QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 0);
    const auto entries = store.timeEntries(QDate(2026, 2, 9), QDate(2026, 2, 9));
    QCOMPARE(entries.size(), 1); // kept
    QCOMPARE(entries[0].hours, QString("6.00"));
    QCOMPARE(entries[0].syncState, SyncState::Rejected);
    QVERIFY2(entries[0].syncMessage.contains("closed", Qt::CaseInsensitive),
             qPrintable(entries[0].syncMessage));
    QCOMPARE(store.unsyncedCount(), 1);
    // Shown in the grid with the reason, and in the sync log in words.
    QCOMPARE(SyncState(mon.data(TimesheetModel::SyncStateRole).toInt()), SyncState::Rejected);
    QVERIFY(mon.data(Qt::ToolTipRole).toString().contains("closed", Qt::CaseInsensitive));
    QVERIFY(store.log().first().text.startsWith("Refused: 6.00 h on"));
    timesheet::SyncLogDialog log(&store, &engine);
    QTreeWidgetItem *top = log.list()->topLevelItem(0);
    QVERIFY(top);
    QCOMPARE(top->text(1), QString("Refused"));
    QVERIFY(top->text(2).contains("Data lake / Build"));
    // Nothing is retried by itself: the next round leaves it alone.
    QVERIFY(roundNow(&engine));
    QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 0);
    QCOMPARE(store.timeEntries(QDate(2026, 2, 9), QDate(2026, 2, 9)).size(), 1);
}

void TestTimeSyncLive::overtakenChangeIsAConflictUntilResolved()
{
    auto session = signIn(*f.server, "consultant", "consultant password");
    LocalStore store;
    QVERIFY(store.openFor(f.server->baseUrl(), "consultant", dir->path()));
    SyncEngine engine(&store, session->api());
    engine.setEnabled(true);
    QVERIFY(round(&engine));
    const QDate monday = TimeFixture::lastMonday();
    TimesheetModel grid(&store);
    grid.setWeek(monday);
    const int row = grid.addRow(lake, build);
    QVERIFY(grid.setData(grid.index(row, TimesheetModel::FirstDayColumn), "4"));
    QVERIFY(roundNow(&engine));
    const QUuid id =
        grid.index(row, TimesheetModel::FirstDayColumn).data(TimesheetModel::EntryIdRole).toUuid();
    const QString sid = id.toString(QUuid::WithoutBraces);

    // Meanwhile, on another computer, the same entry becomes 5 h (version 2) …
    auto other = f.client("consultant", "consultant password");
    QJsonObject body = TimeFixture::entryBody(lake, build, monday.toString(Qt::ISODate), "5");
    body.insert("version", 1);
    QCOMPARE(TimeFixture::putEntry(*other, sid, body).status, 200);
    // … while this one, offline from the server's point of view, makes it 3 h on version 1.
    engine.setEnabled(false);
    QVERIFY(grid.setData(grid.index(row, TimesheetModel::FirstDayColumn), "3"));
    engine.setEnabled(true);
    QVERIFY(round(&engine));

    auto local = store.timeEntry(id);
    QCOMPARE(local->syncState, SyncState::Conflict);
    QCOMPARE(local->hours, QString("3.00"));                                // mine kept
    QCOMPARE(local->serverCopy.value("hours").toString(), QString("5.00")); // theirs beside it
    QCOMPARE(f.text("SELECT hours::text FROM time_entries WHERE id = ?::uuid", {sid}),
             QString("5.00"));

    // Keep mine as a new entry: both end up on the server.
    const QUuid mine = store.keepMineAsNew(id);
    QVERIFY(!mine.isNull());
    QVERIFY(roundNow(&engine));
    QCOMPARE(store.unsyncedCount(), 0);
    QCOMPARE(f.text("SELECT hours::text FROM time_entries WHERE id = ?::uuid",
                    {mine.toString(QUuid::WithoutBraces)}),
             QString("3.00"));
    QCOMPARE(f.text("SELECT sum(hours)::text FROM time_entries"), QString("8.00"));
    grid.reload();
    QCOMPARE(grid.index(row, TimesheetModel::FirstDayColumn).data().toString(), QString("8.00"));
}

void TestTimeSyncLive::expenseWithReceiptAndDeletedHoursSync()
{
    const qint64 taxi = f.scalar("INSERT INTO expense_categories (legal_entity_id, code, name) "
                                 "SELECT id, 'TAXI', 'Taxi' FROM legal_entities WHERE code = 'UK' "
                                 "RETURNING id");
    auto session = signIn(*f.server, "consultant", "consultant password");
    LocalStore store;
    QVERIFY(store.openFor(f.server->baseUrl(), "consultant", dir->path()));
    SyncEngine engine(&store, session->api());
    engine.setEnabled(true);
    QVERIFY(round(&engine));
    QCOMPARE(store.categories().size(), 1); // expense categories come with the reference

    // An expense with its receipt, saved offline-first; the receipt follows the expense.
    Expense x;
    x.expenseDate = TimeFixture::lastMonday();
    x.categoryId = taxi;
    x.projectId = lake;
    x.description = "Taxi to the client";
    x.amount = "23.40";
    x.currency = "GBP";
    QVERIFY2(store.saveExpense(x), qPrintable(store.errorString()));
    QByteArray png = QByteArray::fromHex("89504e470d0a1a0a");
    png.append(QByteArray(200, 'x'));
    QUuid receipt;
    QVERIFY(store.attachReceipt(x.id, "taxi.png", "image/png", png, &receipt));
    QCOMPARE(store.unsyncedCount(), 2);
    QVERIFY(roundNow(&engine));
    const QString xid = x.id.toString(QUuid::WithoutBraces);
    QCOMPARE(f.text("SELECT amount::text FROM expenses WHERE id = ?::uuid", {xid}),
             QString("23.4000"));
    QCOMPARE(f.scalar("SELECT size_bytes FROM expense_receipts WHERE id = ?::uuid AND "
                      "expense_id = ?::uuid",
                      {receipt.toString(QUuid::WithoutBraces), xid}),
             qint64(png.size()));
    QCOMPARE(store.unsyncedCount(), 0);

    // Hours cleared in the grid are deleted on the server once it acknowledges.
    TimesheetModel grid(&store);
    grid.setWeek(TimeFixture::lastMonday());
    const int row = grid.addRow(lake, build);
    const QModelIndex mon = grid.index(row, TimesheetModel::FirstDayColumn);
    QVERIFY(grid.setData(mon, "5"));
    QVERIFY(roundNow(&engine));
    const QString eid =
        mon.data(TimesheetModel::EntryIdRole).toUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(f.text("SELECT status FROM time_entries WHERE id = ?::uuid", {eid}), QString("draft"));
    QVERIFY(grid.setData(mon, ""));
    QVERIFY(store.timeEntry(QUuid::fromString(eid))); // kept, marked, until acknowledged
    QVERIFY(roundNow(&engine));
    QCOMPARE(f.text("SELECT status FROM time_entries WHERE id = ?::uuid", {eid}),
             QString("deleted"));
    QVERIFY(!store.timeEntry(QUuid::fromString(eid)));
    QCOMPARE(store.unsyncedCount(), 0);
}

void TestTimeSyncLive::startsOfflineWithTheCachedIdentity()
{
    QTemporaryDir home;
    Settings settings{home.filePath("keel.ini")};
    Translations translations;
    TokenStore tokens{QStringLiteral("keel-test")};
    const QUrl url = f.server->baseUrl();
    {
        // One sign-in while connected caches the identity.
        AppController first{&settings, &translations, &tokens};
        first.setOfflineDirectory(dir->path());
        QSignalSpy shown(&first, &AppController::windowShown);
        CommandLine cl;
        cl.server = url;
        cl.user = "consultant";
        cl.password = "consultant password";
        first.start(cl);
        QVERIFY(shown.wait(10000));
        QVERIFY(first.mainWindow() && first.mainWindow()->isVisible());
        QCOMPARE(first.localStore()->cachedIdentity().value("username").toString(),
                 QString("consultant"));
        QTRY_VERIFY_WITH_TIMEOUT(first.localStore()->projectName(lake) == "Data lake", 10000);
    }

    // The server is down at start: the main window opens offline on Time & Expenses.
    const int port = url.port();
    f.server->stop();
    AppController controller{&settings, &translations, &tokens};
    controller.setOfflineDirectory(dir->path());
    QSignalSpy shown(&controller, &AppController::windowShown);
    CommandLine cl;
    cl.server = url;
    cl.user = "consultant";
    cl.password = "consultant password";
    controller.start(cl);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             20000);
    MainWindow *window = controller.mainWindow();
    QVERIFY(controller.session()->isOfflineMode());
    QCOMPARE(window->workspaceIds(), QStringList{"time"});
    QCOMPARE(window->currentWorkspaceId(), QString("time"));
    QVERIFY(window->statusBar()->findChild<QLabel *>("onlineStatus")->text().contains("Offline"));
    QVERIFY(window->timePage());

    // Hours typed offline.
    timesheet::TimesheetPage *sheet = window->timePage()->timesheet();
    sheet->showWeek(TimeFixture::lastMonday());
    const int row = sheet->model()->addRow(lake, build);
    QVERIFY(
        sheet->model()->setData(sheet->model()->index(row, TimesheetModel::FirstDayColumn), "7.5"));
    QCOMPARE(window->syncStatusText(), QString("1 unsynced change"));

    // Reconnection: no remembered token, so the login asks for the password once.
    controller.session()->setHealthInterval(200);
    f.server->config().port = quint16(port);
    f.server->start();
    QTRY_VERIFY_WITH_TIMEOUT(controller.loginDialog() && controller.loginDialog()->isVisible(),
                             15000);
    LoginDialog *login = controller.loginDialog();
    QCOMPARE(login->userName(), QString("consultant"));
    login->findChild<QLineEdit *>("passwordEdit")->setText("consultant password");
    QTest::mouseClick(login->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isSignedIn(), 10000);
    QVERIFY(!controller.session()->isOfflineMode());
    QTRY_COMPARE_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM time_entries"), qint64(1), 15000);
    QCOMPARE(f.text("SELECT hours::text FROM time_entries"), QString("7.50"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.mainWindow()->syncStatusText(),
                              QString("All changes synced"), 10000);
}

void TestTimeSyncLive::workOfflineFromTheLoginDialog()
{
    QTemporaryDir home;
    Settings settings{home.filePath("keel.ini")};
    Translations translations;
    TokenStore tokens{QStringLiteral("keel-test")};
    const QUrl url = f.server->baseUrl();
    {
        AppController first{&settings, &translations, &tokens};
        first.setOfflineDirectory(dir->path());
        first.start(CommandLine{});
        QTRY_VERIFY_WITH_TIMEOUT(first.loginDialog() && first.loginDialog()->isVisible(), 5000);
        // Nobody has worked here yet: nothing to work offline with.
        QVERIFY(!first.loginDialog()->isOfflineAvailable());
        first.loginDialog()->setServerUrl(url);
        first.loginDialog()->setUserName("consultant");
        first.loginDialog()->setPassword("consultant password");
        first.loginDialog()->signIn();
        QTRY_VERIFY_WITH_TIMEOUT(first.mainWindow() && first.mainWindow()->isVisible(), 10000);
    }
    f.server->stop();
    AppController controller{&settings, &translations, &tokens};
    controller.setOfflineDirectory(dir->path());
    controller.start(CommandLine{});
    QTRY_VERIFY_WITH_TIMEOUT(controller.loginDialog() && controller.loginDialog()->isVisible(),
                             5000);
    LoginDialog *login = controller.loginDialog();
    QCOMPARE(login->userName(), QString("consultant"));
    auto *offline = login->findChild<QPushButton *>("workOfflineButton");
    QVERIFY(offline && offline->isVisible());
    QTest::mouseClick(offline, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(), 5000);
    QVERIFY(!login->isVisible());
    QVERIFY(controller.session()->isOfflineMode());
    QCOMPARE(controller.mainWindow()->currentWorkspaceId(), QString("time"));
    QCOMPARE(controller.session()->user().username, QString("consultant"));
}

// Pictures for the docs when asked (KEEL_SCREENSHOT_DIR): the weekly grid online with
// approved, submitted, rejected and draft hours, then the same client started offline.
void TestTimeSyncLive::screenshots()
{
    const QString shots = qEnvironmentVariable("KEEL_SCREENSHOT_DIR");
    if (shots.isEmpty())
        QSKIP("KEEL_SCREENSHOT_DIR not set");
    QFile qss(QStringLiteral(KEEL_SOURCE_DIR "/resources/style/keel.qss"));
    QVERIFY(qss.open(QIODevice::ReadOnly));
    qApp->setStyleSheet(QString::fromUtf8(qss.readAll()));
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(KEEL_SOURCE_DIR "/installer/icons/keel-64.png")));

    db::query(f.db->sql(), "UPDATE users SET display_name = 'Cora Consultant' WHERE id = ?",
              {f.consultantId});
    db::query(f.db->sql(), "UPDATE projects SET name = 'Data lake migration' WHERE id = ?", {lake});
    const qint64 testing = f.task(lake, "Testing");
    const qint64 portal = f.project(f.pm2Id, "Customer portal");
    const qint64 design = f.task(portal, "UX design");
    const qint64 internal = f.project(f.pmId, "Internal: training");
    const qint64 course = f.task(internal, "Cloud certification", false);
    db::query(f.db->sql(),
              "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
              "hours_per_week, kind) VALUES (?, ?, '2026-01-01', '2027-12-31', 16, 'hard')",
              {f.consultantEmployee, portal});

    // This week: Monday and Tuesday submitted; the PM approves Monday and rejects one line.
    const QDate monday = TimesheetModel::mondayOf(QDate::currentDate());
    auto me = f.client("consultant", "consultant password");
    auto put = [&](qint64 p, qint64 t, int day, const char *h, const QString &notes = "work") {
        return TimeFixture::putEntry(*me, TimeFixture::newId(),
                                     TimeFixture::entryBody(
                                         p, t, monday.addDays(day).toString(Qt::ISODate), h, notes))
            .json();
    };
    const QJsonObject m1 = put(lake, build, 0, "6", "Ingestion jobs");
    const QJsonObject m2 = put(portal, design, 0, "2", "Wireframes review");
    const QJsonObject t1 = put(lake, testing, 1, "4.5", "Regression suite");
    const QJsonObject t2 = put(portal, design, 1, "3.5", "Workshop");
    QCOMPARE(TimeFixture::submitWeek(*me, monday).status, 200);
    // Decided on the versions the inboxes show (submitting moved them on).
    auto current = [](HttpClient &http, const QJsonObject &entry) {
        const QJsonArray items = http.get("/api/v1/time/approvals").json().value("items").toArray();
        for (const QJsonValue &v : items)
            if (v.toObject().value("id") == entry.value("id"))
                return TimeFixture::line(v.toObject());
        return QJsonObject();
    };
    auto pm = f.client("pm", "pm password");
    QCOMPARE(TimeFixture::decide(*pm, "approve", {current(*pm, m1), current(*pm, t1)}).status, 200);
    auto pm2 = f.client("pm2", "pm2 password");
    QCOMPARE(TimeFixture::decide(*pm2, "reject", {current(*pm2, t2)},
                                 "Please book the workshop on the Discovery task")
                 .status,
             200);
    Q_UNUSED(m2);

    QTemporaryDir home;
    Settings settings{home.filePath("keel.ini")};
    Translations translations;
    TokenStore tokens{QStringLiteral("keel-test")};
    const QUrl url = f.server->baseUrl();
    {
        AppController online{&settings, &translations, &tokens};
        online.setOfflineDirectory(dir->path());
        CommandLine cl;
        cl.server = url;
        cl.user = "consultant";
        cl.password = "consultant password";
        online.start(cl);
        QTRY_VERIFY_WITH_TIMEOUT(online.mainWindow() && online.mainWindow()->isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(online.localStore()->timeEntries(monday, monday).size() == 2,
                                 10000);
        MainWindow *w = online.mainWindow();
        w->resize(1320, 640);
        timesheet::TimesheetPage *sheet = w->timePage()->timesheet();
        sheet->showWeek(monday);
        TimesheetModel *m = sheet->model();
        // Wednesday typed in the grid, with a note; a training row added from the menu.
        const int lakeBuild = m->rowOf({lake, build});
        QVERIFY2(m->setData(m->index(lakeBuild, TimesheetModel::FirstDayColumn + 2), "7.5"),
                 qPrintable(m->errorString() + " row " + QString::number(lakeBuild)));
        QVERIFY(m->setNote(m->index(lakeBuild, TimesheetModel::FirstDayColumn + 2),
                           "Cut-over rehearsal"));
        sheet->addRow(internal, course);
        QVERIFY(m->setData(
            m->index(m->rowOf({internal, course}), TimesheetModel::FirstDayColumn + 2), "1"));
        QTRY_COMPARE_WITH_TIMEOUT(w->syncStatusText(), QString("All changes synced"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!online.syncEngine()->isSyncing(), 10000);
        QVERIFY(roundNow(online.syncEngine())); // the pull names the project of the new row
        sheet->grid()->setFocus();
        sheet->grid()->setCurrentIndex(
            m->index(m->rowOf({portal, design}), TimesheetModel::FirstDayColumn + 1));
        QTest::qWait(200);
        QVERIFY(w->grab().save(QDir(shots).filePath("time-timesheet.png")));
    }

    // Offline: the server is gone, the client starts from its cache; Thursday is typed in.
    f.server->stop();
    AppController offline{&settings, &translations, &tokens};
    offline.setOfflineDirectory(dir->path());
    CommandLine cl;
    cl.server = url;
    cl.user = "consultant";
    cl.password = "consultant password";
    offline.start(cl);
    QTRY_VERIFY_WITH_TIMEOUT(offline.mainWindow() && offline.mainWindow()->isVisible(), 20000);
    MainWindow *w = offline.mainWindow();
    w->resize(1320, 640);
    timesheet::TimesheetPage *sheet = w->timePage()->timesheet();
    sheet->showWeek(monday);
    TimesheetModel *m = sheet->model();
    QVERIFY(m->setData(m->index(m->rowOf({lake, build}), TimesheetModel::FirstDayColumn + 3), "6"));
    QVERIFY(
        m->setData(m->index(m->rowOf({portal, design}), TimesheetModel::FirstDayColumn + 3), "2"));
    sheet->submitWeek();
    sheet->grid()->setFocus();
    sheet->grid()->setCurrentIndex(
        m->index(m->rowOf({portal, design}), TimesheetModel::FirstDayColumn + 3));
    QTest::qWait(200);
    QVERIFY(w->grab().save(QDir(shots).filePath("time-offline.png")));
}

QTEST_MAIN(TestTimeSyncLive)
#include "tst_time_sync_live.moc"
