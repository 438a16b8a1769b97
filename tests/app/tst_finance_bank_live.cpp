// The Bank tab against a live keel-server: a CSV statement imported from a file shows its lines
// and the reconciliation's statement balance; the same file again adds nothing; a file without
// the header is refused in words and nothing is imported; a bank charge is booked to an expense
// account and the line matched; a line of a recorded receipt is
// suggested that receipt first, and matching it reconciles the line.
#include "finance/bank_account_dialog.h"
#include "finance/bank_tab.h"
#include "finance/book_line_dialog.h"
#include "finance/finance_page.h"
#include "finance_scope.h"
#include "json_array_model.h"
#include "paged_list_model.h"
#include "session.h"
#include "statement_import.h"
#include "tst_finance_live.h"
#include "tst_receivables_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qWarning() << "cannot write" << f.fileName();
    f.write(bytes);
    return f.fileName();
}
} // namespace

class TestFinanceBankLive : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    std::unique_ptr<FinancePage> openBank(Session *session, qint64 bankAccount)
    {
        auto page = std::make_unique<FinancePage>(session);
        page->resize(1240, 760);
        page->openTab("bank");
        if (!QTest::qWaitFor([&] { return !page->scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        QSignalSpy accounts(page->bank(), &BankTab::accountsLoaded);
        page->show();
        if (!accounts.wait(10000))
            qWarning() << "bank accounts did not load" << page->bank()->messageText();
        QComboBox *box = page->bank()->accountBox();
        box->setCurrentIndex(box->findData(QString::number(bankAccount)));
        emit box->activated(box->currentIndex());
        if (!QTest::qWaitFor([&] { return page->bank()->lines()->hasLoaded(); }, 10000))
            qWarning() << "statement lines did not load";
        return page;
    }

    bool importAndWait(BankTab *tab, const QString &path, QString *error = nullptr)
    {
        QSignalSpy done(tab->importer(), &StatementImport::imported);
        QSignalSpy failed(tab->importer(), &StatementImport::failed);
        tab->importFile(path);
        if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 10000))
            qWarning() << "no answer to the import";
        if (error && !failed.isEmpty())
            *error = failed.first().at(0).toString();
        return !done.isEmpty();
    }

private slots:
    void init() { setUpReceivables(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void importedStatementShowsItsLines()
    {
        auto session = signInAs(*server, "ukfin");
        auto page = openBank(session.get(), ukGbpBank);
        BankTab *tab = page->bank();
        QTemporaryDir dir;
        const QString file = writeFile(dir, "march.csv",
                                       "date,amount,reference,counterparty\n"
                                       "2026-03-02,1200.00,INV-X-1,Initech Ltd\n"
                                       "2026-03-05,-45.10,Card fees,Bank\n"
                                       "2026-03-09,310.25,Unknown transfer,J. Smith\n");
        QVERIFY(importAndWait(tab, file));
        QVERIFY(QTest::qWaitFor([&] { return tab->lines()->rowCount() == 3; }, 10000));
        QVERIFY2(tab->messageText().contains("3 statement lines imported"),
                 qPrintable(tab->messageText()));
        QAbstractItemModel *m = tab->linesView()->model();
        QCOMPARE(m->index(1, 3).data().toString(), QString("GBP -45.10"));
        QCOMPARE(m->index(1, 4).data().toString(), QString("To reconcile"));
        QVERIFY(QTest::qWaitFor([&] { return tab->reconciliationText().contains("GBP 1,465.15"); },
                                10000));

        // The same file again: nothing new.
        QVERIFY(importAndWait(tab, file));
        QVERIFY2(tab->messageText().contains("were already there"), qPrintable(tab->messageText()));
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines"), 3);
    }

    void bankChargeBookedToAnAccount()
    {
        auto session = signInAs(*server, "ukfin");
        auto page = openBank(session.get(), ukGbpBank);
        BankTab *tab = page->bank();
        QTemporaryDir dir;
        QVERIFY(importAndWait(tab, writeFile(dir, "fees.csv",
                                             "date,amount,reference,counterparty\n"
                                             "2026-03-31,-12.50,Account fee March,Bank\n")));
        QVERIFY(QTest::qWaitFor([&] { return tab->lines()->rowCount() == 1; }, 10000));
        tab->linesView()->setCurrentIndex(tab->linesView()->model()->index(0, 0));
        tab->bookLine();
        auto *dialog = tab->findChild<BookLineDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return dialog->isReady(); }, 10000));
        // Money out: expense accounts come first; the bank's own account is not offered.
        const QString bankNumber =
            text("SELECT a.number FROM bank_accounts b JOIN ledger_accounts a ON a.id = "
                 "b.ledger_account_id WHERE b.id = ?",
                 {ukGbpBank});
        QVERIFY(dialog->accountBox()->findData(bankNumber) < 0);
        dialog->accountBox()->setCurrentIndex(dialog->accountBox()->findData("6000"));
        QVERIFY(dialog->accountBox()->currentIndex() >= 0);
        QCOMPARE(dialog->descriptionEdit()->text(), QString("Account fee March"));
        QPointer<BookLineDialog> open(dialog); // it deletes itself once booked
        QVERIFY(dialog->submit());
        QVERIFY2(QTest::qWaitFor([&] { return tab->messageText().contains("booked"); }, 10000),
                 qPrintable(open ? open->messageText() : tab->messageText()));
        QCOMPARE(text("SELECT status FROM bank_statement_lines"), QString("matched"));
        QCOMPARE(text("SELECT a.number || ' ' || l.functional_debit::numeric(20,2) FROM "
                      "bank_statement_lines s JOIN journal_lines l ON l.entry_id = "
                      "s.journal_entry_id JOIN ledger_accounts a ON a.id = l.ledger_account_id "
                      "WHERE l.functional_debit > 0"),
                 QString("6000 12.50"));
    }

    void newAccountFromTheDialog()
    {
        auto session = signInAs(*server, "ukfin");
        auto page = openBank(session.get(), ukGbpBank);
        BankTab *tab = page->bank();
        const int before = tab->accountBox()->count();
        tab->newAccount();
        auto *dialog = tab->findChild<BankAccountDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->currencyBox()->currentText(), QString("GBP")); // the entity's first
        dialog->nameEdit()->setText("Payroll account");
        dialog->numberEdit()->setText("GB33BUKB20201555555555");
        QSignalSpy loaded(tab, &BankTab::accountsLoaded);
        QVERIFY(dialog->submit());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(tab->accountBox()->count(), before + 1);
        QVERIFY2(tab->accountBox()->currentText().startsWith("Payroll account"),
                 qPrintable(tab->accountBox()->currentText()));
        QVERIFY2(tab->messageText().contains("posts to ledger account 100"),
                 qPrintable(tab->messageText()));
    }

    void fileWithoutTheHeaderIsRefused()
    {
        auto session = signInAs(*server, "ukfin");
        auto page = openBank(session.get(), ukGbpBank);
        QTemporaryDir dir;
        QString error;
        QVERIFY(!importAndWait(
            page->bank(), writeFile(dir, "bad.csv", "2026-03-02;1200,00;INV;Initech\n"), &error));
        QVERIFY2(error.contains("date,amount,reference,counterparty"), qPrintable(error));
        QVERIFY2(page->bank()->messageText().startsWith("Nothing was imported"),
                 qPrintable(page->bank()->messageText()));
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines"), 0);
    }

    void matchingASuggestedReceiptReconcilesTheLine()
    {
        const QDate today = QDate::currentDate();
        const qint64 inv =
            invoice(uk, initech, "GBP", "1200.00", today.addDays(-40), today.addDays(-10));
        const QString number = text("SELECT number FROM invoices WHERE id = ?", {inv});
        const HttpResult recorded =
            receipt(*ukfin, uk, initech, ukGbpBank,
                    today.addDays(-3).toString(Qt::ISODate).toLatin1().constData(),
                    m("1200.00", "GBP"), QJsonArray{alloc(inv, "1200.00", "GBP")});
        QVERIFY2(recorded.status == 201, recorded.body);
        const QString receiptId = recorded.json().value("id").toString();

        auto session = signInAs(*server, "ukfin");
        auto page = openBank(session.get(), ukGbpBank);
        BankTab *tab = page->bank();
        QTemporaryDir dir;
        QVERIFY(importAndWait(
            tab, writeFile(dir, "s.csv",
                           "date,amount,reference,counterparty\n" +
                               today.addDays(-2).toString(Qt::ISODate).toLatin1() +
                               ",1200.00,Payment " + number.toLatin1() + ",Initech Ltd\n")));
        QVERIFY(QTest::qWaitFor([&] { return tab->lines()->rowCount() == 1; }, 10000));
        tab->linesView()->setCurrentIndex(tab->linesView()->model()->index(0, 0));
        QVERIFY(QTest::qWaitFor([&] { return tab->suggestions()->rowCount() > 0; }, 10000));
        const QJsonObject first = tab->suggestions()->rowObject(0);
        QCOMPARE(first.value("kind").toString(), QString("customer_receipt"));
        QCOMPARE(first.value("id").toString(), receiptId);
        QCOMPARE(tab->suggestions()->index(0, 0).data().toString(), QString("Recorded receipt"));

        tab->matchSuggestion(0);
        QVERIFY2(QTest::qWaitFor([&] { return tab->messageText().contains("matched"); }, 10000),
                 qPrintable(tab->messageText()));
        QCOMPARE(text("SELECT status || ' ' || customer_receipt_id FROM bank_statement_lines"),
                 "matched " + receiptId);
        // Matched lines leave the "to reconcile" list.
        QVERIFY(QTest::qWaitFor([&] { return tab->lines()->rowCount() == 0; }, 10000));
    }
};

QTEST_MAIN(TestFinanceBankLive)
#include "tst_finance_bank_live.moc"
