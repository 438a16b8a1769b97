// The weekly grid from the keyboard only (offscreen, local store, no server): type hours, Tab
// along the days, Enter down, arrows, Delete; totals per row, day and week exact to the cent;
// a note per cell; rejected and conflicting cells marked with the reason.
#include "local_store.h"
#include "time/timesheet_page.h"
#include "time/timesheet_view.h"
#include "timesheet_model.h"

#include <QApplication>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace keel::offline;
using keel::timesheet::TimesheetPage;

namespace {
const QDate Monday(2026, 11, 23);
}

class TestTimeTimesheet : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void parseHours();
    void typeHoursWithTabAndEnter();
    void typingReplacesAndDeleteClears();
    void totalsAreExact();
    void refusesMoreThan24HoursADay();
    void noteFromTheKeyboard();
    void weekNavigationAndCopyLastWeek();
    void rejectedAndConflictCellsAreMarked();
    void submittedCellsAreReadOnly();
    void reminderOnFridayAfternoon();

private:
    void type(const QString &text);
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier);
    QString cell(int row, int day) const;
    QTemporaryDir *m_dir = nullptr;
    LocalStore *m_store = nullptr;
    TimesheetPage *m_page = nullptr;
};

void TestTimeTimesheet::init()
{
    m_dir = new QTemporaryDir;
    m_store = new LocalStore;
    QVERIFY(m_store->open(m_dir->filePath("t.sqlite")));
    QVERIFY(m_store->setReference(QJsonObject{
        {"projects", QJsonArray{QJsonObject{{"id", "7"}, {"name", "Apollo rollout"}},
                                QJsonObject{{"id", "8"}, {"name", "Borealis audit"}}}},
        {"tasks",
         QJsonArray{QJsonObject{{"id", "70"}, {"project_id", "7"}, {"name", "Build"}},
                    QJsonObject{{"id", "80"}, {"project_id", "8"}, {"name", "Fieldwork"}}}},
        {"assignments", QJsonArray{QJsonObject{{"project_id", "7"}}}}}));
    m_page = new TimesheetPage(m_store, nullptr);
    m_page->resize(1100, 600);
    m_page->showWeek(Monday);
    m_page->addRow(7, 70);
    m_page->addRow(8, 80);
    m_page->show();
    QApplication::setActiveWindow(m_page);
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_page->grid()->setFocus();
    m_page->grid()->setCurrentIndex(m_page->model()->index(0, TimesheetModel::FirstDayColumn));
}

void TestTimeTimesheet::cleanup()
{
    delete m_page;
    delete m_store;
    delete m_dir;
}

void TestTimeTimesheet::type(const QString &text)
{
    for (const QChar c : text) {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClick(target, c.toLatin1());
    }
}

void TestTimeTimesheet::key(Qt::Key k, Qt::KeyboardModifiers m)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClick(target, k, m);
    // The delegate commits Enter through a queued call.
    QCoreApplication::processEvents();
}

QString TestTimeTimesheet::cell(int row, int day) const
{
    return m_page->model()->index(row, TimesheetModel::FirstDayColumn + day).data().toString();
}

void TestTimeTimesheet::parseHours()
{
    QCOMPARE(TimesheetModel::parseHours("7.5")->toString(2), QString("7.50"));
    QCOMPARE(TimesheetModel::parseHours("7,25")->toString(2), QString("7.25"));
    QCOMPARE(TimesheetModel::parseHours("7:30")->toString(2), QString("7.50"));
    QCOMPARE(TimesheetModel::parseHours(".5")->toString(2), QString("0.50"));
    QVERIFY(TimesheetModel::parseHours("")->isZero());
    QVERIFY(!TimesheetModel::parseHours("7.333"));
    QVERIFY(!TimesheetModel::parseHours("25"));
    QVERIFY(!TimesheetModel::parseHours("7:07")); // not a whole hundredth of an hour
    QVERIFY(!TimesheetModel::parseHours("abc"));
}

void TestTimeTimesheet::typeHoursWithTabAndEnter()
{
    // Apollo: Mon 7.5, Tab, Tue 8, Tab, Wed 7:30 (= 7.50), Enter -> saved, cursor goes down.
    type("7.5");
    key(Qt::Key_Tab);
    type("8");
    key(Qt::Key_Tab);
    type("7:30");
    key(Qt::Key_Return);
    QCOMPARE(cell(0, 0), QString("7.50"));
    QCOMPARE(cell(0, 1), QString("8.00"));
    QCOMPARE(cell(0, 2), QString("7.50"));
    QCOMPARE(m_page->grid()->currentIndex().row(), 1);
    QCOMPARE(m_page->grid()->currentIndex().column(), TimesheetModel::FirstDayColumn + 2);
    // Borealis: Wed 0.25, then left arrow to Tue and type 1.
    type("0.25");
    key(Qt::Key_Return);
    QCOMPARE(m_page->grid()->currentIndex().row(), 1); // last entry row: stays
    key(Qt::Key_Left);
    type("1");
    key(Qt::Key_Tab); // Tab from Tue commits and goes to Wed
    QCOMPARE(m_page->grid()->currentIndex().column(), TimesheetModel::FirstDayColumn + 2);
    QCOMPARE(cell(1, 1), QString("1.00"));
    QCOMPARE(cell(1, 2), QString("0.25"));

    // Everything is in the store, queued for the server, hours as decimal strings.
    const auto entries = m_store->timeEntries(Monday, Monday.addDays(6));
    QCOMPARE(entries.size(), 5);
    QCOMPARE(m_store->pendingOpCount(), 5);
    QStringList hours;
    for (const TimeEntry &e : entries)
        hours << QStringLiteral("%1 %2/%3 %4")
                     .arg(e.workDate.toString(Qt::ISODate))
                     .arg(e.projectId)
                     .arg(e.taskId)
                     .arg(e.hours);
    hours.sort();
    QCOMPARE(hours,
             QStringList({"2026-11-23 7/70 7.50", "2026-11-24 7/70 8.00", "2026-11-24 8/80 1.00",
                          "2026-11-25 7/70 7.50", "2026-11-25 8/80 0.25"}));
    // Totals: row, day, week.
    auto *m = m_page->model();
    QCOMPARE(m->index(0, TimesheetModel::TotalColumn).data().toString(), QString("23.00"));
    QCOMPARE(m->index(1, TimesheetModel::TotalColumn).data().toString(), QString("1.25"));
    const int totalRow = m->entryRowCount();
    QCOMPARE(m->index(totalRow, TimesheetModel::FirstDayColumn + 1).data().toString(),
             QString("9.00"));
    QCOMPARE(m->index(totalRow, TimesheetModel::TotalColumn).data().toString(), QString("24.25"));
}

void TestTimeTimesheet::typingReplacesAndDeleteClears()
{
    type("3");
    key(Qt::Key_Return);
    key(Qt::Key_Up);
    type("5"); // replaces, never appends to "3"
    key(Qt::Key_Return);
    QCOMPARE(cell(0, 0), QString("5.00"));
    QCOMPARE(m_store->timeEntries(Monday, Monday).size(), 1);
    key(Qt::Key_Up);
    key(Qt::Key_Delete);
    QCOMPARE(cell(0, 0), QString());
    // Never on the server: the entry and its queued save are simply gone.
    QVERIFY(m_store->timeEntries(Monday, Monday).isEmpty());
    QCOMPARE(m_store->pendingOpCount(), 0);
}

void TestTimeTimesheet::totalsAreExact()
{
    // Ten tenths are exactly one hour (in binary floating point they are not).
    for (int i = 0; i < 7; ++i) {
        type("0.1");
        key(Qt::Key_Tab);
    }
    for (int i = 0; i < 3; ++i) {
        type("0.1");
        key(Qt::Key_Tab);
    }
    auto *m = m_page->model();
    QCOMPARE(m->weekTotal().toString(2), QString("1.00"));
    QCOMPARE(m->index(0, TimesheetModel::TotalColumn).data().toString(), QString("0.70"));
    QCOMPARE(m->index(1, TimesheetModel::TotalColumn).data().toString(), QString("0.30"));
    QCOMPARE(m->index(m->entryRowCount(), TimesheetModel::TotalColumn).data().toString(),
             QString("1.00"));
}

void TestTimeTimesheet::refusesMoreThan24HoursADay()
{
    type("20");
    key(Qt::Key_Return);
    type("5");
    key(Qt::Key_Return);
    QCOMPARE(cell(1, 0), QString());
    QVERIFY(m_page->model()->errorString().contains("24"));
    QCOMPARE(m_store->timeEntries(Monday, Monday).size(), 1);
}

void TestTimeTimesheet::noteFromTheKeyboard()
{
    type("4");
    key(Qt::Key_Return);
    key(Qt::Key_Up);
    QTest::keyClick(m_page, Qt::Key_N, Qt::AltModifier); // the "&Note" label's buddy
    auto *note = m_page->findChild<QLineEdit *>("cellNote");
    QCOMPARE(QApplication::focusWidget(), note);
    type("Kick-off workshop");
    key(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), m_page->grid());
    const auto entries = m_store->timeEntries(Monday, Monday);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].notes, QString("Kick-off workshop"));
    QCOMPARE(m_page->model()->index(0, 1).data(TimesheetModel::NoteRole).toString(),
             QString("Kick-off workshop"));
    QVERIFY(m_page->model()->index(0, 1).data(Qt::ToolTipRole).toString().contains("Kick-off"));
}

void TestTimeTimesheet::weekNavigationAndCopyLastWeek()
{
    type("6");
    key(Qt::Key_Tab);
    type("2.5");
    key(Qt::Key_Tab);
    QTest::keyClick(m_page, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_page->model()->week(), Monday.addDays(7));
    QCOMPARE(m_page->model()->entryRowCount(), 0);
    m_page->copyLastWeek();
    QCOMPARE(m_page->model()->entryRowCount(), 1);
    QCOMPARE(cell(0, 0), QString("6.00"));
    QCOMPARE(cell(0, 1), QString("2.50"));
    // Copying again never doubles what is there.
    m_page->copyLastWeek();
    QCOMPARE(m_store->timeEntries(Monday.addDays(7), Monday.addDays(13)).size(), 2);
    QTest::keyClick(m_page, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_page->model()->week(), Monday);
}

void TestTimeTimesheet::rejectedAndConflictCellsAreMarked()
{
    type("8");
    key(Qt::Key_Tab);
    type("4");
    key(Qt::Key_Tab);
    const auto ops = m_store->pendingOps();
    QCOMPARE(ops.size(), 2);
    QVERIFY(m_store->applyRejected(ops[0].opId, "November 2026 is closed for time entry."));
    QVERIFY(m_store->applyConflict(ops[1].opId,
                                   QJsonObject{{"id", ops[1].id.toString(QUuid::WithoutBraces)},
                                               {"work_date", "2026-11-24"},
                                               {"project_id", "7"},
                                               {"task_id", "70"},
                                               {"hours", "3.00"},
                                               {"status", "draft"},
                                               {"version", 2}},
                                   "Changed on the server meanwhile."));
    auto *m = m_page->model();
    const QModelIndex mon = m->index(0, TimesheetModel::FirstDayColumn);
    const QModelIndex tue = m->index(0, TimesheetModel::FirstDayColumn + 1);
    QCOMPARE(SyncState(mon.data(TimesheetModel::SyncStateRole).toInt()), SyncState::Rejected);
    QVERIFY(mon.data(Qt::ToolTipRole).toString().contains("closed for time entry"));
    QCOMPARE(SyncState(tue.data(TimesheetModel::SyncStateRole).toInt()), SyncState::Conflict);
    QCOMPARE(tue.data().toString(), QString("4.00")); // mine stays visible
    // The cell panel offers the two choices; the keyboard user reaches them with Tab.
    m_page->grid()->setCurrentIndex(tue);
    auto *keepMine = m_page->findChild<QWidget *>("keepMine");
    QVERIFY(keepMine->isVisible());
    QMetaObject::invokeMethod(keepMine, "click");
    // Mine became a new draft entry beside the server's copy: 4 + 3 on Tuesday.
    QCOMPARE(tue.data().toString(), QString("7.00"));
    QCOMPARE(m_store->timeEntries(Monday.addDays(1), Monday.addDays(1)).size(), 2);

    // A draft the approver rejected shows the comment.
    const auto e = m_store->timeEntries(Monday, Monday).first();
    QVERIFY(m_store->takeServers(e.id)); // the closed-period refusal: drop it
    TimeEntry rejected;
    rejected.workDate = Monday.addDays(2);
    rejected.projectId = 7;
    rejected.taskId = 70;
    rejected.hours = "2";
    QVERIFY(m_store->saveTimeEntry(rejected));
    QVERIFY(m_store->applyApplied(m_store->pendingOps().last().opId, 1, {}));
    QJsonObject server = rejected.toFields();
    server.insert("id", rejected.id.toString(QUuid::WithoutBraces));
    server.insert("hours", "2.00");
    server.insert("status", "rejected");
    server.insert("rejection_reason", "Book this on the workshop task");
    server.insert("version", 3);
    QVERIFY(m_store->mergeServerTimeEntry(server));
    m->reload();
    const QModelIndex wed = m->index(0, TimesheetModel::FirstDayColumn + 2);
    QVERIFY(wed.data(TimesheetModel::ProblemRole).toString().contains("workshop task"));
    QVERIFY(wed.flags() & Qt::ItemIsEditable); // rejected hours can be corrected
}

void TestTimeTimesheet::submittedCellsAreReadOnly()
{
    type("8");
    key(Qt::Key_Return);
    const auto op = m_store->pendingOps().first();
    QVERIFY(m_store->applyApplied(op.opId, 1, {}));
    QJsonObject server = m_store->timeEntry(op.id)->toFields();
    server.insert("id", op.id.toString(QUuid::WithoutBraces));
    server.insert("status", "submitted");
    server.insert("version", 2);
    QVERIFY(m_store->mergeServerTimeEntry(server));
    m_page->model()->reload();
    const QModelIndex mon = m_page->model()->index(0, TimesheetModel::FirstDayColumn);
    QVERIFY(!(mon.flags() & Qt::ItemIsEditable));
    QVERIFY(!m_page->model()->setData(mon, "2"));
    QCOMPARE(mon.data().toString(), QString("8.00"));
}

void TestTimeTimesheet::reminderOnFridayAfternoon()
{
    type("8");
    key(Qt::Key_Return);
    m_page->setNow(QDateTime(Monday.addDays(4), QTime(10, 0)));
    QVERIFY(!m_page->bannerText().contains("missing"));
    m_page->setNow(QDateTime(Monday.addDays(4), QTime(15, 0)));
    QVERIFY2(m_page->bannerText().contains("32.00 hours are still missing"),
             qPrintable(m_page->bannerText()));
    m_page->showWeek(Monday.addDays(-7)); // another week: no reminder for this one
    QVERIFY(!m_page->bannerText().contains("missing"));
}

QTEST_MAIN(TestTimeTimesheet)
#include "tst_time_timesheet.moc"
