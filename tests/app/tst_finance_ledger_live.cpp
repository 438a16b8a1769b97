// The Ledger tab against a live keel-server (fresh database per test) with real postings through
// the posting rules: the trial balance shows the entity's debits and credits to the cent and says
// they balance; an account's drill-down lists its journal lines and a line opens its entry with
// the document that posted it; P&L and balance sheet read the same postings; a finance user of
// one entity only picks that entity.
#include "finance/finance_page.h"
#include "finance/journal_entry_dialog.h"
#include "finance/ledger_tab.h"
#include "finance_scope.h"
#include "journal_entry.h"
#include "json_array_model.h"
#include "ledger_report.h"
#include "paged_list_model.h"
#include "sales_format.h"
#include "session.h"
#include "tst_finance_live.h"
#include "tst_ledger_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

class TestFinanceLedgerLive : public QObject, public LedgerFixture
{
    Q_OBJECT

    // A EUR vendor bill, recognised revenue, an invoice with tax, a receipt: every kind of line.
    void postSome()
    {
        inTx([&] {
            return posting_rules::vendorBillApproved(
                *ledger, {us,
                          1,
                          ctl,
                          fin,
                          QDate(2026, 2, 28),
                          "BD-1",
                          {{project, money("1384.53", "EUR"), std::nullopt, {}}}});
        });
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger, {us,
                          client,
                          fin,
                          "P:2026-02",
                          QDate(2026, 2, 28),
                          {{project, money("12500.00", "USD"), std::nullopt, {}}},
                          {}});
        });
        inTx([&] {
            return posting_rules::invoiceIssued(
                *ledger, {us,
                          2,
                          client,
                          fin,
                          QDate(2026, 3, 1),
                          "INV-US-2026-000001",
                          {{project, money("12500.00", "USD"), std::nullopt, {}}},
                          {{project, money("2000.00", "USD"), std::nullopt, {}}},
                          Money()});
        });
        inTx([&] {
            return posting_rules::customerReceipt(*ledger, {us, 3, client, fin, QDate(2026, 3, 20),
                                                            money("14500.00", "USD"),
                                                            money("14500.00", "USD"), "Wire"});
        });
    }

    // The page signed in as `user`, on the Ledger tab with the whole of 2026.
    std::unique_ptr<FinancePage> openLedger(Session *session)
    {
        auto page = std::make_unique<FinancePage>(session);
        page->resize(1240, 760);
        page->openTab("ledger");
        if (!QTest::qWaitFor([&] { return !page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        page->show();
        QSignalSpy loaded(page->ledger()->report(), &LedgerReport::loaded);
        page->ledger()->setPeriod(QDate(2026, 1, 1), QDate(2026, 12, 31));
        page->ledger()->refresh();
        if (!loaded.wait(10000))
            qWarning() << "the report did not load" << page->ledger()->messageText();
        return page;
    }

    static QString cell(QAbstractItemModel *m, int row, int column)
    {
        return m->index(row, column).data().toString();
    }

    static int rowOfAccount(QAbstractItemModel *m, const QString &number)
    {
        for (int r = 0; r < m->rowCount(); ++r)
            if (cell(m, r, 0) == number)
                return r;
        return -1;
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void trialBalanceIsBalancedFromRealPostings()
    {
        postSome();
        auto session = signInAs(*server, "fin");
        auto page = openLedger(session.get());
        LedgerTab *tab = page->ledger();
        QAbstractItemModel *m = tab->reportView()->model();

        // What the database holds for the entity, to the cent.
        const QString debits = text("SELECT to_char(sum(functional_debit), 'FM999,999,990.00') "
                                    "FROM journal_lines WHERE legal_entity_id = ?",
                                    {us});
        const QString credits = text("SELECT to_char(sum(functional_credit), 'FM999,999,990.00') "
                                     "FROM journal_lines WHERE legal_entity_id = ?",
                                     {us});
        QCOMPARE(debits, credits);
        QVERIFY2(tab->totalsText().contains("Debits USD " + debits), qPrintable(tab->totalsText()));
        QVERIFY2(tab->totalsText().contains("Credits USD " + credits),
                 qPrintable(tab->totalsText()));
        QVERIFY2(tab->totalsText().contains("Balanced"), qPrintable(tab->totalsText()));
        QVERIFY(tab->report()->balanced());

        // Per account: AR got the invoice (14,500.00) and the receipt cleared it.
        const int ar = rowOfAccount(m, "1100");
        QVERIFY(ar >= 0);
        QCOMPARE(cell(m, ar, LedgerReport::DebitColumn), QString("USD 14,500.00"));
        QCOMPARE(cell(m, ar, LedgerReport::CreditColumn), QString("USD 14,500.00"));
        QCOMPARE(m->index(ar, LedgerReport::DebitColumn).data(Qt::TextAlignmentRole).toInt() &
                     Qt::AlignRight,
                 int(Qt::AlignRight));
        // Nothing before January: openings are zero and the closing is the net, debit
        // positive (revenue is a credit).
        const int revenue = rowOfAccount(m, "4000");
        QVERIFY(revenue >= 0);
        QCOMPARE(cell(m, revenue, LedgerReport::OpeningColumn), QString("USD 0.00"));
        QCOMPARE(cell(m, revenue, LedgerReport::ClosingColumn), QString("USD -12,500.00"));
        QVERIFY(tab->reportView()->isColumnHidden(LedgerReport::BalanceColumn));
        QVERIFY(!tab->reportView()->isColumnHidden(LedgerReport::OpeningColumn));
        // The bill: EUR 1,384.53 at 1.0834 is USD 1,500.00 of subcontractor cost.
        const int sub = rowOfAccount(m, "5100");
        QVERIFY(sub >= 0);
        QCOMPARE(cell(m, sub, LedgerReport::DebitColumn), QString("USD 1,500.00"));
        // The last row is the server's totals, with no account to open.
        const int total = m->rowCount() - 1;
        QVERIFY(tab->report()->isTotalRow(total));
        QCOMPARE(cell(m, total, LedgerReport::NameColumn), QString("Total"));
        QCOMPARE(cell(m, total, LedgerReport::DebitColumn), "USD " + debits);
        QCOMPARE(cell(m, total, LedgerReport::CreditColumn), "USD " + credits);
        QCOMPARE(cell(m, total, LedgerReport::OpeningColumn), QString("USD 0.00"));
        QCOMPARE(cell(m, total, LedgerReport::ClosingColumn), QString("USD 0.00"));
        QVERIFY(tab->report()->ledgerAccountId(total).isEmpty());

        // A period without postings says so instead of showing zeros.
        QSignalSpy again(tab->report(), &LedgerReport::loaded);
        tab->setPeriod(QDate(2025, 1, 1), QDate(2025, 12, 31));
        tab->refresh();
        QVERIFY(again.wait(10000));
        QCOMPARE(m->rowCount(), 0);
        QVERIFY2(tab->totalsText().contains("Nothing was posted"), qPrintable(tab->totalsText()));
    }

    // From March: February's bill and recognised revenue are the openings, March moves the
    // invoice and the receipt, and each closing is opening + debit − credit, to the cent.
    void trialBalanceCarriesOpeningAndClosingFromEarlierPostings()
    {
        postSome();
        auto session = signInAs(*server, "fin");
        auto page = openLedger(session.get());
        LedgerTab *tab = page->ledger();
        QAbstractItemModel *m = tab->reportView()->model();
        QSignalSpy loaded(tab->report(), &LedgerReport::loaded);
        tab->setPeriod(QDate(2026, 3, 1), QDate(2026, 12, 31));
        tab->refresh();
        QVERIFY(loaded.wait(10000));

        const int sub = rowOfAccount(m, "5100"); // no movement in March: carried over
        QVERIFY(sub >= 0);
        QCOMPARE(cell(m, sub, LedgerReport::OpeningColumn), QString("USD 1,500.00"));
        QCOMPARE(cell(m, sub, LedgerReport::DebitColumn), QString("USD 0.00"));
        QCOMPARE(cell(m, sub, LedgerReport::ClosingColumn), QString("USD 1,500.00"));
        const int revenue = rowOfAccount(m, "4000");
        QVERIFY(revenue >= 0);
        QCOMPARE(cell(m, revenue, LedgerReport::OpeningColumn), QString("USD -12,500.00"));
        QCOMPARE(cell(m, revenue, LedgerReport::ClosingColumn), QString("USD -12,500.00"));
        const int ar = rowOfAccount(m, "1100"); // invoiced and paid within the range
        QVERIFY(ar >= 0);
        QCOMPARE(cell(m, ar, LedgerReport::OpeningColumn), QString("USD 0.00"));
        QCOMPARE(cell(m, ar, LedgerReport::DebitColumn), QString("USD 14,500.00"));
        QCOMPARE(cell(m, ar, LedgerReport::CreditColumn), QString("USD 14,500.00"));
        QCOMPARE(cell(m, ar, LedgerReport::ClosingColumn), QString("USD 0.00"));

        const QString debits = text("SELECT to_char(sum(functional_debit), 'FM999,999,990.00') "
                                    "FROM journal_lines WHERE legal_entity_id = ? AND "
                                    "entry_date >= '2026-03-01'",
                                    {us});
        const int total = m->rowCount() - 1;
        QVERIFY(tab->report()->isTotalRow(total));
        QCOMPARE(cell(m, total, LedgerReport::DebitColumn), "USD " + debits);
        QCOMPARE(cell(m, total, LedgerReport::OpeningColumn), QString("USD 0.00"));
        QCOMPARE(cell(m, total, LedgerReport::ClosingColumn), QString("USD 0.00"));
        QVERIFY(tab->report()->balanced());
        QVERIFY2(tab->totalsText().contains("Balanced"), qPrintable(tab->totalsText()));
        grabIfAsked(page.get(), "trial-balance-opening");
    }

    void drillDownToLinesAndTheEntry()
    {
        postSome();
        auto session = signInAs(*server, "fin");
        auto page = openLedger(session.get());
        LedgerTab *tab = page->ledger();
        const int ar = rowOfAccount(tab->reportView()->model(), "1100");
        QVERIFY(ar >= 0);

        QSignalSpy lines(tab->lines(), &sales::PagedListModel::pageLoaded);
        tab->openAccount(ar);
        QVERIFY(lines.wait(10000));
        QAbstractItemModel *lm = tab->linesView()->model();
        QCOMPARE(lm->rowCount(), 2); // the invoice's debit, the receipt's credit
        QStringList sources;
        for (int r = 0; r < lm->rowCount(); ++r)
            sources << cell(lm, r, 2);
        QCOMPARE(sources, (QStringList{"Invoice 2", "Customer receipt 3"}));
        QCOMPARE(cell(lm, 0, 3), QString("USD 14,500.00"));

        // The invoice's line opens its entry: three lines (AR, unbilled, deferred revenue).
        const QString entry = sales::idText(tab->lines()->rowObject(0).value("entry_id"));
        JournalEntryDialog dialog(session->api(), entry);
        QSignalSpy loaded(dialog.entry(), &JournalEntry::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY2(dialog.headerText().contains("Invoice 2"), qPrintable(dialog.headerText()));
        QVERIFY2(dialog.headerText().contains("Posted"), qPrintable(dialog.headerText()));
        QCOMPARE(dialog.entry()->lines()->rowCount(), 3);
        QCOMPARE(dialog.entry()->lines()->index(0, 0).data().toString(), QString("1100"));
        dialog.show();
        grabIfAsked(&dialog, "journal-entry");
    }

    void profitAndLossAndBalanceSheetFromTheSamePostings()
    {
        postSome();
        auto session = signInAs(*server, "fin");
        auto page = openLedger(session.get());
        LedgerTab *tab = page->ledger();

        QSignalSpy pl(tab->report(), &LedgerReport::loaded);
        tab->setReportKind(LedgerReport::ProfitAndLoss);
        QVERIFY(pl.wait(10000));
        // 12,500.00 revenue − 1,500.00 subcontractor cost.
        QVERIFY2(tab->totalsText().contains("Net income USD 11,000.00"),
                 qPrintable(tab->totalsText()));
        // Revenue reads positive in the P&L, debit and credit columns are not shown.
        QAbstractItemModel *m = tab->reportView()->model();
        QCOMPARE(cell(m, rowOfAccount(m, "4000"), LedgerReport::BalanceColumn),
                 QString("USD 12,500.00"));
        QVERIFY(tab->reportView()->isColumnHidden(LedgerReport::DebitColumn));
        QVERIFY(tab->reportView()->isColumnHidden(LedgerReport::OpeningColumn));
        QCOMPARE(m->headerData(LedgerReport::BalanceColumn, Qt::Horizontal).toString(),
                 QString("Amount"));

        QSignalSpy bs(tab->report(), &LedgerReport::loaded);
        tab->setReportKind(LedgerReport::BalanceSheet);
        QVERIFY(bs.wait(10000));
        QVERIFY2(tab->totalsText().contains("USD 11,000.00"), qPrintable(tab->totalsText()));
        QVERIFY2(tab->totalsText().contains("Balances"), qPrintable(tab->totalsText()));
    }

    void financeOfOneEntityPicksOnlyThatEntity()
    {
        // A consultant's grant elsewhere does not add its entity to the choice.
        server->createUser("ukfin_us", "ukfin_us password",
                           {{"finance", "UK"}, {"consultant", "US"}}, "US");
        auto mixed = signInAs(*server, "ukfin_us");
        FinancePage mixedPage(mixed.get());
        QVERIFY(QTest::qWaitFor([&] { return !mixedPage.scope()->entityId().isEmpty(); }, 10000));
        QCOMPARE(mixedPage.scope()->entities().size(), 1);
        QCOMPARE(mixedPage.scope()->entity().code, QString("UK"));

        auto session = signInAs(*server, "ukfin");
        FinancePage page(session.get());
        QVERIFY(QTest::qWaitFor([&] { return !page.scope()->entityId().isEmpty(); }, 10000));
        QCOMPARE(page.scope()->entities().size(), 1);
        QCOMPARE(page.scope()->entity().code, QString("UK"));
        QCOMPARE(page.findChild<QComboBox *>("entityPicker")->count(), 1);
    }
};

QTEST_MAIN(TestFinanceLedgerLive)
#include "tst_finance_ledger_live.moc"
