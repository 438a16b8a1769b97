// Payables against a live keel-server (tests/server/tst_payables_fixture.h: UK in GBP, EUR rates,
// ukfin and ukfin2 finance of UK): open bills listed with their balance in words and money, the
// payables aging per vendor, and a payment recorded from the dialog, applied oldest first,
// paying one bill in full and the next in part. Vendor bills entered in the dialog: hours × rate
// and other costs to the cent, submitted, approved by another finance user and then open with
// their balance; a bill beyond the agreement's cap shows the server's reason; a draft is edited.
#include "aging_model.h"
#include "allocation_model.h"
#include "finance/cash_dialog.h"
#include "finance/finance_page.h"
#include "finance/payables_tab.h"
#include "finance/vendor_bill_dialog.h"
#include "finance_scope.h"
#include "paged_list_model.h"
#include "session.h"
#include "tst_finance_live.h"
#include "tst_payables_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
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

    // An agreement with the vendor (95.50 EUR an hour, `cap` EUR), on the project or for any.
    QJsonObject agreement(HttpClient &http, const QJsonObject &v, const char *cap, bool onProject)
    {
        QJsonObject body{{"vendor_id", v.value("id")}, {"reference", "SA-7"},
                         {"hourly_rate", "95.5"},      {"currency", "EUR"},
                         {"cap_amount", cap},          {"start_date", "2026-01-01"},
                         {"end_date", "2026-12-31"}};
        if (onProject)
            body.insert("project_id", QString::number(project));
        const HttpResult r = http.post("/api/v1/subcontract-agreements", body);
        if (r.status != 201)
            qWarning() << r.body;
        return r.json();
    }

    // The Payables tab of `session`'s page, loaded.
    static PayablesTab *openPayables(FinancePage &page)
    {
        page.resize(1240, 760);
        page.openTab("payables");
        if (!QTest::qWaitFor([&] { return !page.scope()->entityId().isEmpty(); }, 10000))
            qWarning() << "entities did not load";
        page.show();
        return page.payables();
    }

    // The New vendor bill dialog of `tab`, ready, with vendor and agreement chosen.
    static VendorBillDialog *newBillDialog(PayablesTab *tab, const QJsonObject &v,
                                           const QJsonObject &a, const char *ref)
    {
        tab->newBill();
        auto *dialog = tab->findChild<VendorBillDialog *>();
        if (!dialog || !QTest::qWaitFor([&] { return dialog->isReady(); }, 10000)) {
            qWarning() << "the dialog is not ready" << (dialog ? dialog->messageText() : "");
            return nullptr;
        }
        dialog->vendorBox()->setCurrentIndex(
            dialog->vendorBox()->findData(v.value("id").toString()));
        const QString id = a.value("id").toString();
        if (!id.isEmpty()) {
            if (!QTest::qWaitFor([&] { return dialog->agreementBox()->findData(id) > 0; }, 10000)) {
                qWarning() << "no agreement" << id << dialog->agreementBox()->count()
                           << dialog->messageText();
                return nullptr;
            }
            dialog->agreementBox()->setCurrentIndex(dialog->agreementBox()->findData(id));
        }
        QTest::keyClicks(dialog->referenceEdit(), ref);
        dialog->billDateEdit()->setDate(QDate(2026, 3, 10));
        return dialog;
    }

    void billEnteredInTheDialogIsSubmittedApprovedAndOpen()
    {
        auto fin = login("ukfin");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        db::exec(db->sql(), QStringLiteral("INSERT INTO project_tasks (project_id, seq, name) "
                                           "VALUES (%1, 1, 'Data pipeline')")
                                .arg(project));

        auto session = signInAs(*server, "ukfin");
        FinancePage page(session.get());
        PayablesTab *tab = openPayables(page);
        QVERIFY(tab->newBillButton()->isVisible());
        // An agreement for any project: its rate fills the line, other costs are allowed.
        const QJsonObject a = agreement(*fin, v, "5000.00", false);
        VendorBillDialog *dialog = newBillDialog(tab, v, a, "BD-200");
        QVERIFY(dialog);
        QPointer<VendorBillDialog> open(dialog);
        // The vendor's 30 days from the bill date, in the vendor's currency.
        QCOMPARE(dialog->dueDateEdit()->date(), QDate(2026, 4, 9));
        QCOMPARE(dialog->currency(), QString("EUR"));
        QCOMPARE(dialog->lineCount(), 1);
        dialog->projectBox(0)->setCurrentIndex(
            dialog->projectBox(0)->findData(QString::number(project)));
        QVERIFY(QTest::qWaitFor([&] { return dialog->taskBox(0)->count() == 2; }, 10000));
        dialog->taskBox(0)->setCurrentIndex(1);
        QCOMPARE(dialog->rateEdit(0)->text(), QString("95.5"));
        QVERIFY2(dialog->findChild<QLabel *>("agreementInfo")
                     ->text()
                     .contains("EUR 5,000.00 left under the cap of EUR 5,000.00"),
                 qPrintable(dialog->findChild<QLabel *>("agreementInfo")->text()));
        QTest::keyClicks(dialog->descriptionEdit(0), "Data engineering, March");
        // 12.25 h × 95.50 = 1,169.875: rounded once, half away from zero.
        QTest::keyClicks(dialog->hoursEdit(0), "12.25");
        QCOMPARE(dialog->lineAmountText(0), QString("EUR 1,169.88"));
        const int cost = dialog->addCostLine();
        QTest::keyClicks(dialog->descriptionEdit(cost), "Cloud software");
        QTest::keyClicks(dialog->amountEdit(cost), "234.56");
        QVERIFY2(dialog->totalText().contains("EUR 1,404.44"), qPrintable(dialog->totalText()));
        dialog->show();
        grabIfAsked(dialog, "vendor-bill");

        QSignalSpy saved(dialog, &VendorBillDialog::saved);
        QVERIFY2(dialog->saveAndSubmit(), qPrintable(dialog->messageText()));
        QVERIFY2(saved.wait(10000), qPrintable(open ? open->messageText() : QString()));
        const QJsonObject bill = saved.first().first().toJsonObject();
        QCOMPARE(bill.value("status").toString(), QString("submitted"));
        QCOMPARE(amountOf(bill.value("total")), QString("1404.44"));
        const QJsonArray lines = getBill(*fin, bill).value("lines").toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(amountOf(lines.at(0).toObject().value("amount")), QString("1169.88"));
        QCOMPARE(lines.at(0).toObject().value("hours").toString(), QString("12.25"));
        QVERIFY(!lines.at(0).toObject().value("task_id").toString().isEmpty());
        QCOMPARE(lines.at(1).toObject().value("project_id").toString(), QString());
        QCOMPARE(getBill(*fin, bill).value("due_date").toString(), QString("2026-04-09"));
        QCOMPARE(getBill(*fin, bill).value("agreement_id").toString(), a.value("id").toString());

        // Whoever entered it does not decide it: the buttons say so.
        QAbstractItemModel *bills = tab->billsView()->model();
        QVERIFY(QTest::qWaitFor([&] { return tab->bills()->rowCount() == 1; }, 10000));
        tab->billsView()->setCurrentIndex(bills->index(0, 0));
        auto *approve = tab->findChild<QPushButton *>("approveVendorBill");
        QVERIFY(approve->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return !approve->isEnabled(); }, 10000));

        // Another finance user of UK approves it; it is then open with its whole balance.
        auto other = signInAs(*server, "ukfin2");
        FinancePage otherPage(other.get());
        PayablesTab *otherTab = openPayables(otherPage);
        otherTab->showStatus("submitted");
        QVERIFY(QTest::qWaitFor([&] { return otherTab->bills()->rowCount() == 1; }, 10000));
        QAbstractItemModel *otherBills = otherTab->billsView()->model();
        otherTab->billsView()->setCurrentIndex(otherBills->index(0, 0));
        QVERIFY(otherTab->findChild<QPushButton *>("approveVendorBill")->isEnabled());
        grabIfAsked(&otherPage, "payables-approve");
        otherTab->decideBill("approve");
        QVERIFY(QTest::qWaitFor(
            [&] {
                return otherTab->bills()->rowCount() == 1 &&
                       otherBills->index(0, 4).data().toString() ==
                           QLatin1String("Approved, unpaid");
            },
            10000));
        QCOMPARE(otherBills->index(0, 0).data().toString(), QString("BD-200"));
        QCOMPARE(otherBills->index(0, 6).data().toString(), QString("EUR 1,404.44"));
        QVERIFY2(otherTab->messageText().contains("approved"), qPrintable(otherTab->messageText()));
        QCOMPARE(getBill(*fin, bill).value("approved_by").toString(), QString::number(ukfin2));
    }

    void billBeyondTheCapShowsWhyAndADraftIsEdited()
    {
        auto fin = login("ukfin");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        const QJsonObject a = agreement(*fin, v, "1000.00", true);

        auto session = signInAs(*server, "ukfin");
        FinancePage page(session.get());
        PayablesTab *tab = openPayables(page);
        VendorBillDialog *dialog = newBillDialog(tab, v, a, "BD-300");
        QVERIFY(dialog);
        QPointer<VendorBillDialog> open(dialog);
        // The agreement's project and rate are the line's.
        QCOMPARE(dialog->projectBox(0)->currentData().toString(), QString::number(project));
        QCOMPARE(dialog->rateEdit(0)->text(), QString("95.5"));
        QTest::keyClicks(dialog->descriptionEdit(0), "Data engineering");
        QTest::keyClicks(dialog->hoursEdit(0), "12"); // 1,146.00 > 1,000.00
        QVERIFY(dialog->saveDraft());
        QVERIFY(QTest::qWaitFor([&] { return !dialog->messageText().isEmpty(); }, 10000));
        QVERIFY2(dialog->messageText().contains("beyond the agreement's cap of EUR 1,000.00") ||
                     dialog->messageText().contains("beyond the agreement's cap"),
                 qPrintable(dialog->messageText()));
        QVERIFY(dialog->messageText().contains("is left"));
        QVERIFY(open && dialog->isVisible()); // the form stays for a correction

        // 10 h fit: a draft; opened again from the list, 10.25 h × 95.50 = 978.88, submitted.
        dialog->hoursEdit(0)->setText("10");
        QSignalSpy saved(dialog, &VendorBillDialog::saved);
        QVERIFY(dialog->saveDraft());
        QVERIFY2(saved.wait(10000), qPrintable(open ? open->messageText() : QString()));
        QCOMPARE(saved.first().first().toJsonObject().value("status").toString(), QString("draft"));
        QVERIFY(QTest::qWaitFor([&] { return tab->bills()->rowCount() == 1; }, 10000));
        QCOMPARE(tab->billsView()->model()->index(0, 4).data().toString(), QString("Draft"));
        QVERIFY(QTest::qWaitFor([&] { return !open; }, 5000)); // closed and gone

        tab->billsView()->setCurrentIndex(tab->billsView()->model()->index(0, 0));
        tab->editBill();
        auto *edit = tab->findChild<VendorBillDialog *>();
        QVERIFY(edit);
        QVERIFY(QTest::qWaitFor([&] { return edit->isReady(); }, 10000));
        QCOMPARE(edit->lineCount(), 1);
        QCOMPARE(edit->referenceEdit()->text(), QString("BD-300"));
        QCOMPARE(edit->hoursEdit(0)->text(), QString("10"));
        QCOMPARE(edit->lineAmountText(0), QString("EUR 955.00"));
        edit->hoursEdit(0)->setText("10.25");
        QVERIFY2(edit->totalText().contains("EUR 978.88"), qPrintable(edit->totalText()));
        QSignalSpy submitted(edit, &VendorBillDialog::saved);
        QVERIFY(edit->saveAndSubmit());
        QVERIFY(submitted.wait(10000));
        const QJsonObject bill = submitted.first().first().toJsonObject();
        QCOMPARE(bill.value("status").toString(), QString("submitted"));
        QCOMPARE(amountOf(bill.value("total")), QString("978.88"));
        QCOMPARE(bill.value("version").toInt(), 3); // created, edited, submitted

        // Another finance user rejects it with the reason; it waits to be submitted again.
        auto other = signInAs(*server, "ukfin2");
        FinancePage otherPage(other.get());
        PayablesTab *otherTab = openPayables(otherPage);
        otherTab->showStatus("submitted");
        QVERIFY(QTest::qWaitFor([&] { return otherTab->bills()->rowCount() == 1; }, 10000));
        otherTab->billsView()->setCurrentIndex(otherTab->billsView()->model()->index(0, 0));
        otherTab->decideBill("reject", "Hours do not match the timesheet");
        QVERIFY(QTest::qWaitFor(
            [&] {
                return otherTab->bills()->rowCount() == 1 &&
                       otherTab->billsView()->model()->index(0, 4).data().toString() ==
                           QLatin1String("Rejected");
            },
            10000));
        const QJsonObject rejected = getBill(*fin, bill);
        QCOMPARE(rejected.value("status").toString(), QString("rejected"));
        QCOMPARE(rejected.value("rejection_reason").toString(),
                 QString("Hours do not match the timesheet"));
        tab->showStatus("rejected");
        QVERIFY(QTest::qWaitFor([&] { return tab->bills()->rowCount() == 1; }, 10000));
        tab->billsView()->setCurrentIndex(tab->billsView()->model()->index(0, 0));
        QVERIFY(tab->findChild<QPushButton *>("submitVendorBill")->isVisible());
        QVERIFY(!tab->findChild<QPushButton *>("editVendorBill")->isVisible());
    }

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
