// Approve time and missing time against a live keel-server (in-process, fresh database per
// test): a project manager sees the submitted lines of their own projects only, ticks several,
// sees the hours total, approves them at once, rejects one with a comment the consultant then
// reads on the server; a decision on lines someone else decided meanwhile is refused and
// explained in words.
#include "http_client.h"
#include "missing_time_model.h"
#include "session.h"
#include "time_approval_model.h"
#include "timeapproval/missing_time_page.h"
#include "timeapproval/time_approval_page.h"
#include "tst_time_fixture.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QMap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::timeapproval;

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

bool loaded(TimeApprovalModel *model)
{
    QSignalSpy spy(model, &TimeApprovalModel::pageLoaded);
    return spy.wait(10000);
}

int rowOfDate(TimeApprovalModel *m, const QString &date)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->line(r).value("work_date").toString() == date)
            return r;
    return -1;
}
} // namespace

class TestTimeApprovalLive : public QObject
{
    Q_OBJECT
    TimeFixture f;
    qint64 alpha = 0, beta = 0, build = 0, betaTask = 0;
    QJsonObject entries[5]; // Alpha day 0..3, Beta day 0

private slots:
    void init()
    {
        f.setUpTime(QTest::currentTestFunction());
        alpha = f.project(f.pmId, "Alpha platform");
        beta = f.project(f.pm2Id, "Beta rollout");
        build = f.task(alpha, "Build");
        betaTask = f.task(beta, "Rollout");
        // Assigned to Alpha for Monday to Wednesday only: Thursday's hours are outside.
        db::query(f.db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, ?, ?, 40, 'hard')",
                  {f.consultantEmployee, alpha, TimeFixture::day(0), TimeFixture::day(2)});
        db::query(f.db->sql(), "UPDATE users SET display_name = 'Cora Consultant' WHERE id = ?",
                  {f.consultantId});
        auto me = f.client("consultant", "consultant password");
        const char *hours[] = {"8", "7.5", "6.25", "4"};
        for (int d = 0; d < 4; ++d)
            entries[d] = TimeFixture::enter(*me, alpha, build, TimeFixture::day(d), hours[d]);
        entries[4] = TimeFixture::enter(*me, beta, betaTask, TimeFixture::day(0), "1");
        const HttpResult r = TimeFixture::submitWeek(*me, TimeFixture::lastMonday());
        if (r.status != 200)
            qWarning() << "submit" << r.status << r.body;
    }
    void cleanup() { f.tearDown(); }

    void pmApprovesSeveralRejectsOneSecondDecisionExplained();
    void filtersByWeekAndPerson();
    void missingTimeListsUnsubmittedWeeks();
};

void TestTimeApprovalLive::pmApprovesSeveralRejectsOneSecondDecisionExplained()
{
    auto session = signIn(*f.server, "pm", "pm password");
    TimeApprovalPage page(session.get());
    page.resize(1180, 640);
    page.show();
    TimeApprovalModel *m = page.model();
    QVERIFY(loaded(m));

    // Only the lines of the project the PM manages; Beta's hour belongs to pm2.
    QCOMPARE(m->rowCount(), 4);
    for (int r = 0; r < m->rowCount(); ++r)
        QCOMPARE(m->line(r).value("project_name").toString(), QString("Alpha platform"));
    QCOMPARE(m->loadedHours().toString(2), QString("25.75"));
    QVERIFY(m->allLoaded());

    // Thursday is outside the assignment: highlighted, and the tooltip says why.
    const int thu = rowOfDate(m, TimeFixture::day(3));
    QVERIFY(thu >= 0);
    QCOMPARE(m->index(thu, 0).data(TimeApprovalModel::OutsideAssignmentRole).toBool(), true);
    const QString why =
        m->index(thu, TimeApprovalModel::HoursColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(why.contains("assignment"), qPrintable(why));
    QCOMPARE(m->index(rowOfDate(m, TimeFixture::day(0)), 0)
                 .data(TimeApprovalModel::OutsideAssignmentRole)
                 .toBool(),
             false);

    // Nothing ticked: nothing to decide.
    auto *approve = page.findChild<QPushButton *>("approveButton");
    auto *reject = page.findChild<QPushButton *>("rejectButton");
    QVERIFY(approve && reject);
    QVERIFY(!approve->isEnabled());

    // A second PM window loaded the same lines before anything was decided.
    auto session2 = signIn(*f.server, "pm", "pm password");
    TimeApprovalPage stale(session2.get());
    stale.show();
    QVERIFY(loaded(stale.model()));
    QCOMPARE(stale.model()->rowCount(), 4);

    // Tick Monday to Wednesday: select the rows and press Space, like a keyboard user.
    page.view()->setFocus();
    page.view()->clearSelection();
    for (int d = 0; d < 3; ++d)
        page.view()->selectionModel()->select(m->index(rowOfDate(m, TimeFixture::day(d)), 0),
                                              QItemSelectionModel::Select |
                                                  QItemSelectionModel::Rows);
    QTest::keyClick(page.view(), Qt::Key_Space);
    QCOMPARE(m->checkedCount(), 3);
    QCOMPARE(m->checkedHours().toString(2), QString("21.75"));
    QVERIFY2(page.selectionSummary().contains("21.75"), qPrintable(page.selectionSummary()));
    QVERIFY(approve->isEnabled());

    QSignalSpy decided(m, &TimeApprovalModel::decided);
    approve->click();
    QVERIFY(decided.wait(10000));
    QCOMPARE(decided.first().at(1).toInt(), 3);
    if (m->isLoading() || m->rowCount() != 1)
        QVERIFY(loaded(m));
    QCOMPARE(m->rowCount(), 1); // the list refreshed: only Thursday waits
    QVERIFY(page.message().contains("3 lines approved"));
    for (int d = 0; d < 3; ++d)
        QCOMPARE(f.status(entries[d].value("id").toString()), QString("approved"));

    // The stale window decides Monday (already approved) with Thursday: all or nothing, refused
    // and explained, Thursday untouched.
    TimeApprovalModel *sm = stale.model();
    sm->setChecked(rowOfDate(sm, TimeFixture::day(0)), true);
    sm->setChecked(rowOfDate(sm, TimeFixture::day(3)), true);
    QSignalSpy failed(sm, &TimeApprovalModel::decisionFailed);
    stale.approveChecked();
    QVERIFY(failed.wait(10000));
    const int status = failed.first().at(0).toInt();
    QVERIFY2(status == 409 || status == 412, qPrintable(QString::number(status)));
    const QString explained = stale.message();
    QVERIFY2(explained.contains("Nothing was decided") &&
                 explained.contains("someone else", Qt::CaseInsensitive),
             qPrintable(explained));
    QCOMPARE(f.status(entries[3].value("id").toString()), QString("submitted"));
    if (sm->isLoading() || sm->rowCount() != 1)
        QVERIFY(loaded(sm));
    QCOMPARE(sm->rowCount(), 1); // reloaded: what is still open

    // Reject needs a comment; without one nothing is sent.
    m->setChecked(0, true);
    QSignalSpy refused(m, &TimeApprovalModel::decisionFailed);
    page.rejectChecked("   ");
    QCOMPARE(refused.count(), 1);
    QCOMPARE(f.status(entries[3].value("id").toString()), QString("submitted"));

    const QString comment = "Thursday was a Beta day; book it there please.";
    decided.clear();
    page.rejectChecked(comment);
    QVERIFY(decided.wait(10000));
    QCOMPARE(decided.first().at(0).toBool(), false);
    QCOMPARE(f.status(entries[3].value("id").toString()), QString("rejected"));

    // The consultant reads the reason on their line.
    auto me = f.client("consultant", "consultant password");
    const HttpResult r =
        me->get("/api/v1/time/entries?from=" + TimeFixture::day(3) + "&to=" + TimeFixture::day(3));
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json().value("items").toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value("status").toString(), QString("rejected"));
    QCOMPARE(items.at(0).toObject().value("rejection_reason").toString(), comment);
    if (m->isLoading() || m->rowCount() != 0)
        QVERIFY(loaded(m));
    QCOMPARE(m->rowCount(), 0);
}

void TestTimeApprovalLive::filtersByWeekAndPerson()
{
    auto session = signIn(*f.server, "pm", "pm password");
    // In a tab, as the Time & Expenses workspace shows it: the tab says how many lines wait,
    // before the PM ever opens it.
    QTabWidget tabs;
    tabs.addTab(new QWidget, "My timesheet");
    auto *pagePtr = new TimeApprovalPage(session.get());
    tabs.addTab(pagePtr, "Approve time");
    QVERIFY(loaded(pagePtr->model()));
    QCOMPARE(tabs.tabText(1), QString("Approve time (4)"));
    TimeApprovalPage &page = *pagePtr;
    page.resize(1180, 640);
    page.show();
    QCOMPARE(page.model()->rowCount(), 4);

    page.setWeekFilter(TimeFixture::lastMonday().addDays(-7).toString(Qt::ISODate));
    QVERIFY(loaded(page.model()));
    QCOMPARE(page.model()->rowCount(), 0);
    page.setWeekFilter(TimeFixture::lastMonday().toString(Qt::ISODate));
    QVERIFY(loaded(page.model()));
    QCOMPARE(page.model()->rowCount(), 4);
    page.setEmployeeFilter(QString::number(f.consultantEmployee));
    QVERIFY(loaded(page.model()));
    QCOMPARE(page.model()->rowCount(), 4);
    page.setProjectFilter(QString::number(beta)); // not theirs: nothing
    QVERIFY(loaded(page.model()));
    QCOMPARE(page.model()->rowCount(), 0);
    page.setProjectFilter(QString::number(alpha));
    QVERIFY(loaded(page.model()));
    QCOMPARE(page.model()->rowCount(), 4);

    // "Tick all matching" loads what is left and ticks it; small pages force several loads.
    page.model()->setPageSize(1);
    page.reload();
    QVERIFY(loaded(page.model()));
    QCOMPARE(page.model()->rowCount(), 1);
    QSignalSpy checked(page.model(), &TimeApprovalModel::checkedChanged);
    page.model()->checkAllMatching(true);
    QTRY_VERIFY2_WITH_TIMEOUT(page.model()->checkedCount() == 4,
                              qPrintable(page.model()->lastError()), 10000);
    QCOMPARE(page.model()->checkedHours().toString(2), QString("25.75"));

    // Screenshot for the docs when asked (KEEL_SCREENSHOT_DIR), with two more people's weeks.
    const QString dir = qEnvironmentVariable("KEEL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        const qint64 design = f.task(alpha, "Data model");
        for (const auto &[user, name] :
             {std::pair{"ines", "Ines Okafor"}, std::pair{"tomas", "Tomás Berg"}}) {
            const qint64 uid =
                f.server->createUser(user, "pw for screenshots", {{"consultant", "UK"}});
            db::query(f.db->sql(), "UPDATE users SET display_name = ? WHERE id = ?",
                      {QString::fromUtf8(name), uid});
            const qint64 emp = f.employee(uid, "58.00");
            db::query(f.db->sql(),
                      "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                      "hours_per_week, kind) VALUES (?, ?, ?, ?, 40, 'hard')",
                      {emp, alpha, TimeFixture::day(0), TimeFixture::day(6)});
            auto http = f.client(user, "pw for screenshots");
            const char *hours[] = {"7.5", "8", "6", "8", "5.5"};
            for (int d = 0; d < 5; ++d) {
                QJsonObject body = TimeFixture::entryBody(
                    alpha, d % 2 ? design : build, TimeFixture::day(d), hours[d],
                    d % 2 ? "Schema review with the client" : "Pipeline build and tests");
                TimeFixture::putEntry(*http, TimeFixture::newId(), body);
            }
            TimeFixture::submitWeek(*http, TimeFixture::lastMonday());
        }
        page.model()->setPageSize(200);
        page.setEmployeeFilter(QString());
        QVERIFY(loaded(page.model()));
        page.setWeekFilter(QString());
        QVERIFY(loaded(page.model()));
        page.setProjectFilter(QString());
        QVERIFY(loaded(page.model()));
        page.model()->checkAllMatching(false);
        for (int r = 0; r < page.model()->rowCount(); ++r)
            if (page.model()->line(r).value("employee_name").toString() == "Ines Okafor")
                page.model()->setChecked(r, true);
        page.view()->clearSelection();
        page.resize(1180, 720);
        QTest::qWait(100);
        QVERIFY(page.grab().save(QDir(dir).filePath("time-approvals.png")));
    }
}

void TestTimeApprovalLive::missingTimeListsUnsubmittedWeeks()
{
    auto session = signIn(*f.server, "pm", "pm password");
    MissingTimePage page(session.get());
    page.resize(900, 500);
    page.show();
    MissingTimeModel *m = page.model();
    QSignalSpy loadedSpy(m, &MissingTimeModel::loaded);
    // Two weeks: the one before last was never submitted, last week was.
    const QDate from = TimeFixture::lastMonday().addDays(-7);
    page.setPeriod(from, TimeFixture::lastMonday().addDays(6));
    QTRY_VERIFY_WITH_TIMEOUT(!loadedSpy.isEmpty() && !m->isLoading(), 10000);
    QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
    QMap<QString, QJsonObject> weeks; // the consultant's, by Monday
    for (int r = 0; r < m->rowCount(); ++r) {
        const QJsonObject w = m->week(r);
        if (w.value("employee_id").toVariant().toString() == QString::number(f.consultantEmployee))
            weeks.insert(w.value("week_start").toString(), w);
    }
    // The week before last: nothing entered, not submitted.
    const QJsonObject never = weeks.value(from.toString(Qt::ISODate));
    QCOMPARE(never.value("submitted").toBool(), false);
    QCOMPARE(never.value("entered_hours").toString(), QString("0.00"));
    QCOMPARE(never.value("expected_hours").toString(), QString("40.00"));
    // Last week was submitted with 26.75 of 40 hours: short.
    const QJsonObject shortWeek = weeks.value(TimeFixture::lastMonday().toString(Qt::ISODate));
    QCOMPARE(shortWeek.value("submitted").toBool(), true);
    QCOMPARE(shortWeek.value("entered_hours").toString(), QString("26.75"));
    const QString reminders = page.copyReminderList();
    QVERIFY2(reminders.contains("not submitted"), qPrintable(reminders));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The client's own look for screenshots (main.cpp loads the same file from resources).
    if (QFile qss(QStringLiteral(KEEL_SOURCE_DIR "/resources/style/keel.qss"));
        qss.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
    TestTimeApprovalLive test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_time_approval_live.moc"
