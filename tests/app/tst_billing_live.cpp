// The Billing workspace against a live keel-server (in-process, fresh database per test): a
// run started from the page shows its progress to the end and its drafts appear in the grid,
// amounts to the penny; bulk approve and issue move the ticked invoices on and say per invoice
// what happened; hold, write-down and description edits reach the server; the grid loads more
// pages as it scrolls; the PDF preview renders the server's PDF.
#include "billing/billing_page.h"
#include "billing/billing_run_panel.h"
#include "billing/exceptions_panel.h"
#include "billing/invoice_detail_pane.h"
#include "billing/invoice_pdf_dialog.h"
#include "billing/invoices_panel.h"
#include "billing_exceptions_model.h"
#include "billing_run_job.h"
#include "billing_runs_model.h"
#include "invoice_detail.h"
#include "invoice_list_model.h"
#include "json_array_model.h"
#include "main_window.h"
#include "sales_format.h"
#include "session.h"
#include "tst_billing_fixture.h"
#include "tst_billing_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace keel;
using namespace keel::test;
using namespace keel::billing;

namespace {
QString screenshotDir()
{
    return qEnvironmentVariable("KEEL_SCREENSHOT_DIR");
}
} // namespace

class TestBillingLive : public QObject, public BillingFixture
{
    Q_OBJECT

    // Runs the month from the page and waits for the end; the run's JSON.
    QJsonObject runFromPage(BillingPage &page, QList<int> *progress = nullptr)
    {
        BillingRunPanel *panel = page.runPanel();
        panel->job()->setPollInterval(50);
        panel->setPeriod(month());
        QSignalSpy finished(panel->job(), &BillingRunJob::finished);
        QSignalSpy failed(panel->job(), &BillingRunJob::failed);
        if (progress)
            connect(panel->job(), &BillingRunJob::progressChanged, this,
                    [progress](int p) { progress->append(p); });
        panel->startRun();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000))
            qWarning() << "the run did not finish";
        if (!failed.isEmpty())
            qWarning() << "run failed:" << failed.first().at(0).toString();
        return finished.isEmpty() ? QJsonObject() : finished.first().at(0).toJsonObject();
    }

    // Waits until the grid has loaded (at least one page) and no request is open.
    static bool gridLoaded(InvoicesPanel *panel, int rows)
    {
        return QTest::qWaitFor(
            [&] { return !panel->model()->isLoading() && panel->model()->rowCount() == rows; },
            10000);
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void runFromThePageShowsProgressAndDrafts();
    void bulkApproveThenIssue();
    void holdWriteDownAndDescriptionRoundTrip();
    void gridFetchesMoreOnScroll();
    void twentyThousandInvoicesTickedAndTotalled();
    void pdfPreviewRendersTheServersPdf();
    void capExceptionReleaseRefusedThenWrittenOff();
    void screenshots();
};

void TestBillingLive::runFromThePageShowsProgressAndDrafts()
{
    const Client acme = tmClient("Acme Ltd");
    const Client brent = tmClient("Brent Foods plc", "110.00", "150.00");
    approvedTime(acme, annaEmp, 10, "7.50"); // 75 h × 120.00 = 9,000.00
    approvedTime(acme, benEmp, 4, "8.00");   // 32 h × 165.00 = 5,280.00
    approvedTime(brent, annaEmp, 3, "6.25"); // 18.75 h × 110.00 = 2,062.50
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    QCOMPARE(page->legalEntityId(), QString::number(uk));

    QList<int> progress;
    const QJsonObject run = runFromPage(*page, &progress);
    QCOMPARE(run.value("status").toString(), QString("completed"));
    QCOMPARE(run.value("invoice_count").toInt(), 2);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), 100);
    QCOMPARE(page->runPanel()->progressBar()->value(), 100);
    const QString status = page->runPanel()->statusText();
    QVERIFY2(status.contains("2 draft invoices") && status.contains("3 lines"), qPrintable(status));
    // 14,280.00 + 2,062.50 net, VAT 20 %: 17,136.00 + 2,475.00.
    QVERIFY2(status.contains("GBP 19,611.00"), qPrintable(status));
    // The history shows the run.
    QTRY_VERIFY_WITH_TIMEOUT(page->runPanel()->runsModel()->rowOf(run.value("id").toString()) >= 0,
                             10000);

    // "Review the drafts": the grid shows the run's invoices, money right-aligned with currency.
    emit page->runPanel()->reviewRequested(run.value("id").toString());
    InvoicesPanel *invoices = page->invoicesPanel();
    QCOMPARE(page->tabs()->currentWidget(), invoices);
    QVERIFY(gridLoaded(invoices, 2));
    // The run's client choice now offers the clients billed, by name.
    auto *clientChoice = page->runPanel()->findChild<QComboBox *>("runClient");
    QVERIFY(clientChoice);
    QTRY_VERIFY_WITH_TIMEOUT(clientChoice->findText("Brent Foods plc") >= 0, 10000);
    InvoiceListModel *model = invoices->model();
    const int acmeRow = model->invoice(0).value("account_name").toString() == "Acme Ltd" ? 0 : 1;
    QCOMPARE(model->index(acmeRow, InvoiceListModel::StatusColumn).data().toString(),
             QString("Draft"));
    QCOMPARE(model->index(acmeRow, InvoiceListModel::SubtotalColumn).data().toString(),
             QString("GBP 14,280.00"));
    QCOMPARE(model->index(acmeRow, InvoiceListModel::TaxColumn).data().toString(),
             QString("GBP 2,856.00"));
    QCOMPARE(model->index(acmeRow, InvoiceListModel::TotalColumn).data().toString(),
             QString("GBP 17,136.00"));
    QCOMPARE(
        model->index(acmeRow, InvoiceListModel::TotalColumn).data(Qt::TextAlignmentRole).toInt() &
            Qt::AlignRight,
        int(Qt::AlignRight));

    // The detail: lines per role with hours × rate, and the time entries behind a line.
    invoices->view()->selectRow(acmeRow);
    InvoiceDetail *detail = invoices->detailPane()->detail();
    QTRY_COMPARE_WITH_TIMEOUT(detail->invoiceId(), model->idAt(acmeRow), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(detail->lines()->rowCount(), 2, 10000);
    int annaLine = -1;
    for (int r = 0; r < 2; ++r)
        if (detail->line(r).value("quantity").toString().startsWith("75"))
            annaLine = r;
    QVERIFY(annaLine >= 0);
    QCOMPARE(detail->lines()->index(annaLine, InvoiceDetail::LineAmountColumn).data().toString(),
             QString("GBP 9,000.00"));
    QCOMPARE(detail->lines()->index(annaLine, InvoiceDetail::LineQuantityColumn).data().toString(),
             QString("75.00 h"));
    QSignalSpy sources(detail, &InvoiceDetail::sourcesLoaded);
    invoices->detailPane()->selectLine(annaLine);
    QTRY_COMPARE_WITH_TIMEOUT(detail->sources()->rowCount(), 10, 10000);
    const QJsonObject first = detail->sources()->rowObject(0);
    QCOMPARE(first.value("person").toString(), QString("Anna Berg"));
    QCOMPARE(first.value("hours_text").toString(), QString("7.50"));
    QCOMPARE(first.value("notes").toString(), QString("Workshops and design"));
    QVERIFY2(detail->sourcesSummary().contains("10 records"), qPrintable(detail->sourcesSummary()));
}

void TestBillingLive::bulkApproveThenIssue()
{
    const Client acme = tmClient("Acme Ltd");
    const Client brent = tmClient("Brent Foods plc");
    const Client corvid = tmClient("Corvid Labs");
    approvedTime(acme, annaEmp, 2, "8.00");
    approvedTime(brent, annaEmp, 2, "8.00");
    approvedTime(corvid, benEmp, 1, "4.00");
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    const QJsonObject run = runFromPage(*page);
    QCOMPARE(run.value("invoice_count").toInt(), 3);
    InvoicesPanel *invoices = page->invoicesPanel();
    invoices->showRun(run.value("id").toString());
    QVERIFY(gridLoaded(invoices, 3));
    InvoiceListModel *model = invoices->model();

    // Two ticked, approved at once: both go to finance for approval (fin submitted them, so
    // another finance person decides); the third stays a plain draft.
    model->setChecked(0, true);
    model->setChecked(1, true);
    QVERIFY2(invoices->summaryText().contains("2 ticked"), qPrintable(invoices->summaryText()));
    const QString ticked0 = model->idAt(0), ticked1 = model->idAt(1), other = model->idAt(2);
    QSignalSpy bulkDone(model, &InvoiceListModel::bulkFinished);
    QSignalSpy refreshed(model, &InvoiceListModel::rowsRefreshed);
    invoices->approveTicked();
    QVERIFY(bulkDone.wait(10000));
    QCOMPARE(bulkDone.first().at(1).toInt(), 2);
    QCOMPARE(bulkDone.first().at(2).toInt(), 0);
    QVERIFY2(invoices->message().contains("2 invoices sent for approval"),
             qPrintable(invoices->message()));
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(model->index(model->rowOf(ticked0), InvoiceListModel::ResultColumn).data().toString(),
             QString("Done"));
    QVERIFY2(
        model->index(model->rowOf(ticked0), InvoiceListModel::StatusColumn)
            .data()
            .toString()
            .startsWith("Awaiting approval"),
        qPrintable(
            model->index(model->rowOf(ticked0), InvoiceListModel::StatusColumn).data().toString()));
    QCOMPARE(model->checkedCount(), 0);
    QCOMPARE(approvePendingAsFin2(), 2);
    QCOMPARE(text("SELECT status FROM invoices WHERE id = ?", {ticked0}), QString("approved"));
    QCOMPARE(text("SELECT status FROM invoices WHERE id = ?", {other}), QString("draft"));

    // Issue all three: the two approved ones are issued with numbers; the draft is refused, and
    // its row says why and stays ticked.
    invoices->showRun(run.value("id").toString());
    QVERIFY(gridLoaded(invoices, 3));
    model->setCheckedRows({0, 1, 2}, true);
    bulkDone.clear();
    invoices->issueTicked();
    QVERIFY(bulkDone.wait(10000));
    QCOMPARE(bulkDone.first().at(1).toInt(), 2);
    QCOMPARE(bulkDone.first().at(2).toInt(), 1);
    QVERIFY2(invoices->message().contains("2 invoices issued") &&
                 invoices->message().contains("1 was refused"),
             qPrintable(invoices->message()));
    for (const QString &id : {ticked0, ticked1}) {
        QCOMPARE(text("SELECT status FROM invoices WHERE id = ?", {id}), QString("issued"));
        QVERIFY(text("SELECT number FROM invoices WHERE id = ?", {id}).startsWith("INV-UK-"));
    }
    QCOMPARE(text("SELECT status FROM invoices WHERE id = ?", {other}), QString("draft"));
    const int otherRow = model->rowOf(other);
    QVERIFY(!model->outcome(other)->ok);
    QVERIFY2(model->index(otherRow, InvoiceListModel::ResultColumn)
                 .data()
                 .toString()
                 .contains("only approved"),
             qPrintable(model->index(otherRow, InvoiceListModel::ResultColumn).data().toString()));
    QVERIFY(model->index(otherRow, 0).data(InvoiceListModel::FailedRole).toBool());
    QCOMPARE(model->checkedIds(), QStringList{other});
    // The issued rows show their numbers once fetched again.
    QTRY_VERIFY_WITH_TIMEOUT(model->index(model->rowOf(ticked0), InvoiceListModel::NumberColumn)
                                 .data()
                                 .toString()
                                 .startsWith("INV-UK-"),
                             10000);
    QCOMPARE(model->index(model->rowOf(ticked0), InvoiceListModel::StatusColumn).data().toString(),
             QString("Issued"));
}

void TestBillingLive::holdWriteDownAndDescriptionRoundTrip()
{
    const Client acme = tmClient("Acme Ltd");
    approvedTime(acme, annaEmp, 4, "8.00"); // 32 h × 120.00 = 3,840.00
    approvedTime(acme, benEmp, 2, "5.00");  // 10 h × 165.00 = 1,650.00
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    const QJsonObject run = runFromPage(*page);
    QCOMPARE(run.value("invoice_count").toInt(), 1);
    InvoicesPanel *invoices = page->invoicesPanel();
    invoices->showRun(run.value("id").toString());
    QVERIFY(gridLoaded(invoices, 1));
    const QString invoiceId = invoices->model()->idAt(0);
    InvoiceDetailPane *pane = invoices->detailPane();
    InvoiceDetail *detail = pane->detail();
    QTRY_COMPARE_WITH_TIMEOUT(detail->lines()->rowCount(), 2, 10000);
    int benRow = detail->line(0).value("quantity").toString().startsWith("10") ? 0 : 1;
    const int annaRow = 1 - benRow;
    const QString benLine = detail->lineId(benRow);
    const QString annaLine = detail->lineId(annaRow);

    // Description edited in place: PATCHed with the version read.
    QSignalSpy changed(detail, &InvoiceDetail::changed);
    QVERIFY(detail->lines()->setData(
        detail->lines()->index(annaRow, InvoiceDetail::LineDescriptionColumn),
        "Discovery workshops, November", Qt::EditRole));
    QVERIFY(changed.wait(10000));
    QCOMPARE(text("SELECT description FROM invoice_lines WHERE id = ?", {annaLine}),
             QString("Discovery workshops, November"));

    // The PDF's time appendix is the invoice's own choice, from the check box.
    QTRY_COMPARE_WITH_TIMEOUT(detail->isBusy(), false, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(detail->invoice().value("version").toInt(), 2, 10000);
    auto *timeDetail = pane->findChild<QCheckBox *>("timeDetailCheck");
    QVERIFY(timeDetail && timeDetail->isEnabled() && !timeDetail->isChecked());
    changed.clear();
    timeDetail->click();
    QVERIFY(changed.wait(10000));
    QCOMPARE(text("SELECT show_time_detail::text FROM invoices WHERE id = ?", {invoiceId}),
             QString("true"));
    QTRY_VERIFY_WITH_TIMEOUT(detail->invoice().value("show_time_detail").toBool(), 10000);

    // Hold Ben's line: it leaves the invoice, its time goes back to the next run, totals follow.
    QTRY_COMPARE_WITH_TIMEOUT(detail->isBusy(), false, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(detail->rowOfLine(benLine) >= 0, 10000);
    pane->selectLine(detail->rowOfLine(benLine));
    changed.clear();
    pane->holdCurrentLine();
    QVERIFY(changed.wait(10000));
    QVERIFY2(pane->message().contains("next billing run"), qPrintable(pane->message()));
    QTRY_COMPARE_WITH_TIMEOUT(detail->lines()->rowCount(), 1, 10000);
    QCOMPARE(scalar("SELECT count(*) FROM invoice_lines WHERE id = ?", {benLine}), 0);
    QCOMPARE(text("SELECT subtotal::numeric(20,2)::text FROM invoices WHERE id = ?", {invoiceId}),
             QString("3840.00"));
    QCOMPARE(text("SELECT total::numeric(20,2)::text FROM invoices WHERE id = ?", {invoiceId}),
             QString("4608.00"));
    QTRY_COMPARE_WITH_TIMEOUT(
        invoices->model()->index(0, InvoiceListModel::TotalColumn).data().toString(),
        QString("GBP 4,608.00"), 10000);

    // Write-down: refused in the client above the gross amount or without a reason ...
    pane->selectLine(0);
    QSignalSpy failed(detail, &InvoiceDetail::actionFailed);
    pane->writeDownCurrentLine("4000.00", "Goodwill");
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().at(0).toString().contains("cannot be more than"),
             qPrintable(failed.first().at(0).toString()));
    pane->writeDownCurrentLine("240.00", "  ");
    QCOMPARE(failed.count(), 2);
    pane->writeDownCurrentLine("240.005", "Goodwill");
    QCOMPARE(failed.count(), 3);
    QCOMPARE(scalar("SELECT count(*) FROM invoice_lines WHERE write_down > 0"), 0);
    // ... then sent, pending approval; the line says so.
    changed.clear();
    pane->writeDownCurrentLine("240.00", "Two hours of onboarding not billed, as agreed");
    QVERIFY2(changed.wait(10000), qPrintable(pane->message()));
    QCOMPARE(
        text("SELECT write_down::numeric(20,2)::text FROM invoice_lines WHERE id = ?", {annaLine}),
        QString("240.00"));
    QCOMPARE(text("SELECT write_down_reason FROM invoice_lines WHERE id = ?", {annaLine}),
             QString("Two hours of onboarding not billed, as agreed"));
    QCOMPARE(text("SELECT write_down_status FROM invoice_lines WHERE id = ?", {annaLine}),
             QString("pending"));
    QTRY_VERIFY_WITH_TIMEOUT(detail->lines()
                                 ->index(0, InvoiceDetail::LineWriteDownColumn)
                                 .data()
                                 .toString()
                                 .contains("awaiting approval"),
                             10000);
    // While it is pending the invoice cannot be approved: the server's reason, in words.
    failed.clear();
    detail->approve();
    QVERIFY(failed.wait(10000));
    QVERIFY2(!failed.first().at(0).toString().isEmpty(), "no reason given");
}

void TestBillingLive::gridFetchesMoreOnScroll()
{
    const Client acme = tmClient("Acme Ltd");
    draftInvoices(acme, 450);
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    page->showTab(BillingPage::InvoicesTab);
    InvoicesPanel *invoices = page->invoicesPanel();
    InvoiceListModel *model = invoices->model();
    model->setPageSize(100);
    invoices->reload();
    QVERIFY(gridLoaded(invoices, 100));
    QCOMPARE(model->pagesLoaded(), 1);
    QVERIFY(!model->allLoaded());
    QVERIFY2(invoices->summaryText().contains("100+ invoices"),
             qPrintable(invoices->summaryText()));

    // Scrolling to the end asks for the next page, and so on until all are there.
    QTableView *view = invoices->view();
    for (int expected : {200, 300, 400, 450}) {
        view->scrollToBottom();
        QVERIFY2(QTest::qWaitFor(
                     [&] { return model->rowCount() >= expected && !model->isLoading(); }, 10000),
                 qPrintable(QString::number(model->rowCount())));
    }
    QCOMPARE(model->rowCount(), 450);
    QTRY_VERIFY_WITH_TIMEOUT(model->allLoaded(), 10000);
    QCOMPARE(model->pagesLoaded(), 5);
    // No row twice, none missing.
    QSet<QString> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids.insert(model->idAt(r));
    QCOMPARE(ids.size(), 450);
    QVERIFY2(invoices->summaryText().startsWith("450 invoices"),
             qPrintable(invoices->summaryText()));
}

// A large month: 20,000 drafts scrolled through in pages of 500, all ticked at once and
// totalled exactly. The times are printed (never asserted: benchmarks are not tests).
void TestBillingLive::twentyThousandInvoicesTickedAndTotalled()
{
    const Client acme = tmClient("Acme Ltd");
    draftInvoices(acme, 20000);
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    page->showTab(BillingPage::InvoicesTab);
    InvoicesPanel *invoices = page->invoicesPanel();
    InvoiceListModel *model = invoices->model();
    model->setPageSize(500);
    QElapsedTimer clock;
    clock.start();
    invoices->reload();
    QVERIFY(gridLoaded(invoices, 500));
    const qint64 firstPageMs = clock.elapsed();
    while (!model->allLoaded()) {
        const int before = model->rowCount();
        invoices->view()->scrollToBottom();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return !model->isLoading() &&
                                (model->rowCount() > before || model->allLoaded());
                     },
                     10000),
                 qPrintable(QString::number(model->rowCount())));
    }
    const qint64 allMs = clock.elapsed();
    QCOMPARE(model->rowCount(), 20000);
    QVERIFY(model->pagesLoaded() <= 41); // a full last page costs one empty request
    clock.restart();
    QList<int> all;
    for (int r = 0; r < model->rowCount(); ++r)
        all.append(r);
    model->setCheckedRows(all, true);
    const qint64 tickMs = clock.elapsed();
    QCOMPARE(model->checkedCount(), 20000);
    // Σ (100 + g) × 1.2 for g = 1 … 20,000, to the penny.
    QVERIFY2(invoices->summaryText().contains("20000 ticked, GBP 242,412,000.00"),
             qPrintable(invoices->summaryText()));
    qInfo("first page %lld ms, 20,000 rows in %lld ms, all ticked and totalled in %lld ms",
          firstPageMs, allMs, tickMs);
}

void TestBillingLive::pdfPreviewRendersTheServersPdf()
{
    const Client acme = tmClient("Acme Ltd");
    approvedTime(acme, annaEmp, 6, "7.50");
    approvedTime(acme, benEmp, 3, "6.00");
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    const QJsonObject run = runFromPage(*page);
    InvoicesPanel *invoices = page->invoicesPanel();
    invoices->showRun(run.value("id").toString());
    QVERIFY(gridLoaded(invoices, 1));
    InvoiceDetailPane *pane = invoices->detailPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->detail()->isLoaded(), 10000);
    pane->previewPdf();
    InvoicePdfDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (dialog = pane->findChild<InvoicePdfDialog *>()) != nullptr; }, 15000));
    QVERIFY(dialog->isLoaded());
    QVERIFY(dialog->pageCount() >= 1);
    QVERIFY2(dialog->windowTitle().contains("Acme Ltd"), qPrintable(dialog->windowTitle()));
    dialog->close();
}

void TestBillingLive::capExceptionReleaseRefusedThenWrittenOff()
{
    // 64 h × 165.00 = 10,560.00 against a 5,000.00 cap: billed up to the cap, the rest held.
    const Client corvid = tmClient("Corvid Labs", "120.00", "165.00", "5000.00");
    approvedTime(corvid, benEmp, 8, "8.00");
    auto session = signIn(*server, "fin");
    auto page = openPage(session.get());
    const QJsonObject run = runFromPage(*page);
    QCOMPARE(run.value("exception_count").toInt(), 1);
    QVERIFY2(page->runPanel()->statusText().contains("1 exception needs a decision"),
             qPrintable(page->runPanel()->statusText()));
    ExceptionsPanel *panel = page->exceptionsPanel();
    BillingExceptionsModel *model = panel->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QCOMPARE(page->tabs()->tabText(BillingPage::ExceptionsTab), QString("Exceptions (1)"));
    QCOMPARE(model->index(0, BillingExceptionsModel::KindColumn).data().toString(),
             QString("Cap exceeded"));
    QCOMPARE(model->index(0, BillingExceptionsModel::ContractColumn).data().toString(),
             QString("Corvid Labs · C-UK-2026-0001"));
    const QString held =
        text("SELECT amount::numeric(20,2)::text FROM billing_exceptions WHERE status = 'open'");
    QCOMPARE(model->index(0, BillingExceptionsModel::AmountColumn).data().toString(),
             "GBP " + sales::groupDigits(held));
    page->showTab(BillingPage::ExceptionsTab);
    panel->view()->selectRow(0);

    // Released while the cap is still reached: refused, in the server's words.
    QSignalSpy failed(model, &BillingExceptionsModel::actionFailed);
    panel->releaseCurrent("Change order on its way");
    QVERIFY(failed.wait(10000));
    QVERIFY2(!panel->message().isEmpty(), "no reason shown");
    QCOMPARE(text("SELECT status FROM billing_exceptions"), QString("open"));
    // A note is required to write it off; with one it is written off for good.
    panel->writeOffCurrent("  ");
    QCOMPARE(failed.count(), 2);
    QSignalSpy resolved(model, &BillingExceptionsModel::resolved);
    panel->writeOffCurrent("Agreed with the client: beyond the cap is on us");
    QVERIFY(resolved.wait(10000));
    QCOMPARE(text("SELECT status FROM billing_exceptions"), QString("written_off"));
    QCOMPARE(text("SELECT resolution_note FROM billing_exceptions"),
             QString("Agreed with the client: beyond the cap is on us"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
    QCOMPARE(page->tabs()->tabText(BillingPage::ExceptionsTab), QString("Exceptions"));
}

// With KEEL_SCREENSHOT_DIR: a month of seven clients billed from the page, one over its cap;
// the run, the drafts with the records behind a line, and an invoice's PDF.
void TestBillingLive::screenshots()
{
    if (screenshotDir().isEmpty())
        QSKIP("KEEL_SCREENSHOT_DIR is not set");
    const Client acme = tmClient("Acme Ltd");
    const Client brent = tmClient("Brent Foods plc", "110.00", "150.00");
    const Client corvid = tmClient("Corvid Labs", "120.00", "165.00", "5000.00");
    const Client dunmore = tmClient("Dunmore Estates", "125.00", "170.00");
    const Client elm = tmClient("Elm Street Clinics");
    const Client fenwick = tmClient("Fenwick & Hale LLP", "140.00", "190.00");
    const Client grey = tmClient("Greyfield Retail", "115.00", "160.00");
    // The letterhead and the client's billing details, as the demo firm has them.
    exec("UPDATE legal_entities SET address = ?, tax_id = 'GB 287 4512 63', registration = ?, "
         "bank_details = ? WHERE id = ?",
         {"30 Finsbury Square\nLondon EC2A 1AG\nUnited Kingdom",
          "Registered in England and Wales, company no. 11872634. Registered office as above.",
          "Barclays Bank UK PLC, London\nSort code 20-00-00 · Account 73918264\n"
          "IBAN GB33 BARC 2000 0073 9182 64 · BIC BARCGB22",
          uk});
    exec("UPDATE accounts SET billing_address = ?, tax_id = 'GB 300 1047 29' WHERE id = ?",
         {"Accounts Payable\n48 Deansgate\nManchester M2 4WU\nUnited Kingdom", grey.account});
    approvedTime(acme, annaEmp, 10, "7.50", "Discovery workshops with the finance team");
    approvedTime(acme, benEmp, 4, "8.00", "Target architecture and data flows");
    approvedTime(brent, annaEmp, 3, "6.25", "Supplier onboarding process review");
    approvedTime(brent, benEmp, 5, "7.00", "Warehouse system integration design");
    approvedTime(corvid, benEmp, 8, "8.00", "Lab data platform build");
    approvedTime(dunmore, annaEmp, 12, "6.00", "Tenant portal sprint work");
    approvedTime(elm, benEmp, 6, "7.50", "Patient booking migration");
    approvedTime(fenwick, annaEmp, 2, "4.00", "Case management requirements");
    approvedTime(fenwick, benEmp, 2, "3.00", "Security review");
    approvedTime(grey, annaEmp, 15, "8.00", "Store analytics dashboards");
    // The month before, billed already: the history has a run.
    approvedTime(acme, annaEmp, 8, "7.50", "Discovery workshops", 2);
    approvedTime(dunmore, annaEmp, 6, "6.00", "Tenant portal sprint work", 2);
    approvedTime(grey, benEmp, 9, "8.00", "Store analytics data model", 2);
    auto finHttp = client("fin");
    const HttpResult earlier = finHttp->post(
        "/api/v1/billing/runs", {{"legal_entity_id", QString::number(uk)}, {"period", month(2)}});
    QCOMPARE(earlier.status, 202);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return finHttp->get("/api/v1/billing/runs/" + earlier.json().value("id").toString())
                       .json()
                       .value("status")
                       .toString() == "completed";
        },
        20000));

    // The client as it runs: the main window with the Billing workspace open.
    auto session = signIn(*server, "fin");
    MainWindow window(session.get());
    window.showUser();
    window.resize(1280, 900);
    window.show();
    window.openWorkspace(QStringLiteral("billing"));
    BillingPage *page = window.findChild<BillingPage *>();
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->entitiesLoaded(), 10000);
    const QJsonObject run = runFromPage(*page);
    QCOMPARE(run.value("status").toString(), QString("completed"));
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(screenshotDir()).filePath("billing-run.png")));

    InvoicesPanel *invoices = page->invoicesPanel();
    emit page->runPanel()->reviewRequested(run.value("id").toString());
    QVERIFY(gridLoaded(invoices, 7));
    InvoiceListModel *model = invoices->model();
    // Two sent for approval already, the first one picked with its consultant line's records.
    model->setCheckedRows({3, 5}, true);
    QSignalSpy refreshed(model, &InvoiceListModel::rowsRefreshed);
    invoices->approveTicked();
    QVERIFY(refreshed.wait(10000));
    model->setCheckedRows({1, 2}, true);
    invoices->view()->selectRow(0);
    InvoiceDetail *detail = invoices->detailPane()->detail();
    QTRY_VERIFY_WITH_TIMEOUT(detail->lines()->rowCount() > 0, 10000);
    invoices->detailPane()->selectLine(0);
    QTRY_VERIFY_WITH_TIMEOUT(detail->sources()->rowCount() > 0, 10000);
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(screenshotDir()).filePath("billing-drafts.png")));
    page->showTab(BillingPage::ExceptionsTab);
    QTRY_COMPARE_WITH_TIMEOUT(page->exceptionsPanel()->model()->rowCount(), 1, 10000);
    page->exceptionsPanel()->view()->selectRow(0);
    QTest::qWait(200);
    QVERIFY(window.grab().save(QDir(screenshotDir()).filePath("billing-exceptions.png")));
    page->showTab(BillingPage::InvoicesTab);

    // The PDF of an issued one: Greyfield's, approved by fin2 and issued.
    const QString greyId = model->idAt(6);
    QCOMPARE(finHttp->post("/api/v1/billing/invoices/" + greyId + "/approve", {}).status, 200);
    QVERIFY(approvePendingAsFin2() >= 1);
    QCOMPARE(finHttp->post("/api/v1/billing/invoices/" + greyId + "/issue", {}).status, 200);
    invoices->view()->selectRow(6);
    QTRY_VERIFY_WITH_TIMEOUT(detail->invoiceId() == greyId &&
                                 !detail->invoice().value("number").toString().isEmpty(),
                             10000);
    invoices->detailPane()->previewPdf();
    InvoicePdfDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (dialog = invoices->detailPane()->findChild<InvoicePdfDialog *>()); }, 15000));
    dialog->resize(820, 1000);
    QTest::qWait(600); // pages render in the background
    QVERIFY(dialog->grab().save(QDir(screenshotDir()).filePath("invoice-pdf.png")));
    dialog->close();
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The client's own look for screenshots (main.cpp loads the same file from resources).
    if (QFile qss(QStringLiteral(KEEL_SOURCE_DIR "/resources/style/keel.qss"));
        qss.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(KEEL_SOURCE_DIR "/installer/icons/keel-64.png")));
    TestBillingLive test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_billing_live.moc"
