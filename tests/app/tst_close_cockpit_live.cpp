// The close cockpit (Finance → Close) against a live keel-server on a fresh database: the grid
// shows each entity's periods as the server holds them; the checklist's lights and counts are the
// server's, and an item's records are the ones behind its count; "Run all" follows the run to
// 100 %; a soft close from the client moves the period and a refused one names the red items;
// a finance user has no hard close, a controller closes; a hard-closed period refuses runs (423);
// a reopen request goes out with its reason.
#include "close/close_checklist_panel.h"
#include "close/close_records_dialog.h"
#include "close/close_reopen_dialog.h"
#include "close/close_tab.h"
#include "close_checklist_model.h"
#include "close_grid_model.h"
#include "close_records_model.h"
#include "close_run_job.h"
#include "finance/finance_page.h"
#include "finance_scope.h"
#include "tst_finance_live.h"
#include "tst_ledger_fixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QUuid>

using namespace keel;
using namespace keel::test;
using namespace keel::closing;

namespace {

// Answers the next modal dialog: Yes on a question, or `fill` then accept on another dialog.
void answerNextDialog(std::function<void(QDialog *)> fill = {}, int triesLeft = 100)
{
    QTimer::singleShot(30, qApp, [fill, triesLeft] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            box->button(QMessageBox::Yes)->click();
        } else if (auto *dialog = qobject_cast<QDialog *>(modal)) {
            if (fill)
                fill(dialog);
            dialog->accept();
        } else if (triesLeft > 0) {
            answerNextDialog(fill, triesLeft - 1);
        }
    });
}

} // namespace

class TestCloseCockpitLive : public QObject, public LedgerFixture
{
    Q_OBJECT

    void setPeriod(qint64 entity, const char *month, const char *status)
    {
        const QString start = QString::fromLatin1(month) + QStringLiteral("-01");
        db::query(db->sql(), "SELECT keel_ledger_ensure_periods(?, ?::date, ?::date)",
                  {entity, start, start});
        db::query(db->sql(),
                  "UPDATE accounting_periods SET status = ? WHERE legal_entity_id = ? AND "
                  "period_start = ?::date",
                  {QString::fromLatin1(status), entity, start});
    }

    // A month without a row is open.
    QString periodStatus(qint64 entity, const char *month)
    {
        return text("SELECT coalesce((SELECT status FROM accounting_periods WHERE "
                    "legal_entity_id = ? AND period_start = ?::date), 'open')",
                    {entity, QString::fromLatin1(month) + QStringLiteral("-01")});
    }

    // A submitted (unapproved) time entry of a new US employee on `date`: unapproved_time red.
    void submittedTime(const QString &date)
    {
        const qint64 user = scalar("INSERT INTO users (username, display_name, legal_entity_id) "
                                   "VALUES ('emp1', 'Erin Park', ?) RETURNING id",
                                   {us});
        const qint64 employee =
            scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                   "SELECT ?, ?, 'US', id FROM job_roles WHERE code = 'CONSULTANT' RETURNING id",
                   {user, us});
        db::query(
            db->sql(),
            "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
            "work_date, hours, billable, status) VALUES (?::uuid, ?, ?, ?, ?::date, 6.5, "
            "true, 'submitted')",
            {QUuid::createUuid().toString(QUuid::WithoutBraces), employee, us, project, date});
    }

    struct Cockpit
    {
        std::unique_ptr<Session> session;
        std::unique_ptr<finance::FinancePage> page;
        CloseTab *tab = nullptr;
        CloseChecklistPanel *panel = nullptr;
    };

    // The Close tab as `user`, the window ending with `lastMonth`, on `period` of US.
    Cockpit open(const QString &user, const QString &lastMonth, const QString &period)
    {
        Cockpit c;
        c.session = signInAs(*server, user);
        c.page = std::make_unique<finance::FinancePage>(c.session.get());
        c.page->resize(1280, 800);
        c.page->openTab("close");
        c.tab = c.page->closeTab();
        c.panel = c.tab->panel();
        if (!QTest::qWaitFor([&] { return !c.page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        c.page->show();
        QSignalSpy grid(c.tab->grid(), &CloseGridModel::loaded);
        c.tab->setLastMonth(lastMonth);
        if (!grid.wait(10000))
            qWarning() << "the grid did not load" << c.tab->messageText();
        select(c, period);
        return c;
    }

    // Selects US's `period` (empty: keeps the tab's own choice) and waits for its checklist.
    void select(Cockpit &c, const QString &period)
    {
        CloseChecklistModel *list = c.panel->checklist();
        if (!period.isEmpty() && list->period() != period) {
            QSignalSpy loaded(list, &CloseChecklistModel::loaded);
            c.tab->selectCell(QString::number(us), period);
            if (!loaded.wait(10000))
                qWarning() << "the checklist did not load" << c.tab->messageText();
        }
        if (!QTest::qWaitFor([&] { return list->hasLoaded(); }, 10000))
            qWarning() << "the checklist did not load" << c.tab->messageText();
    }

    // Waits until the period's checklist was read again after an action.
    static bool waitForReload(Cockpit &c)
    {
        QSignalSpy loaded(c.panel->checklist(), &CloseChecklistModel::loaded);
        return loaded.wait(10000);
    }

    static QString cell(QAbstractItemModel *m, int row, int column)
    {
        return m->index(row, column).data().toString();
    }

    // Every run of the period, to completion, through the client.
    static void runAll(Cockpit &c)
    {
        QSignalSpy done(c.panel->runJob(), &CloseRunJob::finished);
        QVERIFY(c.panel->runAllButton()->isEnabled());
        QTest::mouseClick(c.panel->runAllButton(), Qt::LeftButton);
        QVERIFY2(done.wait(30000), qPrintable(c.tab->messageText()));
        QVERIFY(waitForReload(c) || c.panel->checklist()->hasLoaded());
    }

private slots:
    void init()
    {
        QSettings().remove("close/onlyOpen"); // every test starts on the whole checklist
        setUp(QTest::currentTestFunction());
    }
    void cleanup() { tearDown(); }

    void gridShowsEachPeriodsState()
    {
        setPeriod(us, "2026-08", "hard_closed");
        setPeriod(us, "2026-09", "hard_closed");
        setPeriod(us, "2026-10", "soft_closed");
        setPeriod(us, "2026-11", "open");
        Cockpit c = open("fin", "2026-11", QString());
        CloseGridModel *grid = c.tab->grid();

        // fin reads US only: one row, six months ending November.
        QCOMPARE(grid->rowCount(), 1);
        QCOMPARE(grid->entityCode(0), QString("US"));
        QCOMPARE(grid->columnCount(), 6);
        QCOMPARE(grid->period(0), QString("2026-06"));
        QCOMPARE(grid->headerData(5, Qt::Horizontal).toString(), QString("November 2026"));
        const int sep = grid->columnOfPeriod("2026-09");
        const int oct = grid->columnOfPeriod("2026-10");
        const int nov = grid->columnOfPeriod("2026-11");
        QCOMPARE(grid->index(0, sep).data(CloseGridModel::StatusRole).toString(),
                 QString("hard_closed"));
        QCOMPARE(grid->index(0, oct).data(CloseGridModel::StatusRole).toString(),
                 QString("soft_closed"));
        QCOMPARE(grid->index(0, nov).data(CloseGridModel::StatusRole).toString(), QString("open"));
        // In words too, never by colour alone.
        QVERIFY(cell(grid, 0, sep).startsWith("Closed"));
        QVERIFY(cell(grid, 0, oct).startsWith("Soft-closed"));
        QVERIFY(cell(grid, 0, nov).startsWith("Open"));
        QCOMPARE(grid->index(0, sep).data(CloseGridModel::SignalRole).toString(),
                 QString("closed"));

        // It opens on the period after the last hard-closed one: October.
        QCOMPARE(c.tab->selectedPeriod(), QString("2026-10"));
        QCOMPARE(c.panel->stateText(), QString("Soft-closed"));
    }

    void aCellOfAnotherEntityBecomesTheWorkspaces()
    {
        server->createUser("grp", "grp password", {{"finance", ""}}, "US");
        setPeriod(uk, "2026-10", "soft_closed");
        Cockpit c = open("grp", "2026-11", "2026-11");
        CloseGridModel *grid = c.tab->grid();
        QCOMPARE(grid->rowCount(), 3); // every entity the user reads
        QCOMPARE(c.page->scope()->entityId(), QString::number(us));

        QSignalSpy gridLoads(grid, &CloseGridModel::loaded);
        QSignalSpy loaded(c.panel->checklist(), &CloseChecklistModel::loaded);
        c.tab->selectCell(QString::number(uk), "2026-10");
        QVERIFY(loaded.wait(10000));
        QCOMPARE(c.panel->checklist()->entityId(), QString::number(uk));
        QCOMPARE(c.panel->stateText(), QString("Soft-closed"));
        // The workspace follows the cell; the grid is not read again for it.
        QCOMPARE(c.page->scope()->entityId(), QString::number(uk));
        QTest::qWait(300);
        QCOMPARE(gridLoads.count(), 0);
    }

    void checklistCountsAreTheServers()
    {
        setPeriod(us, "2026-10", "hard_closed");
        submittedTime("2026-11-10");
        Cockpit c = open("fin", "2026-11", "2026-11");
        CloseChecklistModel *list = c.panel->checklist();

        auto http = login("fin");
        const QJsonObject server =
            http->get(QString("/api/v1/close/entities/%1/periods/2026-11").arg(us)).json();
        const QJsonArray items = server.value("items").toArray();
        QCOMPARE(list->rowCount(), int(items.size()));
        QCOMPARE(list->rowCount(), 12);
        int red = 0;
        for (int r = 0; r < items.size(); ++r) {
            const QJsonObject item = items[r].toObject();
            QCOMPARE(list->task(r), item.value("task").toString());
            QCOMPARE(list->index(r, CloseChecklistModel::StateColumn)
                         .data(CloseChecklistModel::StateRole)
                         .toString(),
                     item.value("state").toString());
            QCOMPARE(cell(list, r, CloseChecklistModel::CountColumn),
                     QString::number(item.value("count").toInt()));
            red += item.value("state").toString() == "red";
        }
        // The unapproved entry: red, one, and the item says so in words.
        const int row = list->rowOfTask("unapproved_time");
        QCOMPARE(cell(list, row, CloseChecklistModel::ItemColumn), QString("Unapproved time"));
        QCOMPARE(cell(list, row, CloseChecklistModel::StateColumn), QString("Red"));
        QCOMPARE(cell(list, row, CloseChecklistModel::CountColumn), QString("1"));
        // The grid cell counts the same red items as the checklist.
        CloseGridModel *grid = c.tab->grid();
        const QModelIndex nov = grid->index(0, grid->columnOfPeriod("2026-11"));
        QCOMPARE(nov.data(CloseGridModel::RedRole).toInt(), red);
        QCOMPARE(list->count("red"), red);
        QVERIFY2(c.panel->countsText().startsWith(QString("%1 red").arg(red)),
                 qPrintable(c.panel->countsText()));
        QVERIFY(nov.data().toString().contains(QString("%1 red").arg(red)));

        // Only what is left: the red items and the amber ones not signed off.
        const int amber = list->count("amber");
        c.panel->onlyOpenBox()->setChecked(true);
        QCOMPARE(c.panel->view()->model()->rowCount(), red + amber);
        QCOMPARE(c.panel->selectedTask(), QString("unapproved_time"));
        c.panel->onlyOpenBox()->setChecked(false);
        QCOMPARE(c.panel->view()->model()->rowCount(), 12);

        // Drill into it: the one entry, its owner.
        c.panel->selectTask("unapproved_time");
        QVERIFY(c.panel->recordsButton()->isEnabled());
        c.panel->showRecords();
        auto *dialog = c.panel->findChild<CloseRecordsDialog *>();
        QVERIFY(dialog);
        QSignalSpy page(dialog->records(), &sales::PagedListModel::pageLoaded);
        QVERIFY(dialog->records()->hasLoaded() || page.wait(10000));
        QVERIFY2(dialog->records()->lastError().isEmpty(),
                 qPrintable(dialog->records()->lastError()));
        QCOMPARE(dialog->records()->rowCount(), 1);
        QVERIFY2(cell(dialog->records(), 0, CloseRecordsModel::LabelColumn).contains("6.5"),
                 qPrintable(cell(dialog->records(), 0, CloseRecordsModel::LabelColumn)));
        QCOMPARE(cell(dialog->records(), 0, CloseRecordsModel::OwnerColumn), QString("Erin Park"));
        grabIfAsked(dialog, "close-records");
        dialog->close();
    }

    void anAmberItemIsSignedOffARedOneCannotBe()
    {
        setPeriod(us, "2026-10", "hard_closed");
        submittedTime("2026-11-10"); // the employee's weeks without a timesheet: amber
        Cockpit c = open("fin", "2026-11", "2026-11");
        CloseChecklistModel *list = c.panel->checklist();
        const int missing = list->rowOfTask("missing_timesheets");
        QCOMPARE(cell(list, missing, CloseChecklistModel::StateColumn), QString("Amber"));
        c.panel->selectTask("unapproved_time");
        QVERIFY(!c.panel->signOffButton()->isEnabled());
        c.panel->selectTask("missing_timesheets");
        QVERIFY(c.panel->signOffButton()->isEnabled());
        QTest::mouseClick(c.panel->signOffButton(), Qt::LeftButton);
        QVERIFY2(waitForReload(c), qPrintable(c.tab->messageText()));
        const int row = list->rowOfTask("missing_timesheets");
        QCOMPARE(cell(list, row, CloseChecklistModel::StateColumn), QString("Signed off"));
        const QString finName = text("SELECT display_name FROM users WHERE username = 'fin'");
        QVERIFY2(cell(list, row, CloseChecklistModel::SignedOffColumn).startsWith(finName),
                 qPrintable(cell(list, row, CloseChecklistModel::SignedOffColumn)));
        QVERIFY(!c.panel->signOffButton()->isEnabled());
        // And who is responsible for it.
        QTest::mouseClick(c.panel->responsibleButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cell(list, list->rowOfTask("missing_timesheets"),
                                       CloseChecklistModel::ResponsibleColumn),
                                  finName, 10000);
        QVERIFY(c.tab->messageText().startsWith("You are responsible"));
    }

    void runAllReachesHundredAndTurnsTheRunsGreen()
    {
        setPeriod(us, "2026-10", "hard_closed");
        Cockpit c = open("fin", "2026-11", "2026-11");
        CloseChecklistModel *list = c.panel->checklist();
        const int fx = list->rowOfTask("fx_revaluation");
        QCOMPARE(cell(list, fx, CloseChecklistModel::StateColumn), QString("Red"));
        QCOMPARE(cell(list, fx, CloseChecklistModel::RunColumn), QString("Not run"));

        QList<int> seen;
        connect(c.panel->runJob(), &CloseRunJob::progressChanged, this,
                [&seen](int p) { seen.append(p); });
        runAll(c);
        QCOMPARE(c.panel->progressBar()->value(), 100);
        QVERIFY(c.panel->progressBar()->isVisible());
        QCOMPARE(seen.last(), 100);
        QCOMPARE(c.panel->runJob()->run().value("status").toString(), QString("completed"));
        for (const char *task :
             {"revenue_recognition", "subcontractor_accruals", "fx_revaluation", "intercompany"}) {
            const int r = list->rowOfTask(task);
            QCOMPARE(cell(list, r, CloseChecklistModel::StateColumn), QString("Green"));
            QVERIFY(cell(list, r, CloseChecklistModel::RunColumn).startsWith("Completed"));
        }
        QCOMPARE(list->count("red"), 0);
        grabIfAsked(c.page.get(), "close-cockpit-run");
    }

    void softCloseFromTheClientMovesThePeriod()
    {
        setPeriod(us, "2026-09", "hard_closed");
        Cockpit c = open("fin", "2026-11", "2026-10");
        runAll(c);
        QVERIFY(c.panel->softCloseButton()->isVisible());
        QVERIFY(c.panel->softCloseButton()->isEnabled());
        answerNextDialog();
        QTest::mouseClick(c.panel->softCloseButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(periodStatus(us, "2026-10"), QString("soft_closed"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(c.panel->stateText(), QString("Soft-closed"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(c.tab->grid()
                                      ->index(0, c.tab->grid()->columnOfPeriod("2026-10"))
                                      .data(CloseGridModel::StatusRole)
                                      .toString(),
                                  QString("soft_closed"), 10000);
        QVERIFY(c.tab->messageText().contains("soft-closed"));
        // Soft-closed: no soft close again, a reopen request instead.
        QVERIFY(!c.panel->softCloseButton()->isEnabled());
        QVERIFY(c.panel->reopenButton()->isEnabled());
    }

    void aRefusedSoftCloseNamesTheRedItems()
    {
        setPeriod(us, "2026-10", "hard_closed");
        submittedTime("2026-11-10");
        Cockpit c = open("fin", "2026-11", "2026-11");
        // Said before the click too.
        QVERIFY2(c.panel->softCloseButton()->toolTip().contains("Unapproved time (1)"),
                 qPrintable(c.panel->softCloseButton()->toolTip()));
        answerNextDialog();
        c.panel->softClose();
        QTRY_VERIFY_WITH_TIMEOUT(!c.tab->messageText().isEmpty(), 10000);
        QVERIFY2(c.tab->messageText().startsWith("Soft close refused: The period cannot be "
                                                 "closed while these items are red: "),
                 qPrintable(c.tab->messageText()));
        QVERIFY2(c.tab->messageText().contains("Unapproved time (1 open)"),
                 qPrintable(c.tab->messageText()));
        grabIfAsked(c.page.get(), "close-soft-close-refused");
        QCOMPARE(periodStatus(us, "2026-11"), QString("open"));
    }

    void aSoftCloseBeforeThePreviousPeriodIsRefused()
    {
        setPeriod(us, "2026-09", "hard_closed"); // October open
        Cockpit c = open("fin", "2026-11", "2026-11");
        runAll(c);
        answerNextDialog();
        c.panel->softClose();
        QTRY_VERIFY_WITH_TIMEOUT(c.tab->messageText().contains("refused"), 10000);
        QVERIFY2(c.tab->messageText().contains("Close the previous period first"),
                 qPrintable(c.tab->messageText()));
        QCOMPARE(periodStatus(us, "2026-11"), QString("open"));
    }

    void aFinanceUserHasNoHardCloseAControllerHas()
    {
        setPeriod(us, "2026-09", "hard_closed");
        setPeriod(us, "2026-10", "soft_closed");
        {
            Cockpit fin = open("fin", "2026-11", "2026-10");
            QVERIFY(!fin.panel->hardCloseButton()->isVisibleTo(fin.panel));
            QVERIFY(fin.panel->softCloseButton()->isVisibleTo(fin.panel));
            // Asked anyway (the server decides): 403 in words.
            answerNextDialog();
            fin.panel->hardClose();
            QTRY_VERIFY_WITH_TIMEOUT(!fin.tab->messageText().isEmpty(), 10000);
            QVERIFY2(fin.tab->messageText().contains("not allowed"),
                     qPrintable(fin.tab->messageText()));
            QCOMPARE(periodStatus(us, "2026-10"), QString("soft_closed"));
        }
        Cockpit ctl = open("ctl", "2026-11", "2026-10");
        QVERIFY(ctl.panel->hardCloseButton()->isVisible());
        runAll(ctl);
        QVERIFY(ctl.panel->hardCloseButton()->isEnabled());
        answerNextDialog();
        QTest::mouseClick(ctl.panel->hardCloseButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(periodStatus(us, "2026-10"), QString("hard_closed"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(ctl.panel->stateText(), QString("Closed"), 10000);
        // Closed: nothing runs any more, and the server says why if asked.
        QVERIFY(!ctl.panel->runAllButton()->isEnabled());
        QSignalSpy failed(ctl.panel->runJob(), &CloseRunJob::failed);
        ctl.panel->startRun("all");
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toInt(), 423);
        QVERIFY2(ctl.tab->messageText().contains("closed"), qPrintable(ctl.tab->messageText()));
    }

    void aReopenRequestGoesOutWithItsReason()
    {
        setPeriod(us, "2026-09", "hard_closed");
        setPeriod(us, "2026-10", "soft_closed");
        Cockpit c = open("fin", "2026-11", "2026-10");
        QVERIFY(c.panel->reopenButton()->isEnabled());
        answerNextDialog([](QDialog *d) {
            auto *dialog = qobject_cast<CloseReopenDialog *>(d);
            QVERIFY(dialog);
            dialog->setToStatus("open");
            dialog->setReason("A late supplier invoice for October");
            grabIfAsked(dialog, "close-reopen-request");
        });
        c.panel->requestReopen();
        QTRY_VERIFY_WITH_TIMEOUT(!c.tab->messageText().isEmpty(), 10000);
        QVERIFY2(c.tab->messageText().contains("request to reopen"),
                 qPrintable(c.tab->messageText()));
        QCOMPARE(text("SELECT r.status || ' ' || r.to_status || ' ' || r.reason FROM "
                      "period_reopen_requests r JOIN accounting_periods p ON p.id = "
                      "r.accounting_period_id WHERE p.legal_entity_id = ? AND p.period_start = "
                      "'2026-10-01'",
                      {us}),
                 QString("pending open A late supplier invoice for October"));
        // The period stays as it is until a controller approves.
        QCOMPARE(periodStatus(us, "2026-10"), QString("soft_closed"));
    }
};

QTEST_MAIN(TestCloseCockpitLive)
#include "tst_close_cockpit_live.moc"
