// Payables against a live keel-server (tests/server/tst_payables_fixture.h: UK in GBP, EUR rates,
// ukfin and ukfin2 finance of UK): open bills listed with their balance in words and money, the
// payables aging per vendor, and a payment recorded from the dialog, applied oldest first,
// paying one bill in full and the next in part.
#include "aging_model.h"
#include "allocation_model.h"
#include "finance/cash_dialog.h"
#include "finance/finance_page.h"
#include "finance/payables_tab.h"
#include "finance_scope.h"
#include "paged_list_model.h"
#include "session.h"
#include "tst_finance_live.h"
#include "tst_payables_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::finance;

class TestFinancePayablesLive : public QObject, public PayablesFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void paymentFromTheDialogPaysBillsOldestFirst()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "GB11NWBK60161300000001", "EUR");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        // 10 h × 100.00 + 234.56 = 1,234.56 EUR, due first; then 500.00 EUR.
        const QJsonObject first =
            approvedBill(*fin, *fin2, v, "BD-100", "2026-02-10",
                         {hoursLine(project, "10", "100"), costLine("Cloud software", "234.56")});
        const QJsonObject second = approvedBill(*fin, *fin2, v, "BD-101", "2026-03-10",
                                                {costLine("Cloud software", "500.00")});

        auto session = signInAs(*server, "ukfin");
        FinancePage page(session.get());
        page.resize(1240, 760);
        page.openTab("payables");
        QVERIFY(QTest::qWaitFor([&] { return !page.scope()->entityId().isEmpty(); }, 10000));
        PayablesTab *tab = page.payables();
        QSignalSpy aged(tab->aging(), &AgingModel::loaded);
        page.show();
        QVERIFY(QTest::qWaitFor([&] { return tab->bills()->rowCount() == 2; }, 10000));
        QVERIFY(aged.count() > 0 || aged.wait(10000));
        QAbstractItemModel *bills = tab->billsView()->model();
        QCOMPARE(bills->index(0, 0).data().toString(), QString("BD-100"));
        QCOMPARE(bills->index(0, 4).data().toString(), QString("Approved, unpaid"));
        QCOMPARE(bills->index(0, 6).data().toString(), QString("EUR 1,234.56"));
        const QString vendorId = v.value("id").toString();
        QVERIFY(!tab->aging()->amountText(vendorId, "total").isEmpty());

        tab->billsView()->setCurrentIndex(bills->index(0, 0));
        tab->recordPayment();
        auto *dialog = tab->findChild<CashDialog *>();
        QPointer<CashDialog> open(dialog); // it deletes itself once recorded
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return dialog->isReady(); }, 10000));
        QCOMPARE(dialog->allocations()->documentCount(), 2);
        dialog->bankBox()->setCurrentIndex(dialog->bankBox()->findData(eur.value("id").toString()));
        QTest::keyClicks(dialog->amountEdit(), "1500.00");
        dialog->findChild<QPushButton *>("applyOldest")->click();
        QCOMPARE(dialog->allocations()->applied(0).toString(), QString("1234.56"));
        QCOMPARE(dialog->allocations()->applied(1).toString(), QString("265.44"));

        QSignalSpy recorded(dialog, &CashDialog::recorded);
        QVERIFY(dialog->submit());
        QVERIFY2(recorded.wait(10000), qPrintable(open ? open->messageText() : QString()));
        QCOMPARE(getBill(*fin, first).value("status").toString(), QString("paid"));
        const QJsonObject part = getBill(*fin, second);
        QCOMPARE(part.value("status").toString(), QString("partially_paid"));
        QCOMPARE(amountOf(part.value("balance")), QString("234.56"));
        // The open list now holds only the part-paid bill, with what is left.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return tab->bills()->rowCount() == 1 &&
                       bills->index(0, 6).data().toString() == QLatin1String("EUR 234.56");
            },
            10000));
        QCOMPARE(bills->index(0, 4).data().toString(), QString("Partly paid"));
        QVERIFY2(tab->messageText().contains("Payment recorded"), qPrintable(tab->messageText()));
    }
};

QTEST_MAIN(TestFinancePayablesLive)
#include "tst_finance_payables_live.moc"
