// The Statements tab against a live keel-server (fresh database per test) with postings through
// the real posting rules and a real intercompany run: the entity's profit and loss to the cent
// beside the previous period and the previous year with their differences; a figure's journal
// lines add up to it (P&L and balance sheet) and open their entry; the group statement
// consolidates in USD and shows the intercompany accounts it eliminated; a finance user of one
// entity is told why the group is not theirs.
#include "finance/finance_page.h"
#include "finance/journal_entry_dialog.h"
#include "finance/statements_tab.h"
#include "finance_scope.h"
#include "journal_entry.h"
#include "json_array_model.h"
#include "paged_list_model.h"
#include "sales_format.h"
#include "session.h"
#include "statements_model.h"
#include "tst_finance_live.h"
#include "tst_intercompany_fixture.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

class TestFinanceStatementsLive : public QObject, public IntercompanyFixture
{
    Q_OBJECT

    using SM = StatementsModel;

    void recognise(qint64 entity, const char *date, const char *amount, const char *currency)
    {
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger, {entity,
                          client,
                          fin,
                          QStringLiteral("P:%1").arg(QString::fromLatin1(date)),
                          QDate::fromString(QString::fromLatin1(date), Qt::ISODate),
                          {{project, money(amount, currency), std::nullopt, {}}},
                          {}});
        });
    }

    // US: revenue of October 2026, September 2026 and October 2025, and a subcontractor bill
    // in October 2026.
    void postUs()
    {
        recognise(us, "2026-10-31", "12500.00", "USD");
        recognise(us, "2026-09-30", "10000.00", "USD");
        recognise(us, "2025-10-31", "8000.00", "USD");
        inTx([&] {
            return posting_rules::vendorBillApproved(
                *ledger, {us,
                          1,
                          ctl,
                          fin,
                          QDate(2026, 10, 15),
                          "BD-1",
                          {{project, money("1500.00", "USD"), std::nullopt, {}}}});
        });
    }

    std::unique_ptr<FinancePage> openStatements(Session *session, bool group, int kind)
    {
        auto page = std::make_unique<FinancePage>(session);
        page->resize(1280, 800);
        page->openTab("statements");
        if (!QTest::qWaitFor([&] { return !page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        StatementsTab *tab = page->statements();
        tab->setPeriod(QDate(2026, 10, 1), QDate(2026, 10, 31));
        tab->setCompare(true);
        page->show();
        QSignalSpy loaded(tab->model(), &SM::loaded);
        QSignalSpy failed(tab->model(), &SM::loadFailed);
        tab->setKind(kind);
        tab->setGroup(group);
        if (!QTest::qWaitFor(
                [&] { return !tab->model()->isLoading() && loaded.count() + failed.count() > 0; },
                10000))
            qWarning() << "the statement did not load" << tab->messageText();
        return page;
    }

    static QString cell(QAbstractItemModel *m, int row, int column)
    {
        return m->index(row, column).data().toString();
    }

    // Every page of the drill-down's lines.
    static void loadAllLines(StatementsTab *tab)
    {
        if (!QTest::qWaitFor(
                [&] { return tab->lines()->hasLoaded() && !tab->lines()->isLoading(); }, 10000))
            qWarning() << "the lines did not load";
        while (tab->lines()->canFetchMore({})) {
            QSignalSpy page(tab->lines(), &sales::PagedListModel::pageLoaded);
            tab->lines()->fetchMore({});
            page.wait(10000);
        }
    }

private slots:
    void init() { setUpGroup(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void entityProfitAndLossWithComparisons()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        auto page = openStatements(session.get(), false, SM::ProfitAndLoss);
        StatementsTab *tab = page->statements();
        SM *m = tab->model();
        QCOMPARE(m->currency(), QString("USD"));
        QVERIFY(!m->isGroup());

        const int revenue = m->rowOfAccount("4000");
        QVERIFY(revenue >= 0);
        QCOMPARE(cell(m, revenue, SM::CurrentColumn), QString("12,500.00"));
        QCOMPARE(cell(m, revenue, SM::PreviousPeriodColumn), QString("10,000.00"));
        QCOMPARE(cell(m, revenue, SM::PreviousPeriodDiffColumn), QString("2,500.00"));
        QCOMPARE(cell(m, revenue, SM::PreviousYearColumn), QString("8,000.00"));
        QCOMPARE(cell(m, revenue, SM::PreviousYearDiffColumn), QString("4,500.00"));
        const int sub = m->rowOfAccount("5100");
        QVERIFY(sub >= 0);
        QCOMPARE(cell(m, sub, SM::CurrentColumn), QString("1,500.00"));
        QCOMPARE(cell(m, sub, SM::PreviousPeriodColumn), QString("0.00"));
        QCOMPARE(cell(m, sub, SM::PreviousPeriodDiffColumn), QString("1,500.00"));
        // Differences are exact decimals, formatted only for the eye.
        QCOMPARE(m->amount(sub, SM::PreviousPeriodDiffColumn), QString("1500"));

        // Each column names its period; all five amount columns are shown.
        QCOMPARE(m->headerData(SM::CurrentColumn, Qt::Horizontal).toString(), QString("Oct 2026"));
        QVERIFY(m->headerData(SM::PreviousPeriodColumn, Qt::Horizontal)
                    .toString()
                    .contains("Sep 2026"));
        QVERIFY(
            m->headerData(SM::PreviousYearColumn, Qt::Horizontal).toString().contains("Oct 2025"));
        for (int c = SM::CurrentColumn; c < SM::ColumnCount; ++c)
            QVERIFY(!tab->statementView()->isColumnHidden(c));

        // Net income: the row and the line under the table.
        const int net = m->rowOfLabel("Net income");
        QVERIFY(net >= 0);
        QCOMPARE(cell(m, net, SM::CurrentColumn), QString("11,000.00"));
        QCOMPARE(cell(m, net, SM::PreviousPeriodColumn), QString("10,000.00"));
        QCOMPARE(cell(m, net, SM::PreviousYearDiffColumn), QString("3,000.00"));
        QVERIFY2(tab->summaryText().contains("Net income USD 11,000.00"),
                 qPrintable(tab->summaryText()));
        QVERIFY2(tab->summaryText().contains("functional currency"),
                 qPrintable(tab->summaryText()));
        const int totalRevenue = m->rowOfLabel("Total Revenue");
        QVERIFY(totalRevenue >= 0);
        QCOMPARE(m->rowKind(totalRevenue), SM::TotalRow);
        QCOMPARE(cell(m, totalRevenue, SM::CurrentColumn), QString("12,500.00"));

        // Without comparisons only the current column is asked for and shown.
        QSignalSpy again(m, &SM::loaded);
        tab->setCompare(false);
        QVERIFY(again.wait(10000));
        QVERIFY(tab->statementView()->isColumnHidden(SM::PreviousYearColumn));
        QVERIFY(tab->statementView()->isColumnHidden(SM::PreviousPeriodDiffColumn));
        QCOMPARE(cell(m, m->rowOfAccount("4000"), SM::CurrentColumn), QString("12,500.00"));
    }

    void drillDownLinesAddUpToTheFigure()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        auto page = openStatements(session.get(), false, SM::ProfitAndLoss);
        StatementsTab *tab = page->statements();
        SM *m = tab->model();

        // October's revenue: one line of 12,500.00; September's from its column.
        tab->openRow(m->rowOfAccount("4000"), SM::CurrentColumn);
        loadAllLines(tab);
        QCOMPARE(tab->lines()->rowCount(), 1);
        QVERIFY2(tab->linesTotalText().contains("net <b>USD 12,500.00</b>"),
                 qPrintable(tab->linesTotalText()));
        QCOMPARE(tab->linesView()->model()->index(0, 2).data().toString(),
                 QString("Revenue recognition P:2026-10-31"));
        tab->openRow(m->rowOfAccount("4000"), SM::PreviousPeriodColumn);
        loadAllLines(tab);
        QVERIFY2(tab->linesTotalText().contains("USD 10,000.00"),
                 qPrintable(tab->linesTotalText()));

        // The line opens its journal entry: unbilled receivable against revenue.
        const QString entry = sales::idText(tab->lines()->rowObject(0).value("entry_id"));
        JournalEntryDialog dialog(session->api(), entry);
        QSignalSpy loaded(dialog.entry(), &JournalEntry::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY2(dialog.headerText().contains("Revenue recognition"),
                 qPrintable(dialog.headerText()));
        QCOMPARE(dialog.entry()->lines()->rowCount(), 2);

        // Balance sheet: the unbilled receivable at the end of October is every recognition so
        // far, and its lines up to that day add up to it.
        QSignalSpy bs(m, &SM::loaded);
        tab->setKind(SM::BalanceSheet);
        QVERIFY(bs.wait(10000));
        const int unbilled = m->rowOfAccount("1150");
        QVERIFY(unbilled >= 0);
        QCOMPARE(cell(m, unbilled, SM::CurrentColumn), QString("30,500.00"));
        QCOMPARE(cell(m, unbilled, SM::PreviousPeriodColumn), QString("18,000.00"));
        QCOMPARE(cell(m, unbilled, SM::PreviousYearColumn), QString("8,000.00"));
        tab->openRow(unbilled, SM::CurrentColumn);
        loadAllLines(tab);
        QCOMPARE(tab->lines()->rowCount(), 3);
        QVERIFY2(tab->linesTotalText().contains("net <b>USD 30,500.00</b>"),
                 qPrintable(tab->linesTotalText()));
        QVERIFY(m->balanced());
        QVERIFY2(tab->summaryText().contains("Assets equal liabilities and equity"),
                 qPrintable(tab->summaryText()));
    }

    void groupConsolidatesAndShowsEliminations()
    {
        postUs();
        // A UK consultant works on the US project: the UK charges the US cost + 10 %.
        const qint64 ann = employee("ann", uk, "GB");
        time(ann, project, "2026-10-12", "10", "80.00", "GBP");
        charge(uk, QDate(2026, 10, 1));
        QCOMPARE(balance(uk, "4100"), QString("-880.00")); // GBP
        QCOMPARE(balance(us, "5050"), QString("1100.00")); // USD at 1.25

        auto session = signInAs(*server, "grp");
        auto page = openStatements(session.get(), true, SM::ProfitAndLoss);
        StatementsTab *tab = page->statements();
        SM *m = tab->model();
        QVERIFY2(m->isGroup(), qPrintable(tab->messageText()));
        QCOMPARE(m->currency(), QString("USD"));

        // The intercompany revenue and cost are gone from the rows and listed as eliminated.
        for (const char *number : {"4100", "5050"}) {
            const int row = m->rowOfAccount(QString::fromLatin1(number));
            QVERIFY2(row < 0 || m->amount(row, SM::CurrentColumn) == "0.00", number);
        }
        QStringList eliminated;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->rowKind(r) == SM::EliminationRow) {
                eliminated << cell(m, r, SM::NumberColumn);
                QVERIFY2(m->amount(r, SM::CurrentColumn) != "0.00", qPrintable(cell(m, r, 1)));
            }
        QVERIFY2(eliminated.contains("4100") && eliminated.contains("5050"),
                 qPrintable(eliminated.join(',')));
        QVERIFY(m->rowOfLabel("Eliminations (intercompany)") >= 0);
        // The UK earned GBP 880.00 = USD 1,100.00, the US spent the same: the group earns what
        // the US recognised less its subcontractor.
        QCOMPARE(cell(m, m->rowOfAccount("4000"), SM::CurrentColumn), QString("12,500.00"));
        QCOMPARE(cell(m, m->rowOfLabel("Net income"), SM::CurrentColumn), QString("11,000.00"));
        QVERIFY2(tab->summaryText().contains("Consolidated in USD"),
                 qPrintable(tab->summaryText()));
        QVERIFY2(tab->summaryText().contains("eliminated"), qPrintable(tab->summaryText()));

        // A group figure opens the lines of one of its entity accounts, named by entity.
        tab->openRow(m->rowOfAccount("4000"), SM::CurrentColumn);
        QComboBox *accounts = tab->drillAccountPicker();
        QVERIFY(accounts->count() >= 1);
        int usIndex = -1;
        for (int i = 0; i < accounts->count(); ++i)
            if (accounts->itemText(i).startsWith("US"))
                usIndex = i;
        QVERIFY2(usIndex >= 0, qPrintable(accounts->itemText(0)));
        tab->openRow(m->rowOfAccount("4000"), SM::CurrentColumn, usIndex);
        loadAllLines(tab);
        QVERIFY2(tab->linesTotalText().contains("USD 12,500.00"),
                 qPrintable(tab->linesTotalText()));

        // The group balance sheet balances after the eliminations.
        QSignalSpy bs(m, &SM::loaded);
        tab->setKind(SM::BalanceSheet);
        QVERIFY(bs.wait(10000));
        QVERIFY(m->isGroup());
        QVERIFY(m->balanced());
        grabIfAsked(page.get(), "statements-group");
    }

    void financeOfOneEntityIsToldTheGroupIsNotTheirs()
    {
        auto session = signInAs(*server, "ukfin");
        auto page = openStatements(session.get(), true, SM::ProfitAndLoss);
        StatementsTab *tab = page->statements();
        QCOMPARE(tab->model()->rowCount(), 0);
        QVERIFY2(tab->messageText().contains("could not be loaded"),
                 qPrintable(tab->messageText()));
        QVERIFY2(tab->messageText().contains("every entity"), qPrintable(tab->messageText()));
        // Its own entity reads as usual.
        QSignalSpy own(tab->model(), &SM::loaded);
        tab->setGroup(false);
        QVERIFY(own.wait(10000));
        QCOMPARE(tab->model()->currency(), QString("GBP"));
        QVERIFY(tab->messageText().isEmpty());
    }
};

QTEST_MAIN(TestFinanceStatementsLive)
#include "tst_finance_statements_live.moc"
