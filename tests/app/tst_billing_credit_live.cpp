// The Billing workspace against a live keel-server: the run's contract picker offers a contract
// never invoiced (the choices come from GET /billing/contracts), a full credit note with release
// issued from the dialog voids the invoice and frees its time for the next run, and a partial
// credit note is worked out and applied to the cent.
#include "billable_contracts.h"
#include "billing/billing_page.h"
#include "billing/billing_run_panel.h"
#include "billing/credit_note_dialog.h"
#include "billing/invoice_detail_pane.h"
#include "billing/invoices_panel.h"
#include "billing_run_job.h"
#include "decimal.h"
#include "invoice_detail.h"
#include "invoice_list_model.h"
#include "json_array_model.h"
#include "session.h"
#include "tst_billing_fixture.h"
#include "tst_billing_page.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace keel;
using namespace keel::test;
using namespace keel::billing;

class TestBillingCreditLive : public QObject, public BillingFixture
{
    Q_OBJECT

    // Runs the month over HTTP and waits; the run's id.
    QString runMonth(HttpClient &http)
    {
        const HttpResult r =
            http.post("/api/v1/billing/runs",
                      {{"legal_entity_id", QString::number(uk)}, {"period", month()}});
        if (r.status != 202)
            qWarning() << "run" << r.status << r.body;
        const QString id = r.json().value("id").toString();
        const bool done = QTest::qWaitFor(
            [&] {
                return http.get("/api/v1/billing/runs/" + id).json().value("status").toString() !=
                       "running";
            },
            20000);
        if (!done)
            qWarning() << "run" << id << "did not finish";
        return id;
    }

    // The client's month billed, approved (fin2 approves fin's request) and issued; its id.
    QString issuedInvoice(const Client &c)
    {
        auto http = client("fin");
        runMonth(*http);
        const QString id = QString::number(scalar(
            "SELECT id FROM invoices WHERE account_id = ? AND status = 'draft'", {c.account}));
        const HttpResult approve =
            http->post("/api/v1/billing/invoices/" + id + "/approve", QJsonObject{});
        if (approve.status != 200)
            qWarning() << "approve" << approve.status << approve.body;
        approvePendingAsFin2();
        const HttpResult issue =
            http->post("/api/v1/billing/invoices/" + id + "/issue", QJsonObject{});
        if (issue.status != 200)
            qWarning() << "issue" << issue.status << issue.body;
        return id;
    }

    // The grid's issued invoices with the one shown in the detail pane.
    InvoiceDetail *showIssued(BillingPage &page, const QString &invoiceId)
    {
        InvoicesPanel *invoices = page.invoicesPanel();
        invoices->setStatusFilter("issued");
        if (!QTest::qWaitFor([&] { return invoices->model()->rowCount() > 0; }, 10000))
            qWarning() << "no issued invoices listed";
        for (int r = 0; r < invoices->model()->rowCount(); ++r)
            if (invoices->model()->idAt(r) == invoiceId)
                invoices->view()->selectRow(r);
        InvoiceDetail *detail = invoices->detailPane()->detail();
        if (!QTest::qWaitFor(
                [&] { return detail->invoiceId() == invoiceId && detail->canCredit(); }, 10000))
            qWarning() << "invoice" << invoiceId << "not shown as creditable";
        return detail;
    }

    static QString amountOf(const QJsonValue &money)
    {
        return money.toObject().value("amount").toString();
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void contractPickerListsAContractWithoutInvoices()
    {
        const Client billed = tmClient("Acme Ltd");
        approvedTime(billed, annaEmp, 2, "7.50");
        auto http = client("fin");
        runMonth(*http); // Acme has invoices; Nova never had one
        const Client nova = tmClient("Nova Biotech");
        approvedTime(nova, benEmp, 3, "6.00"); // 18 h × 165.00 = 2,970.00
        // A draft contract is not billable, so not offered.
        exec("INSERT INTO contracts (legal_entity_id, account_id, title, currency, start_date, "
             "end_date, status) VALUES (?, ?, 'Not signed yet', 'GBP', '2026-01-01', "
             "'2026-12-31', 'draft')",
             {uk, nova.account});

        auto session = signIn(*server, "fin");
        auto page = openPage(session.get());
        BillingRunPanel *panel = page->runPanel();
        auto *clientChoice = panel->findChild<QComboBox *>("runClient");
        auto *contractChoice = panel->findChild<QComboBox *>("runContract");
        QTRY_VERIFY_WITH_TIMEOUT(clientChoice->findText("Nova Biotech") >= 0, 10000);
        QVERIFY(clientChoice->findText("Acme Ltd") >= 0);
        QCOMPARE(clientChoice->count(), 3); // all clients, Acme, Nova
        panel->setClient(QString::number(nova.account));
        QCOMPARE(contractChoice->count(), 2); // all contracts, Nova's signed one
        QCOMPARE(contractChoice->itemText(1), QString("C-UK-2026-0002 · Nova Biotech services"));
        QCOMPARE(panel->contracts()->items().size(), 2);
        QCOMPARE(contractChoice->itemData(1, Qt::ToolTipRole).toString(),
                 QString("18 h of approved time not billed yet (3 entries)."));

        // Billing just that contract from the page makes Nova's first invoice.
        panel->setContract(QString::number(nova.contract));
        panel->job()->setPollInterval(50);
        QSignalSpy finished(panel->job(), &BillingRunJob::finished);
        panel->startRun();
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        const QJsonObject run = finished.first().at(0).toJsonObject();
        QCOMPARE(run.value("status").toString(), QString("completed"));
        QCOMPARE(run.value("invoice_count").toInt(), 1);
        QCOMPARE(text("SELECT subtotal::numeric(20, 2)::text FROM invoices WHERE account_id = ?",
                      {nova.account}),
                 QString("2970.00"));
    }

    void fullCreditWithReleaseVoidsAndFreesTheTime()
    {
        const Client acme = tmClient("Acme Ltd");
        approvedTime(acme, annaEmp, 4, "7.50"); // 30 h × 120.00 = 3,600.00 + VAT 720.00
        const QString id = issuedInvoice(acme);
        QCOMPARE(
            text("SELECT status || ' ' || total::numeric(20, 2) FROM invoices WHERE id = ?", {id}),
            QString("issued 4320.00"));
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'invoiced' AND "
                        "invoice_id = ?",
                        {id}),
                 4);

        auto session = signIn(*server, "fin");
        auto page = openPage(session.get());
        InvoiceDetail *detail = showIssued(*page, id);
        InvoiceDetailPane *pane = page->invoicesPanel()->detailPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->creditNoteButton()->isEnabled(), 5000);
        CreditNoteDialog *dialog = pane->openCreditNoteDialog();
        QVERIFY(dialog);
        dialog->setFull(true);
        dialog->setReleaseSources(true);
        // No reason, no credit note.
        QVERIFY(!dialog->issueButton()->isEnabled());
        QVERIFY2(dialog->summaryText().contains("GBP 4,320.00") &&
                     dialog->summaryText().contains("void"),
                 qPrintable(dialog->summaryText()));
        dialog->setReason("Billed to the wrong purchase order");
        QVERIFY(dialog->issueButton()->isEnabled());
        QSignalSpy issued(detail, &InvoiceDetail::creditNoteIssued);
        QTest::mouseClick(dialog->issueButton(), Qt::LeftButton);
        QVERIFY(issued.wait(10000));

        const QJsonObject note = issued.first().at(0).toJsonObject();
        QVERIFY2(note.value("number").toString().startsWith("CN-UK-"),
                 qPrintable(note.value("number").toString()));
        QCOMPARE(amountOf(note.value("total")), QString("4320.00"));
        QCOMPARE(note.value("released_sources").toInt(), 4);
        QCOMPARE(detail->invoice().value("status").toString(), QString("voided"));
        QCOMPARE(amountOf(detail->invoice().value("balance")), QString("0.00"));
        const QString message = pane->message();
        QVERIFY2(message.contains(note.value("number").toString()) && message.contains("Voided") &&
                     message.contains("balance GBP 0.00") &&
                     message.contains("4 billed records go to the next billing run"),
                 qPrintable(message));
        QVERIFY(pane->creditNoteButton()->isHidden());

        // The sources are free again: the time is approved without an invoice, and the next
        // run bills it afresh, to the penny.
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'approved' AND "
                        "invoice_id IS NULL"),
                 4);
        QCOMPARE(scalar("SELECT count(*) FROM billing_sources WHERE invoice_id = ? AND "
                        "released_at IS NOT NULL",
                        {id}),
                 4);
        auto http = client("fin");
        runMonth(*http);
        QCOMPARE(text("SELECT total::numeric(20, 2)::text FROM invoices WHERE account_id = ? AND "
                      "status = 'draft'",
                      {acme.account}),
                 QString("4320.00"));

        // The grid lists the credit note under "credit notes".
        InvoicesPanel *invoices = page->invoicesPanel();
        invoices->setKindFilter("credit_note");
        QTRY_COMPARE_WITH_TIMEOUT(invoices->model()->rowCount(), 1, 10000);
        QCOMPARE(invoices->model()->idAt(0), note.value("id").toString());
        QCOMPARE(invoices->model()->index(0, InvoiceListModel::NumberColumn).data().toString(),
                 note.value("number").toString());
    }

    void partialCreditToTheCent()
    {
        const Client acme = tmClient("Acme Ltd", "120.10", "165.00");
        approvedTime(acme, annaEmp, 3, "7.25"); // 21.75 h × 120.10 = 2,612.175 -> 2,612.18
        approvedTime(acme, benEmp, 2, "8.00");  // 16 h × 165.00 = 2,640.00
        const QString id = issuedInvoice(acme);
        // Net 5,252.18, VAT 522.44 + 528.00 = 1,050.44, total 6,302.62.
        QCOMPARE(text("SELECT total::numeric(20, 2)::text FROM invoices WHERE id = ?", {id}),
                 QString("6302.62"));

        auto session = signIn(*server, "fin");
        auto page = openPage(session.get());
        InvoiceDetail *detail = showIssued(*page, id);
        QCOMPARE(detail->lines()->rowCount(), 2);
        int annaRow = detail->line(0).value("quantity").toString().startsWith("21.75") ? 0 : 1;
        const QString annaLine = detail->lineId(annaRow);
        const QString benLine = detail->lineId(1 - annaRow);
        CreditNoteDialog *dialog = page->invoicesPanel()->detailPane()->openCreditNoteDialog();
        QVERIFY(dialog);
        dialog->setFull(false);
        dialog->setReleaseSources(true); // a partial credit ignores it
        // More than the line is refused before it is sent.
        dialog->setLineAmount(annaLine, "2612.19");
        QVERIFY2(dialog->problemText().contains("GBP 2,612.18"), qPrintable(dialog->problemText()));
        QVERIFY(!dialog->issueButton()->isEnabled());
        dialog->setLineAmount(annaLine, "100,03"); // typed the German way; VAT 20.006 -> 20.01
        dialog->setLineAmount(benLine, "0.07");    // VAT 0.014 -> 0.01
        QVERIFY2(dialog->summaryText().contains("net GBP 100.10 + tax GBP 20.02 = GBP 120.12"),
                 qPrintable(dialog->summaryText()));
        QVERIFY(!dialog->issueButton()->isEnabled()); // the reason is required
        dialog->setReason("Two hours of onboarding agreed free of charge");
        QVERIFY(dialog->issueButton()->isEnabled());
        if (const QString dir = qEnvironmentVariable("KEEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100);
            QVERIFY(dialog->grab().save(QDir(dir).filePath("credit-note-dialog.png")));
        }
        QSignalSpy issued(detail, &InvoiceDetail::creditNoteIssued);
        QTest::mouseClick(dialog->issueButton(), Qt::LeftButton);
        QVERIFY(issued.wait(10000));

        const QJsonObject note = issued.first().at(0).toJsonObject();
        QCOMPARE(amountOf(note.value("subtotal")), QString("100.10"));
        QCOMPARE(amountOf(note.value("tax_total")), QString("20.02"));
        QCOMPARE(amountOf(note.value("total")), QString("120.12"));
        QCOMPARE(note.value("released_sources").toInt(), 0);
        // 6,302.62 − 120.12 = 6,182.50 open; still issued.
        QCOMPARE(detail->invoice().value("status").toString(), QString("issued"));
        QCOMPARE(amountOf(detail->invoice().value("balance")), QString("6182.50"));
        QVERIFY2(page->invoicesPanel()->detailPane()->headerText().contains("GBP 6,182.50"),
                 qPrintable(page->invoicesPanel()->detailPane()->headerText()));
        QVERIFY2(page->invoicesPanel()->detailPane()->message().contains("balance GBP 6,182.50"),
                 qPrintable(page->invoicesPanel()->detailPane()->message()));
        if (const QString dir = qEnvironmentVariable("KEEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
            page->showTab(BillingPage::InvoicesTab);
            QTest::qWait(300);
            QVERIFY(page->grab().save(QDir(dir).filePath("credit-note-page.png")));
        }
        QCOMPARE(text("SELECT amount_paid::numeric(20, 2)::text FROM invoices WHERE id = ?", {id}),
                 QString("120.12"));
        // The time stays billed.
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'invoiced'"), 5);

        // What is left can no longer be credited in full; each line has its own credits
        // deducted (read from the invoice's credit notes), and a second credit of more than a
        // line has left, or more than is open, is refused before it is sent.
        QTRY_VERIFY_WITH_TIMEOUT(detail->creditsKnown(), 10000);
        dialog = page->invoicesPanel()->detailPane()->openCreditNoteDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QWidget *>("creditFull")->isEnabled());
        dialog->setLineAmount(benLine, "2640.00");
        QVERIFY2(dialog->problemText().contains("at most GBP 2,639.93 is left"),
                 qPrintable(dialog->problemText()));
        dialog->setLineAmount(benLine, "2639.93");
        dialog->setLineAmount(annaLine, "2512.16");
        QVERIFY2(dialog->problemText().contains("at most GBP 2,512.15 is left"),
                 qPrintable(dialog->problemText()));
        // 2,639.93 + VAT 527.99 and 2,512.15 + VAT 502.43: exactly the 6,182.50 open, which
        // the server leaves to a payment once the invoice is credited in part.
        dialog->setLineAmount(annaLine, "2512.15");
        QVERIFY2(dialog->problemText().contains("GBP 6,182.50 with tax is all that is open"),
                 qPrintable(dialog->problemText()));
        dialog->setLineAmount(annaLine, "2512.14");
        QVERIFY2(dialog->problemText().isEmpty(), qPrintable(dialog->problemText()));
        QVERIFY2(dialog->summaryText().contains("net GBP 5,152.07 + tax GBP 1,030.42 = GBP "
                                                "6,182.49"),
                 qPrintable(dialog->summaryText()));
        dialog->reject();
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestBillingCreditLive test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_billing_credit_live.moc"
