// My expenses against a live keel-server (in-process, fresh database per test): an expense over
// the category's cap shows the breach while it is typed, before anything is submitted; the
// report is refused until the breach is justified, then submitted; receipts that are not JPEG,
// PNG or PDF are refused with a sentence; with a LocalStore the expense and its receipt are kept
// locally and queued for sync.
#include "expense_book.h"
#include "expense_list_model.h"
#include "expense_report_inbox.h"
#include "expenses/expense_approval_page.h"
#include "expenses/expense_form.h"
#include "expenses/expenses_page.h"
#include "expenses/receipt_drop_zone.h"
#include "json_array_model.h"
#include "local_store.h"
#include "session.h"
#include "sync_engine.h"
#include "tst_expense_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::test;
using namespace keel::expenses;

namespace {
std::unique_ptr<Session> signIn(const TestServer &server, const QString &user)
{
    auto session = std::make_unique<Session>();
    QSignalSpy ok(session.get(), &Session::signedIn);
    session->signIn(server.baseUrl(), user, user + QStringLiteral(" password"));
    if (!ok.wait(10000))
        qWarning() << "sign-in failed for" << user;
    return session;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qWarning() << "cannot write" << path;
    f.write(bytes);
    return path;
}

// Days of the last weeks (the list shows the last year).
QString day(int daysAgo)
{
    return QDate::currentDate().addDays(-daysAgo).toString(Qt::ISODate);
}

void fill(ExpenseForm *form, qint64 category, const QString &description, const QString &amount,
          const QString &date = day(10))
{
    form->categoryBox()->setCurrentIndex(form->categoryBox()->findData(QString::number(category)));
    form->dateEdit()->setDate(QDate::fromString(date, Qt::ISODate));
    form->descriptionEdit()->setText(description);
    form->amountEdit()->clear();
    QTest::keyClicks(form->amountEdit(), amount); // typed, as a person would
}
} // namespace

class TestExpenseLive : public QObject, public ExpenseFixture
{
    Q_OBJECT

    // Opens amy's page and waits until categories and expenses are there.
    std::unique_ptr<ExpensesPage> openPage(Session *session, offline::LocalStore *store = nullptr)
    {
        auto page = std::make_unique<ExpensesPage>(session, store);
        QSignalSpy ref(page->book(), &ExpenseBook::referenceLoaded);
        page->resize(1240, 720);
        page->show();
        if (!QTest::qWaitFor([&] { return page->book()->categories().size() == 3; }, 10000))
            qWarning() << "categories did not load";
        return page;
    }

    bool saved(ExpensesPage &page)
    {
        QSignalSpy ok(page.book(), &ExpenseBook::saved);
        QSignalSpy failed(page.book(), &ExpenseBook::saveFailed);
        if (!page.form()->save())
            return false;
        if (!QTest::qWaitFor([&] { return !ok.isEmpty() || !failed.isEmpty(); }, 10000))
            qWarning() << "no answer to the save";
        if (!failed.isEmpty())
            qWarning() << "save failed:" << failed.first().at(0).toString();
        return failed.isEmpty() && !ok.isEmpty();
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void breachShownBeforeSubmittingAndSubmitNeedsJustification();
    void wrongReceiptRefused();
    void perDayCapCountsTheDaysOtherExpenses();
    void savedLocallyWithTheReceiptWhenOffline();
    void managerApprovesThenFinanceRejectsWithComment();
    void localExpenseSyncsThenGoesIntoAReport();
};

void TestExpenseLive::breachShownBeforeSubmittingAndSubmitNeedsJustification()
{
    auto session = signIn(*server, "amy");
    auto page = openPage(session.get());
    ExpenseForm *form = page->form();

    // The category's policy is shown when it is chosen.
    fill(form, hotel, "Hotel next to the client site", "");
    QVERIFY2(form->findChild<QLabel *>("categoryPolicy")->text().contains("200.00"),
             qPrintable(form->findChild<QLabel *>("categoryPolicy")->text()));
    QVERIFY(!form->justificationVisible());

    // 240.00 USD against a 200.00 per-item cap: the breach is on screen while typing, and the
    // justification field with it.
    QTest::keyClicks(form->amountEdit(), "240.00");
    QVERIFY(form->policyCheck().hasBreach());
    QVERIFY2(form->policyCheckText().contains("above the Hotel cap of USD 200.00 per item"),
             qPrintable(form->policyCheckText()));
    QVERIFY(form->justificationVisible());

    // A PNG receipt cures the missing receipt, not the cap.
    QTemporaryDir dir;
    QVERIFY(form->receiptZone()->offerFile(writeFile(dir, "hotel.png", pngBytes(2048))));
    QVERIFY(!form->policyCheck().receiptMissing);
    QVERIFY(form->policyCheck().hasBreach());

    // Saved as a draft without a justification: the server flags the breach too.
    QVERIFY(saved(*page));
    const QString id = form->expenseId();
    QCOMPARE(text("SELECT amount::text FROM expenses WHERE id = ?", {id}), QString("240.0000"));
    QCOMPARE(text("SELECT policy_breach FROM expenses WHERE id = ?", {id}),
             QString("240.00 USD is above the Hotel cap of 200.00 USD per item"));
    QCOMPARE(scalar("SELECT count(*) FROM expense_receipts WHERE expense_id = ?", {id}), 1);
    QCOMPARE(text("SELECT mime_type FROM expense_receipts WHERE expense_id = ?", {id}),
             QString("image/png"));
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(id) >= 0, 10000);

    // Submitting it is refused until it is justified, in the client...
    page->model()->setChecked(id, true);
    QCOMPARE(page->model()->checkedIds(), QStringList{id});
    page->submitReport("February travel");
    QVERIFY2(page->message().contains("justification"), qPrintable(page->message()));
    QCOMPARE(scalar("SELECT count(*) FROM expense_reports"), 0);
    // ... and by the server, the judge, when the client's check is bypassed.
    QSignalSpy submitFailed(page->book(), &ExpenseBook::submitFailed);
    page->book()->submitReport("February travel", {id});
    QVERIFY(submitFailed.wait(10000));
    QVERIFY2(submitFailed.first().at(0).toString().contains("200.00"),
             qPrintable(submitFailed.first().at(0).toString()));
    QCOMPARE(scalar("SELECT count(*) FROM expense_reports"), 0);
    QCOMPARE(text("SELECT status FROM expenses WHERE id = ?", {id}), QString("draft"));

    // Justified and saved again, the report goes through.
    const auto e = page->book()->expense(id);
    QVERIFY(e);
    form->load(*e);
    QVERIFY(form->justificationVisible());
    form->justificationEdit()->setPlainText("The only hotel within reach of the client site.");
    QVERIFY(saved(*page));
    QCOMPARE(text("SELECT justification FROM expenses WHERE id = ?", {id}),
             QString("The only hotel within reach of the client site."));
    QTRY_VERIFY_WITH_TIMEOUT(page->book()->expense(id) &&
                                 page->book()->expense(id)->value("version").toInt() == 2,
                             10000);
    page->model()->setChecked(id, true);
    QSignalSpy submitted(page->book(), &ExpenseBook::reportSubmitted);
    page->submitReport("February travel");
    QVERIFY2(submitted.wait(10000), qPrintable(page->message()));
    QCOMPARE(text("SELECT status FROM expenses WHERE id = ?", {id}), QString("submitted"));
    QCOMPARE(scalar("SELECT count(*) FROM expense_reports WHERE status = 'submitted'"), 1);
    QVERIFY2(page->message().contains("submitted"), qPrintable(page->message()));

    // Amounts are decimal text in the currency's minor unit, never floats.
    form->startNew();
    fill(form, taxi, "Taxi", "12.345");
    QVERIFY(!form->save());
    QVERIFY2(form->message().contains("at most 2 decimals"), qPrintable(form->message()));
}

void TestExpenseLive::wrongReceiptRefused()
{
    auto session = signIn(*server, "amy");
    auto page = openPage(session.get());
    ReceiptDropZone *zone = page->form()->receiptZone();
    QTemporaryDir dir;
    QSignalSpy refused(zone, &ReceiptDropZone::refused);

    QVERIFY(!zone->offerFile(writeFile(dir, "notes.txt", "just text")));
    QVERIFY2(zone->errorText().contains("not a JPEG, PNG or PDF"), qPrintable(zone->errorText()));
    // Named .png but not one: the content decides.
    QVERIFY(!zone->offerFile(writeFile(dir, "fake.png", "GIF89a not a png")));
    QVERIFY(!zone->receipt().has_value());
    // Too big, even when it is a real PDF.
    QByteArray big("%PDF-1.7\n");
    big.append(QByteArray(10 * 1024 * 1024, 'x'));
    QVERIFY(!zone->offerFile(writeFile(dir, "huge.pdf", big)));
    QVERIFY2(zone->errorText().contains("at most 10 MiB"), qPrintable(zone->errorText()));
    QCOMPARE(refused.count(), 3);
    QVERIFY2(page->form()->message().contains("10 MiB"), qPrintable(page->form()->message()));

    // A PDF and a JPEG are taken.
    QVERIFY(zone->offerFile(writeFile(dir, "invoice.pdf", "%PDF-1.4\n% receipt\n")));
    QCOMPARE(zone->receipt()->mimeType, QString("application/pdf"));
    QVERIFY(
        zone->offerFile(writeFile(dir, "photo.jpg", QByteArray("\xFF\xD8\xFF\xE0", 4) + "jfif")));
    QCOMPARE(zone->receipt()->mimeType, QString("image/jpeg"));
    QVERIFY(zone->errorText().isEmpty());
}

void TestExpenseLive::perDayCapCountsTheDaysOtherExpenses()
{
    auto amy = client("amy");
    QCOMPARE(expense(*amy, newId(), meals, qPrintable(day(8)), "30.00").status, 201);
    auto session = signIn(*server, "amy");
    auto page = openPage(session.get());
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
    ExpenseForm *form = page->form();

    // 20.00 alone is within 50.00 a day, with the day's 30.00 it is not (and 25.00 needs a
    // receipt, which 20.00 does not).
    fill(form, meals, "Team dinner", "20.00", qPrintable(day(8)));
    QVERIFY2(!form->policyCheck().hasBreach(), qPrintable(form->policyCheckText()));
    QVERIFY(form->policyCheckText().contains("Within"));
    fill(form, meals, "Team dinner", "20.01", qPrintable(day(8)));
    QVERIFY2(form->policyCheckText().contains("daily cap of USD 50.00"),
             qPrintable(form->policyCheckText()));
    fill(form, meals, "Team dinner", "20.01", qPrintable(day(7))); // another day: fine
    QVERIFY(!form->policyCheck().hasBreach());
    // In euros only the server can tell (it converts at the day's rate).
    form->currencyBox()->setCurrentText("EUR");
    QVERIFY(form->policyCheck().notCheckable);
    QVERIFY(!form->policyCheck().hasBreach());

    const QString dir = qEnvironmentVariable("KEEL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        // A month of a consultant's expenses: one submitted with a justified breach, drafts.
        const QString hotelId = newId(), trainId = newId();
        QCOMPARE(expense(*amy, hotelId, hotel, qPrintable(day(20)), "236.00", "USD",
                         {{"description", "Hotel Chicago, client kick-off"},
                          {"justification", "Trade fair week, nothing under the cap"}})
                     .status,
                 201);
        QCOMPARE(receipt(*amy, hotelId, newId(), pngBytes()).status, 201);
        QCOMPARE(expense(*amy, trainId, taxi, qPrintable(day(20)), "38.50", "USD",
                         {{"description", "Taxi airport to hotel"}})
                     .status,
                 201);
        QCOMPARE(
            amy->post("/api/v1/expense-reports", {{"title", "Chicago kick-off"},
                                                  {"expense_ids", QJsonArray{hotelId, trainId}}})
                .status,
            201);
        QCOMPARE(expense(*amy, newId(), taxi, qPrintable(day(9)), "42.80", "USD",
                         {{"description", "Taxi to the client workshop"}})
                     .status,
                 201);
        QCOMPARE(expense(*amy, newId(), hotel, qPrintable(day(10)), "189.00", "USD",
                         {{"description", "Hotel Leeds, one night"}})
                     .status,
                 201);
        QCOMPARE(expense(*amy, newId(), meals, qPrintable(day(9)), "64.00", "EUR",
                         {{"description", "Team dinner, Berlin"}})
                     .status,
                 201);
        page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 6, 10000);
        form->startNew();
        fill(form, hotel, "Hotel Leeds, two nights", "412.50", day(7));
        form->justificationEdit()->setPlainText("Conference week: the only hotel left nearby.");
        QTemporaryDir receipts;
        QVERIFY(form->receiptZone()->offerFile(
            writeFile(receipts, "hotel-leeds.pdf", "%PDF-1.4\n% hotel invoice\n")));
        page->model()->setChecked(page->model()->idAt(1), true);
        page->model()->setChecked(page->model()->idAt(2), true);
        page->resize(1240, 720);
        QTest::qWait(100);
        QVERIFY(page->grab().save(QDir(dir).filePath("expenses.png")));
    }
}

void TestExpenseLive::savedLocallyWithTheReceiptWhenOffline()
{
    QTemporaryDir dir;
    offline::LocalStore store;
    QVERIFY(store.open(dir.filePath("amy.sqlite")));
    auto session = signIn(*server, "amy");
    auto page = openPage(session.get(), &store);
    QVERIFY(page->book()->savesLocally());
    ExpenseForm *form = page->form();
    fill(form, taxi, "Taxi to the station", "18.40");
    QVERIFY(form->receiptZone()->offerFile(writeFile(dir, "taxi.jpg", "\xFF\xD8\xFF\xE0jfif")));
    QSignalSpy sync(page.get(), &ExpensesPage::syncRequested);
    QVERIFY(saved(*page));
    QVERIFY(form->message().contains("next sync"));
    QCOMPARE(sync.count(), 1);

    // Nothing on the server yet; all of it in the store, queued.
    QCOMPARE(scalar("SELECT count(*) FROM expenses"), 0);
    const QUuid id = QUuid::fromString(form->expenseId());
    const auto local = store.expense(id);
    QVERIFY(local);
    QCOMPARE(local->amount, QString("18.40"));
    QCOMPARE(local->currency, QString("USD"));
    QCOMPARE(local->description, QString("Taxi to the station"));
    QCOMPARE(store.receipts(id).size(), 1);
    QCOMPARE(store.receipts(id).first().mimeType, QString("image/jpeg"));
    QCOMPARE(store.pendingOpCount(), 1);
    QCOMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->model()
                ->index(0, ExpenseListModel::StatusColumn)
                .data()
                .toString()
                .contains("waiting to sync"));

    // A report cannot take it before the server has it.
    page->model()->setChecked(id.toString(QUuid::WithoutBraces), true);
    page->submitReport("Travel");
    QVERIFY2(page->message().contains("not on the server yet"), qPrintable(page->message()));
    QCOMPARE(scalar("SELECT count(*) FROM expense_reports"), 0);
}

void TestExpenseLive::managerApprovesThenFinanceRejectsWithComment()
{
    auto amy = client("amy");
    const QString hotelId = newId();
    QCOMPARE(expense(*amy, hotelId, hotel, qPrintable(day(12)), "236.00", "USD",
                     {{"description", "Hotel Chicago"},
                      {"justification", "Trade fair week, nothing under the cap"}})
                 .status,
             201);
    QCOMPARE(receipt(*amy, hotelId, newId(), pngBytes()).status, 201);
    const HttpResult submitted =
        amy->post("/api/v1/expense-reports",
                  {{"title", "Chicago kick-off"}, {"expense_ids", QJsonArray{hotelId}}});
    QCOMPARE(submitted.status, 201);
    const QString reportId = submitted.json().value("id").toString();

    // Amy's manager sees it with the breach and the justification, and approves.
    {
        auto session = signIn(*server, "max");
        ExpenseApprovalPage page(session.get());
        page.resize(1000, 600);
        QSignalSpy loaded(page.inbox(), &ExpenseReportInbox::loaded);
        page.show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.inbox()->model()->rowCount(), 1);
        QCOMPARE(page.inbox()->model()->index(0, 2).data().toString(), QString("USD 236.00"));
        QSignalSpy detail(page.inbox(), &ExpenseReportInbox::detailLoaded);
        page.view()->selectRow(0);
        QVERIFY(detail.wait(10000));
        QVERIFY2(page.detailText().contains("above the Hotel cap") &&
                     page.detailText().contains("Trade fair week"),
                 qPrintable(page.detailText()));
        QSignalSpy decided(page.inbox(), &ExpenseReportInbox::decided);
        page.approveCurrent();
        QVERIFY(decided.wait(10000));
        QCOMPARE(text("SELECT status FROM expense_reports WHERE id = ?", {reportId}),
                 QString("manager_approved"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.inbox()->model()->rowCount(), 0); // finance's step now
    }
    // Finance rejects: a comment is required, then the employee gets it back with the reason.
    auto session = signIn(*server, "fin");
    ExpenseApprovalPage page(session.get());
    QSignalSpy loaded(page.inbox(), &ExpenseReportInbox::loaded);
    page.show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(page.inbox()->model()->rowCount(), 1);
    page.view()->selectRow(0);
    QSignalSpy failed(page.inbox(), &ExpenseReportInbox::decisionFailed);
    page.rejectCurrent("  ");
    QCOMPARE(failed.count(), 1);
    QCOMPARE(text("SELECT status FROM expense_reports WHERE id = ?", {reportId}),
             QString("manager_approved"));
    QSignalSpy decided(page.inbox(), &ExpenseReportInbox::decided);
    page.rejectCurrent("The client pays hotels directly; please book through them.");
    QVERIFY(decided.wait(10000));
    QCOMPARE(text("SELECT status FROM expense_reports WHERE id = ?", {reportId}),
             QString("rejected"));
    QCOMPARE(text("SELECT rejection_reason FROM expense_reports WHERE id = ?", {reportId}),
             QString("The client pays hotels directly; please book through them."));
    QCOMPARE(text("SELECT status FROM expenses WHERE id = ?", {hotelId}), QString("rejected"));

    // Amy sees why, and may put the rejected expense into a new report.
    auto amySession = signIn(*server, "amy");
    auto mine = openPage(amySession.get());
    QTRY_VERIFY_WITH_TIMEOUT(mine->model()->rowOf(hotelId) >= 0, 10000);
    const int row = mine->model()->rowOf(hotelId);
    QCOMPARE(mine->model()->index(row, ExpenseListModel::StatusColumn).data().toString(),
             QString("⚠ Rejected"));
    QVERIFY(mine->model()
                ->index(row, ExpenseListModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("The client pays hotels directly"));
    mine->model()->setChecked(hotelId, true);
    QCOMPARE(mine->model()->checkedIds(), QStringList{hotelId});
}

void TestExpenseLive::localExpenseSyncsThenGoesIntoAReport()
{
    QTemporaryDir dir;
    offline::LocalStore store;
    QVERIFY(store.open(dir.filePath("amy.sqlite")));
    auto session = signIn(*server, "amy");
    offline::SyncEngine engine(&store, session->api());
    auto page = openPage(session.get(), &store);
    connect(page.get(), &ExpensesPage::syncRequested, &engine, &offline::SyncEngine::syncNow);
    ExpenseForm *form = page->form();
    fill(form, taxi, "Taxi to the station", "18.40", day(3));
    QVERIFY(form->receiptZone()->offerFile(writeFile(dir, "taxi.pdf", "%PDF-1.4\n% taxi\n")));
    engine.setEnabled(true);
    QVERIFY(saved(*page));
    const QString id = form->expenseId();

    // The sync engine carries the expense and its receipt to the server.
    QTRY_VERIFY_WITH_TIMEOUT(
        scalar("SELECT count(*) FROM expense_receipts WHERE expense_id = ?", {id}) == 1, 15000);
    QCOMPARE(text("SELECT amount::text FROM expenses WHERE id = ?", {id}), QString("18.4000"));
    QTRY_VERIFY_WITH_TIMEOUT(page->book()->expense(id) &&
                                 !page->book()->expense(id)->value("sync_pending").toBool(),
                             15000);

    // Now a report can take it; the local copy learns it was submitted.
    page->model()->setChecked(id, true);
    QSignalSpy submitted(page->book(), &ExpenseBook::reportSubmitted);
    page->submitReport("Station taxi");
    QVERIFY2(submitted.wait(10000), qPrintable(page->message()));
    QCOMPARE(text("SELECT status FROM expenses WHERE id = ?", {id}), QString("submitted"));
    QTRY_COMPARE_WITH_TIMEOUT(store.expense(QUuid::fromString(id))->status, QString("submitted"),
                              10000);
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The client's own look for screenshots (main.cpp loads the same file from resources).
    if (QFile qss(QStringLiteral(KEEL_SOURCE_DIR "/resources/style/keel.qss"));
        qss.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
    TestExpenseLive test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_expense_live.moc"
