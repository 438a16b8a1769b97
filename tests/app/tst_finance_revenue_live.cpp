// The Revenue tab against a live keel-server (fresh database per test): a recognition run
// started from the tab follows its progress to the end and says what it recognised; a contract
// found by search shows its schedule (the month recognised, the milestone still to come) and its
// position (billed, recognised, the contract asset netted); the firm forecast lists the months
// as a table and as bars; a hard-closed month is refused in words; whoever lacks revenue.manage
// has no run button.
#include "finance/finance_page.h"
#include "finance/revenue_forecast_chart.h"
#include "finance/revenue_forecast_pane.h"
#include "finance/revenue_schedule_pane.h"
#include "finance/revenue_tab.h"
#include "finance_scope.h"
#include "paged_list_model.h"
#include "revenue_forecast_model.h"
#include "revenue_months_model.h"
#include "revenue_run_job.h"
#include "revenue_schedule_model.h"
#include "session.h"
#include "tst_finance_live.h"
#include "tst_revenue_fixture.h"

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

class TestFinanceRevenueLive : public QObject, public RevenueFixture
{
    Q_OBJECT

    Contract ahead, behind;

    // March 2026 in the US: a milestone contract invoiced 5,000.00 ahead with its first
    // milestone (6,000.00) accepted and the second (4,000.00) planned for June; a T&M contract
    // with 15.5 hours of a senior consultant at 200.00 (3,100.00), nothing invoiced.
    void march()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        ahead = contract(acme, "USD", "Billed ahead");
        const qint64 ms = line(ahead.id, "milestones", {{"value", "10000"}});
        invoice(ahead.project, "2026-03-05", "5000.00");
        milestone(ahead.project, ms, 1, "6000", "2026-03-20", "accepted", "2026-03-20");
        milestone(ahead.project, ms, 2, "4000", "2026-06-15");
        behind = contract(acme, "USD", "Billed behind");
        const qint64 tm = line(behind.id, "time_and_materials");
        rateItem(tm, "SENIOR_CONSULTANT", "200");
        const qint64 senior = employee("US", "SENIOR_CONSULTANT");
        entry(senior, behind.project, "2026-03-02", "7.50");
        entry(senior, behind.project, "2026-03-03", "8.00");
    }

    std::unique_ptr<FinancePage> openRevenue(Session *session)
    {
        auto page = std::make_unique<FinancePage>(session);
        page->resize(1280, 800);
        page->openTab("revenue");
        if (!QTest::qWaitFor([&] { return !page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        page->scope()->setEntityId(QString::number(us));
        page->show();
        RevenueSchedulePane *pane = page->revenue()->schedulePane();
        if (!QTest::qWaitFor([&] { return pane->contracts()->hasLoaded(); }, 10000))
            qWarning() << "contracts did not load";
        return page;
    }

    static QString cell(QAbstractItemModel *m, int row, int column)
    {
        return m->index(row, column).data().toString();
    }

    void runFromTheTab(RevenueTab *tab, const QDate &month)
    {
        tab->runJob()->setPollInterval(50);
        tab->setRunMonth(month);
        QSignalSpy finished(tab->runJob(), &RevenueRunJob::finished);
        QSignalSpy failed(tab->runJob(), &RevenueRunJob::failed);
        tab->startRun();
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 20000))
            qWarning() << "the run did not end";
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void runThenScheduleOfAContract()
    {
        march();
        auto session = signInAs(*server, "fin");
        auto page = openRevenue(session.get());
        RevenueTab *tab = page->revenue();
        QVERIFY(!tab->runButton()->isHidden());

        QList<int> seen;
        connect(tab->runJob(), &RevenueRunJob::progressChanged, this,
                [&seen](int percent, const QString &) { seen << percent; });
        runFromTheTab(tab, QDate(2026, 3, 1));
        QCOMPARE(tab->runJob()->run().value("status").toString(), QString("completed"));
        QCOMPARE(tab->progressBar()->value(), 100);
        QVERIFY(!seen.isEmpty());
        QVERIFY2(tab->messageText().contains("revenue recognised USD 9,100.00"),
                 qPrintable(tab->messageText()));
        QVERIFY2(tab->messageText().contains("Mar 2026"), qPrintable(tab->messageText()));
        QVERIFY(tab->runButton()->isEnabled());

        // Search finds the contract on the server; picking it shows its schedule.
        RevenueSchedulePane *pane = tab->schedulePane();
        QSignalSpy searched(pane->contracts(), &sales::PagedListModel::pageLoaded);
        pane->search("ahead");
        QVERIFY(searched.wait(10000));
        QCOMPARE(pane->contracts()->rowCount(), 1);
        QCOMPARE(pane->contracts()->rowObject(0).value("title").toString(),
                 QString("Billed ahead"));
        QSignalSpy loaded(pane->schedule(), &RevenueSchedule::loaded);
        pane->openContract(0);
        QVERIFY(loaded.wait(10000));

        RevenueMonthsModel *months = pane->schedule()->months();
        const int mar = months->rowOfPeriod("2026-03");
        QVERIFY(mar >= 0);
        QCOMPARE(cell(months, mar, RevenueMonthsModel::ActualColumn), QString("6,000.00"));
        QCOMPARE(cell(months, mar, RevenueMonthsModel::MonthColumn), QString("Mar 2026"));
        QVERIFY(!months->index(mar, 0).data(RevenueMonthsModel::ForecastRole).toBool());
        // The second milestone is still to come: forecast, not actual.
        QCOMPARE(months->totalForecast(), QString("4000"));
        QCOMPARE(months->totalActual(), QString("6000"));
        int forecastRow = -1;
        for (int r = 0; r < months->rowCount(); ++r)
            if (months->index(r, 0).data(RevenueMonthsModel::ForecastRole).toBool())
                forecastRow = r;
        QVERIFY(forecastRow > mar);
        QCOMPARE(cell(months, forecastRow, RevenueMonthsModel::ForecastColumn),
                 QString("4,000.00"));
        QCOMPARE(cell(months, forecastRow, RevenueMonthsModel::CumulativeColumn),
                 QString("10,000.00"));

        // Its position: 6,000.00 earned against 5,000.00 billed is a contract asset of
        // 1,000.00, and no liability beside it.
        QCOMPARE(pane->figureShown("recognised_to_date"), QString("USD 6,000.00"));
        QCOMPARE(pane->figureShown("billed_to_date"), QString("USD 5,000.00"));
        QCOMPARE(pane->figureShown("contract_asset"), QString("USD 1,000.00"));
        QCOMPARE(pane->figureShown("contract_liability"), QString("USD 0.00"));
        QCOMPARE(pane->figureShown("transaction_price"), QString("USD 10,000.00"));
        QCOMPARE(pane->figureShown("loss_provision"), QString("USD 0.00"));
        grabIfAsked(page.get(), "revenue-schedule-test");
    }

    void firmForecastTableAndChart()
    {
        march();
        recognise("US", "2026-03");
        auto session = signInAs(*server, "fin");
        auto page = openRevenue(session.get());
        RevenueTab *tab = page->revenue();
        tab->showForecast(true);
        RevenueForecastPane *pane = tab->forecastPane();
        pane->setScope(1); // the entity in its own currency
        pane->setMonths(QDate(2026, 1, 1), QDate(2026, 12, 1));
        QSignalSpy loaded(pane->forecast(), &RevenueForecast::loaded);
        pane->reload();
        QVERIFY2(loaded.wait(10000), qPrintable(tab->messageText()));
        RevenueMonthsModel *months = pane->forecast()->months();
        QCOMPARE(months->currency(), QString("USD"));
        const int mar = months->rowOfPeriod("2026-03");
        QVERIFY(mar >= 0);
        QCOMPARE(cell(months, mar, RevenueMonthsModel::ActualColumn), QString("9,100.00"));
        QCOMPARE(months->totalActual(), QString("9100"));
        QCOMPARE(months->totalForecast(), QString("4000"));
        QVERIFY2(pane->totalsText().contains("Actual USD 9,100.00"),
                 qPrintable(pane->totalsText()));
        QVERIFY2(pane->totalsText().contains("total USD 13,100.00"),
                 qPrintable(pane->totalsText()));
        // One bar a month of the answer.
        QCOMPARE(pane->chart()->barCount(), months->rowCount());
        QVERIFY(months->rowCount() >= 2);

        // March's figure opens the contracts behind it, and they add up to it.
        QSignalSpy contracts(pane->monthContracts(), &sales::PagedListModel::pageLoaded);
        pane->openMonth(mar);
        QVERIFY(contracts.wait(10000));
        QCOMPARE(pane->monthContracts()->rowCount(), 2);
        QVERIFY2(pane->monthContractsText().contains("contracts: 2, together <b>USD 9,100.00</b>"),
                 qPrintable(pane->monthContractsText()));
        int aheadRow = -1;
        for (int r = 0; r < 2; ++r)
            if (pane->monthContracts()->rowObject(r).value("title").toString() == "Billed ahead")
                aheadRow = r;
        QVERIFY(aheadRow >= 0);
        QCOMPARE(pane->monthContractsView()->model()->index(aheadRow, 3).data().toString(),
                 QString("USD 6,000.00"));
        grabIfAsked(page.get(), "revenue-forecast-test");

        // A contract there opens its schedule.
        QSignalSpy schedule(tab->schedulePane()->schedule(), &RevenueSchedule::loaded);
        emit pane->monthContractsView()->activated(
            pane->monthContractsView()->model()->index(aheadRow, 0));
        QVERIFY(schedule.wait(10000));
        QCOMPARE(tab->schedulePane()->figureShown("contract_asset"), QString("USD 1,000.00"));
        QVERIFY2(tab->messageText().isEmpty(), qPrintable(tab->messageText()));
    }

    void refusalsInWordsAndNoRunWithoutTheRight()
    {
        march();
        db::query(db->sql(),
                  "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, "
                  "status) VALUES (?, '2026-02-01', '2026-02-28', 'hard_closed') ON CONFLICT "
                  "(legal_entity_id, period_start) DO UPDATE SET status = 'hard_closed'",
                  {us});
        auto session = signInAs(*server, "fin");
        auto page = openRevenue(session.get());
        RevenueTab *tab = page->revenue();
        runFromTheTab(tab, QDate(2026, 2, 1));
        QVERIFY2(tab->messageText().contains("refused"), qPrintable(tab->messageText()));
        QVERIFY(tab->progressBar()->isHidden());
        QVERIFY(tab->runButton()->isEnabled());
        QCOMPARE(entries(), 0);

        server->createUser("exec", "exec password", {{"executive", "US"}}, "US");
        auto reader = signInAs(*server, "exec");
        auto readerPage = openRevenue(reader.get());
        QVERIFY(readerPage->revenue()->runButton()->isHidden());
        readerPage->revenue()->startRun(); // asked directly: nothing is sent
        QTest::qWait(300);
        QVERIFY(!readerPage->revenue()->runJob()->isRunning());
        QCOMPARE(int(scalar("SELECT count(*) FROM revenue_runs")), 0);
    }
};

QTEST_MAIN(TestFinanceRevenueLive)
#include "tst_finance_revenue_live.moc"
