// The Exchange rates tab against a live keel-server (fresh database per test): a rate entered by
// hand is listed for its pair and day, and entering the day again replaces it; a CSV file is
// imported whole, and a wrong one imports nothing and names the line and column to fix; the
// group currency is shown; whoever lacks fx.manage reads the rates without the entry.
#include "finance/finance_page.h"
#include "finance/fx_rates_tab.h"
#include "finance_scope.h"
#include "fx_rate_import.h"
#include "fx_rates_model.h"
#include "session.h"
#include "tst_finance_live.h"
#include "tst_ledger_fixture.h"

#include <QDateEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryFile>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

class TestFinanceFxLive : public QObject, public LedgerFixture
{
    Q_OBJECT

    std::unique_ptr<FinancePage> openRates(Session *session)
    {
        auto page = std::make_unique<FinancePage>(session);
        page->resize(1280, 800);
        page->openTab("fx");
        if (!QTest::qWaitFor([&] { return !page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        page->show();
        waitForRates(page->fxRates());
        return page;
    }

    static void waitForRates(FxRatesTab *tab)
    {
        if (!QTest::qWaitFor(
                [&] { return tab->rates()->hasLoaded() && !tab->rates()->isLoading(); }, 10000))
            qWarning() << "the rates did not load";
    }

    // The rows shown, "date from to rate".
    static QStringList shown(FxRatesTab *tab)
    {
        QStringList out;
        QAbstractItemModel *m = tab->ratesView()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            out << QStringLiteral("%1 %2 %3 %4")
                       .arg(m->index(r, FxRatesModel::DateColumn)
                                .data(sales::PagedListModel::RawRole)
                                .toString(),
                            m->index(r, FxRatesModel::FromColumn).data().toString(),
                            m->index(r, FxRatesModel::ToColumn).data().toString(),
                            m->index(r, FxRatesModel::RateColumn).data().toString());
        return out;
    }

    qint64 rateCount() { return scalar("SELECT count(*) FROM fx_rates"); }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void manualRateAppearsAndReplacesTheDay()
    {
        auto session = signInAs(*server, "fin");
        auto page = openRates(session.get());
        FxRatesTab *tab = page->fxRates();
        QVERIFY(QTest::qWaitFor([&] { return tab->groupText().contains("USD"); }, 10000));
        QVERIFY(!page->findChild<QWidget *>("fxEntry")->isHidden());

        tab->setFilter("GBP", "USD");
        tab->refresh();
        waitForRates(tab);
        QCOMPARE(tab->rates()->rowCount(), 0);

        // Typed with a decimal comma, as a German user would.
        tab->enterRate(QDate(2026, 11, 30), "GBP", "USD", "1,2634");
        QSignalSpy reloaded(tab->rates(), &sales::PagedListModel::pageLoaded);
        tab->saveRate();
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(shown(tab), QStringList{"2026-11-30 GBP USD 1.2634"});
        QCOMPARE(tab->ratesView()->model()->index(0, FxRatesModel::SourceColumn).data().toString(),
                 QString("Entered by hand"));
        QVERIFY2(tab->messageText().contains("1 GBP = 1.2634 USD"), qPrintable(tab->messageText()));
        QCOMPARE(text("SELECT rate::text FROM fx_rates WHERE from_currency = 'GBP' AND "
                      "rate_date = '2026-11-30'"),
                 QString("1.2634000000"));

        tab->enterRate(QDate(2026, 11, 30), "GBP", "USD", "1.2701");
        QSignalSpy again(tab->rates(), &sales::PagedListModel::pageLoaded);
        tab->saveRate();
        QVERIFY(again.wait(10000));
        QCOMPARE(shown(tab), QStringList{"2026-11-30 GBP USD 1.2701"});
        QVERIFY2(tab->messageText().contains("replaces"), qPrintable(tab->messageText()));

        // Nonsense is refused here, before anything travels.
        tab->enterRate(QDate(2026, 11, 30), "GBP", "USD", "abc");
        tab->saveRate();
        QVERIFY2(tab->messageText().contains("positive number"), qPrintable(tab->messageText()));
        tab->enterRate(QDate(2026, 11, 30), "GBP", "GBP", "1");
        tab->saveRate();
        QVERIFY2(tab->messageText().contains("two different currencies"),
                 qPrintable(tab->messageText()));
        grabIfAsked(page.get(), "fx-rates");
    }

    void csvImportAllOrNothingWithTheLineToFix()
    {
        auto session = signInAs(*server, "fin");
        auto page = openRates(session.get());
        FxRatesTab *tab = page->fxRates();
        const qint64 before = rateCount();

        QTemporaryFile bad(QDir::tempPath() + "/rates-XXXXXX.csv");
        QVERIFY(bad.open());
        bad.write("date,from,to,rate\n2026-11-02,EUR,USD,1.0512\n2026-11-03,EUR,USD,abc\n");
        bad.flush();
        QSignalSpy failed(tab->importer(), &FxRateImport::failed);
        tab->importFile(bad.fileName());
        QVERIFY(failed.wait(10000));
        QCOMPARE(tab->importer()->errorLine(), 3);
        QCOMPARE(tab->importer()->errorColumn(), QString("rate"));
        QVERIFY2(tab->messageText().contains("line 3, column rate"),
                 qPrintable(tab->messageText()));
        QVERIFY2(tab->messageText().contains("Nothing was imported"),
                 qPrintable(tab->messageText()));
        QCOMPARE(rateCount(), before); // not even the good line

        QTemporaryFile good(QDir::tempPath() + "/rates-XXXXXX.csv");
        QVERIFY(good.open());
        good.write("2026-11-02,EUR,USD,1.0512\n2026-11-03,EUR,USD,1.0498\n2026-11-03,GBP,USD,"
                   "1.2655\n");
        good.flush();
        QSignalSpy imported(tab->importer(), &FxRateImport::imported);
        QSignalSpy reloaded(tab->rates(), &sales::PagedListModel::pageLoaded);
        tab->importFile(good.fileName());
        QVERIFY(imported.wait(10000));
        QCOMPARE(imported.first().first().toInt(), 3);
        QVERIFY2(tab->messageText().contains("Rates imported: 3"), qPrintable(tab->messageText()));
        QCOMPARE(rateCount(), before + 3);
        QVERIFY(reloaded.count() > 0 || reloaded.wait(10000));
        waitForRates(tab);
        const QStringList rows = shown(tab);
        QVERIFY2(rows.contains("2026-11-03 GBP USD 1.2655"), qPrintable(rows.join('\n')));
        QVERIFY2(rows.contains("2026-11-02 EUR USD 1.0512"), qPrintable(rows.join('\n')));

        // The pair filter narrows the list.
        tab->setFilter("EUR", "USD");
        tab->refresh();
        waitForRates(tab);
        for (const QString &r : shown(tab))
            QVERIFY2(r.contains("EUR USD"), qPrintable(r));
    }

    void longListsArriveAPageAtATime()
    {
        auto session = signInAs(*server, "fin");
        auto page = openRates(session.get());
        FxRatesTab *tab = page->fxRates();
        // 250 days of CHF→USD, imported in one file.
        QByteArray csv = "date,from,to,rate\n";
        for (int d = 0; d < 250; ++d)
            csv += QDate(2026, 12, 1).addDays(-d).toString(Qt::ISODate).toLatin1() + ",CHF,USD,1." +
                   QByteArray::number(1000 + d) + "\n";
        QSignalSpy imported(tab->importer(), &FxRateImport::imported);
        tab->importer()->importBytes(csv);
        QVERIFY(imported.wait(10000));
        tab->setFilter("CHF", "USD");
        tab->refresh();
        waitForRates(tab);
        // The dates filter is the last three months by default: widen it to the whole year.
        page->findChild<QDateEdit *>("fxFilterStart")->setDate(QDate(2026, 1, 1));
        tab->refresh();
        waitForRates(tab);
        QCOMPARE(tab->rates()->rowCount(), 200); // the first page, newest first
        QCOMPARE(shown(tab).first(), QString("2026-12-01 CHF USD 1.1000"));
        QVERIFY(tab->rates()->canFetchMore({}));
        QSignalSpy next(tab->rates(), &sales::PagedListModel::pageLoaded);
        tab->rates()->fetchMore({});
        QVERIFY(next.wait(10000));
        QCOMPARE(tab->rates()->rowCount(), 250);
        QCOMPARE(shown(tab).last(), QString("2026-03-27 CHF USD 1.1249"));
    }

    void readersWithoutFxManageSeeNoEntry()
    {
        server->createUser("exec", "exec password", {{"executive", "US"}}, "US");
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'USD', CURRENT_DATE - 1, 1.25)");
        auto session = signInAs(*server, "exec");
        auto page = openRates(session.get());
        FxRatesTab *tab = page->fxRates();
        QVERIFY(page->findChild<QWidget *>("fxEntry")->isHidden());
        QVERIFY2(shown(tab).join('\n').contains("GBP USD 1.25"), qPrintable(shown(tab).join('\n')));
        // Even asked directly, nothing is sent without the right.
        const qint64 before = rateCount();
        tab->enterRate(QDate(2026, 11, 30), "GBP", "USD", "1.3");
        tab->saveRate();
        QTest::qWait(300);
        QCOMPARE(rateCount(), before);
    }
};

QTEST_MAIN(TestFinanceFxLive)
#include "tst_finance_fx_live.moc"
