// Receivables against a live keel-server (fresh database per test; invoices issued and posted as
// billing does, tests/server/tst_receivables_fixture.h): the aging shows each client's open
// amounts in their buckets and a cell drills into its invoices; a receipt recorded from the
// dialog, applied oldest first across two invoices (the second partly), changes the aging and
// the invoices to the cent; cash received without invoices is applied later from the same
// dialog; a collection note raises an invoice's dunning level; more applied than received is
// refused before anything is sent.
#include "aging_model.h"
#include "allocation_model.h"
#include "finance/cash_dialog.h"
#include "finance/collection_note_dialog.h"
#include "finance/finance_page.h"
#include "finance/receivables_tab.h"
#include "finance/statement_dialog.h"
#include "finance_scope.h"
#include "json_array_model.h"
#include "session.h"
#include "tst_finance_live.h"
#include "tst_receivables_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

class TestFinanceReceivablesLive : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    qint64 old = 0, recent = 0;

    // Initech (GBP) owes 1,200.00 due 100 days ago and 800.00 due in 10 days.
    void twoInvoices()
    {
        const QDate today = QDate::currentDate();
        old = invoice(uk, initech, "GBP", "1200.00", today.addDays(-130), today.addDays(-100));
        recent = invoice(uk, initech, "GBP", "800.00", today.addDays(-20), today.addDays(10));
    }

    std::unique_ptr<FinancePage> openReceivables(Session *session)
    {
        auto page = std::make_unique<FinancePage>(session);
        page->resize(1240, 760);
        page->openTab("receivables");
        if (!QTest::qWaitFor([&] { return !page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        QSignalSpy loaded(page->receivables()->aging(), &AgingModel::loaded);
        page->show();
        if (!loaded.wait(10000))
            qWarning() << "aging did not load" << page->receivables()->messageText();
        return page;
    }

    static QString clientTotal(AgingModel *aging, qint64 client)
    {
        return aging->amountText(QString::number(client), "total");
    }

private slots:
    void init() { setUpReceivables(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void agingShowsBucketsAndDrillsIntoACell()
    {
        twoInvoices();
        auto session = signInAs(*server, "ukfin");
        auto page = openReceivables(session.get());
        AgingModel *aging = page->receivables()->aging();
        const QString id = QString::number(initech);
        QCOMPARE(aging->amountText(id, "d90_plus"), QString("GBP 1,200.00"));
        QCOMPARE(aging->amountText(id, "current"), QString("GBP 800.00"));
        QCOMPARE(aging->amountText(id, "d1_30"), QString()); // nothing: an empty cell
        QCOMPARE(clientTotal(aging, initech), QString("GBP 2,000.00"));
        QCOMPARE(aging->totalText("total"), QString("GBP 2,000.00"));
        const int row = aging->rowOfParty(id);
        QCOMPARE(aging->index(row, AgingModel::PartyColumn).data().toString(), QString("Initech"));
        QCOMPARE(aging->index(row, AgingModel::TotalColumn).data(Qt::TextAlignmentRole).toInt() &
                     Qt::AlignRight,
                 int(Qt::AlignRight));

        page->receivables()->drillInto(id, "d90_plus");
        QVERIFY(QTest::qWaitFor([&] { return page->receivables()->invoices()->rowCount() == 1; },
                                10000));
        const QJsonObject inv = page->receivables()->invoices()->rowObject(0);
        QCOMPARE(inv.value("id").toString(), QString::number(old));
        QCOMPARE(page->receivables()->invoices()->index(0, 5).data().toString(),
                 QString("GBP 1,200.00"));
    }

    void receiptFromTheDialogUpdatesTheAging()
    {
        twoInvoices();
        auto session = signInAs(*server, "ukfin");
        auto page = openReceivables(session.get());
        ReceivablesTab *tab = page->receivables();
        AgingModel *aging = tab->aging();
        const int row = aging->rowOfParty(QString::number(initech));
        QVERIFY(row >= 0);
        tab->agingView()->setCurrentIndex(aging->index(row, AgingModel::TotalColumn));

        tab->recordReceipt();
        auto *dialog = tab->findChild<CashDialog *>();
        QPointer<CashDialog> open(dialog); // it deletes itself once recorded
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return dialog->isReady(); }, 10000));
        QCOMPARE(dialog->allocations()->documentCount(), 2);
        dialog->bankBox()->setCurrentIndex(dialog->bankBox()->findData(QString::number(ukGbpBank)));
        QTest::keyClicks(dialog->amountEdit(), "1500.00");
        dialog->findChild<QPushButton *>("applyOldest")->click();
        // Oldest due first: the old invoice in full, 300.00 of the recent one.
        QCOMPARE(dialog->allocations()->applied(0).toString(), QString("1200.00"));
        QCOMPARE(dialog->allocations()->applied(1).toString(), QString("300.00"));
        grabIfAsked(dialog, "receipt-dialog");

        QSignalSpy reloaded(aging, &AgingModel::loaded);
        QSignalSpy recorded(dialog, &CashDialog::recorded);
        QVERIFY(dialog->submit());
        QVERIFY2(recorded.wait(10000), qPrintable(open ? open->messageText() : QString()));
        QVERIFY(reloaded.wait(10000));

        QCOMPARE(clientTotal(aging, initech), QString("GBP 500.00"));
        QCOMPARE(aging->amountText(QString::number(initech), "d90_plus"), QString());
        QCOMPARE(aging->amountText(QString::number(initech), "current"), QString("GBP 500.00"));
        QCOMPARE(invoiceState(old), QString("paid 1200.00 / 1200.00"));
        QCOMPARE(invoiceState(recent), QString("partially_paid 300.00 / 300.00"));
        QVERIFY2(tab->messageText().contains("Receipt recorded"), qPrintable(tab->messageText()));

        // The client's statement: both invoices, the receipt, and what is left.
        StatementDialog statement(session->api(), QString::number(uk), QString::number(initech),
                                  "Initech");
        statement.show();
        QSignalSpy shown(&statement, &StatementDialog::loaded);
        QVERIFY(shown.wait(10000));
        QCOMPARE(statement.lines()->rowCount(), 3);
        QStringList kinds;
        for (int r = 0; r < 3; ++r)
            kinds << statement.lines()->index(r, 1).data().toString();
        QCOMPARE(kinds, (QStringList{"Invoice", "Invoice", "Receipt"}));
        QVERIFY2(statement.summaryText().contains("GBP 500.00"),
                 qPrintable(statement.summaryText()));
        grabIfAsked(&statement, "client-statement");
    }

    void unappliedCashAppliedLater()
    {
        twoInvoices();
        const QDate today = QDate::currentDate();
        const HttpResult paid =
            receipt(*ukfin, uk, initech, ukGbpBank,
                    today.addDays(-5).toString(Qt::ISODate).toLatin1(), m("500.00", "GBP"));
        QVERIFY2(paid.status == 201, paid.body);
        auto session = signInAs(*server, "ukfin");
        auto page = openReceivables(session.get());
        ReceivablesTab *tab = page->receivables();
        AgingModel *aging = tab->aging();
        const QString id = QString::number(initech);
        QCOMPARE(aging->amountText(id, "unapplied"), QString("GBP 500.00"));
        tab->agingView()->setCurrentIndex(
            aging->index(aging->rowOfParty(id), AgingModel::PartyColumn));

        tab->applyUnappliedCash();
        auto *dialog = tab->findChild<CashDialog *>();
        QPointer<CashDialog> open(dialog); // it deletes itself once recorded
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return dialog->isReady(); }, 10000));
        QCOMPARE(dialog->bankBox()->count(), 1);
        QCOMPARE(dialog->amountEdit()->text(), QString("500.00"));
        dialog->findChild<QPushButton *>("applyOldest")->click();
        QCOMPARE(dialog->allocations()->applied(0).toString(), QString("500.00"));
        QSignalSpy reloaded(aging, &AgingModel::loaded);
        QSignalSpy applied(dialog, &CashDialog::recorded);
        QVERIFY(dialog->submit());
        QVERIFY2(applied.wait(10000), qPrintable(open ? open->messageText() : QString()));
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(aging->amountText(id, "unapplied"), QString());
        QCOMPARE(aging->amountText(id, "d90_plus"), QString("GBP 700.00"));
        QCOMPARE(invoiceState(old), QString("partially_paid 500.00 / 500.00"));
    }

    void collectionNoteRaisesTheDunningLevel()
    {
        twoInvoices();
        auto session = signInAs(*server, "ukfin");
        auto page = openReceivables(session.get());
        ReceivablesTab *tab = page->receivables();
        tab->drillInto(QString::number(initech), "d90_plus");
        QVERIFY(QTest::qWaitFor([&] { return tab->invoices()->rowCount() == 1; }, 10000));
        tab->invoicesView()->setCurrentIndex(tab->invoices()->index(0, 0));

        tab->addCollectionNote();
        auto *dialog = tab->findChild<CollectionNoteDialog *>();
        QVERIFY(dialog);
        QPointer<CollectionNoteDialog> open(dialog);
        dialog->save(); // nothing written yet: refused in words
        QVERIFY(open && open->isVisible());
        dialog->noteEdit()->setPlainText("Called AP: payment run on Friday");
        dialog->levelBox()->setCurrentIndex(dialog->levelBox()->findData(1));
        QSignalSpy saved(dialog, &CollectionNoteDialog::saved);
        dialog->save();
        QVERIFY(saved.wait(10000));
        QCOMPARE(text("SELECT dunning_level || ' ' || (last_dunned_on IS NOT NULL) FROM invoices "
                      "WHERE id = ?",
                      {old}),
                 QString("1 true"));
        QCOMPARE(text("SELECT note FROM collection_notes WHERE invoice_id = ?", {old}),
                 QString("Called AP: payment run on Friday"));
        // The invoices below the aging show the new level once reloaded.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return tab->invoices()->rowCount() > 0 &&
                       tab->invoices()->rowObject(0).value("dunning_level").toInt() == 1;
            },
            10000));
    }

    void moreAppliedThanReceivedIsRefused()
    {
        twoInvoices();
        auto session = signInAs(*server, "ukfin");
        CashDialog dialog(session->api(), CashDialog::Kind::Receipt, QString::number(uk),
                          QString::number(initech), "Initech");
        QVERIFY(QTest::qWaitFor([&] { return dialog.isReady(); }, 10000));
        dialog.bankBox()->setCurrentIndex(dialog.bankBox()->findData(QString::number(ukGbpBank)));
        QTest::keyClicks(dialog.amountEdit(), "100.00");
        QVERIFY(dialog.allocations()->setAppliedText(0, "1200.00"));
        // More than the invoice's balance is not even accepted in the cell.
        QVERIFY(!dialog.allocations()->setAppliedText(1, "900.00"));
        QVERIFY(!dialog.submit());
        QVERIFY2(dialog.messageText().contains("only GBP 100.00 was received"),
                 qPrintable(dialog.messageText()));
        QCOMPARE(scalar("SELECT count(*) FROM customer_receipts"), 0);
    }
};

QTEST_MAIN(TestFinanceReceivablesLive)
#include "tst_finance_receivables_live.moc"
