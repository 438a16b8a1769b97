// The Sales workspace against a live keel-server (in-process, fresh database per test): the
// pipeline board groups opportunities per stage with the server's totals; moving a card
// changes the stage on the server, a refused move (loss reason missing, stale version) puts
// the card back with the server's words; an approver sees the inbox count in the status bar;
// and the path from a lead to a signed contract and its project, through the client's own
// models and widgets.
#include "api_client.h"
#include "approvals/approvals_page.h"
#include "approvals_inbox.h"
#include "http_client.h"
#include "main_window.h"
#include "pipeline_board_model.h"
#include "quote_lines_model.h"
#include "sales/contract_form.h"
#include "sales/quote_editor.h"
#include "session.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::sales;
using namespace keel::test;

namespace {
const QString Password = QStringLiteral("correct horse battery");

QJsonObject gbp(const char *amount)
{
    return {{"amount", amount}, {"currency", "GBP"}};
}

// A signed-in client session for `user`.
std::unique_ptr<Session> signIn(const TestServer &server, const QString &user)
{
    auto session = std::make_unique<Session>();
    QSignalSpy ok(session.get(), &Session::signedIn);
    session->signIn(server.baseUrl(), user, Password);
    if (!ok.wait(10000))
        qWarning() << "sign-in failed for" << user;
    return session;
}

struct World
{
    TestDatabase db;
    TestServer server;
    QString accountId;

    explicit World(const char *name) : db(TestDatabase::create(name)), server(db)
    {
        seedLegalEntities(db);
        server.start();
        server.createUser("seller", Password, {{"sales", "UK"}});
        server.createUser("director", Password, {{"sales_director", QString()}});
    }

    std::unique_ptr<HttpClient> as(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server.baseUrl());
        http->login(user, Password);
        return http;
    }

    QString createAccount(HttpClient &http, const QString &name)
    {
        const HttpResult r =
            http.post("/api/v1/crm/accounts", {{"legal_entity", "UK"},
                                               {"name", name},
                                               {"country", "GB"},
                                               {"billing_currency", "GBP"},
                                               {"tax_profile", "UK_VAT_STANDARD"}});
        if (r.status != 201)
            qWarning() << "account" << r.status << r.body;
        return r.json().value("id").toString();
    }

    // The UK rate card in GBP: CONSULTANT at 120.00 an hour (a quote needs one).
    void rateCard()
    {
        auto director = as("director");
        const HttpResult r =
            director->post("/api/v1/crm/rate-cards", {{"legal_entity", "UK"},
                                                      {"currency", "GBP"},
                                                      {"job_role", "CONSULTANT"},
                                                      {"hourly_rate", "120.00"},
                                                      {"valid_from", "2020-01-01"}});
        if (r.status != 201)
            qWarning() << "rate card" << r.status << r.body;
        // Its standard cost: 70.00 an hour.
        const HttpResult c =
            director->post("/api/v1/crm/job-role-costs", {{"legal_entity", "UK"},
                                                          {"currency", "GBP"},
                                                          {"job_role", "CONSULTANT"},
                                                          {"hourly_cost", "70.00"},
                                                          {"valid_from", "2020-01-01"}});
        if (c.status != 201)
            qWarning() << "job role cost" << c.status << c.body;
    }

    QJsonObject createOpportunity(HttpClient &http, const QString &account, const QString &name,
                                  const QString &stage, const char *value, const char *close)
    {
        const HttpResult r = http.post("/api/v1/crm/opportunities", {{"account", account},
                                                                     {"legal_entity", "UK"},
                                                                     {"name", name},
                                                                     {"stage", stage},
                                                                     {"expected_value", gbp(value)},
                                                                     {"expected_close", close}});
        if (r.status != 201)
            qWarning() << "opportunity" << r.status << r.body;
        return r.json();
    }
};
} // namespace

class TestSalesLive : public QObject
{
    Q_OBJECT
private slots:
    void boardGroupsPerStageWithTotals();
    void movingACardChangesTheStageOrReverts();
    void inboxCountInStatusBar();
    void leadToSignedContractAndProject();
};

void TestSalesLive::boardGroupsPerStageWithTotals()
{
    World w(QTest::currentTestFunction());
    auto httpClient = w.as("seller");
    HttpClient &http = *httpClient;
    const QString acme = w.createAccount(http, "Acme Ltd");
    w.createOpportunity(http, acme, "Cloud migration", "QUALIFY", "10000.00", "2026-09-30");
    w.createOpportunity(http, acme, "Data platform", "QUALIFY", "25000.50", "2026-10-31");
    w.createOpportunity(http, acme, "Support renewal", "PROPOSE", "8000.00", "2026-08-31");

    auto session = signIn(w.server, "seller");
    PipelineBoardModel board(session->api());
    board.reload();
    QTRY_VERIFY_WITH_TIMEOUT(board.isIdle(), 10000);

    // The server's stages, in its order.
    QStringList codes;
    for (int i = 0; i < board.stageCount(); ++i)
        codes << board.stage(i).code;
    QCOMPARE(codes, (QStringList{"QUALIFY", "DISCOVER", "PROPOSE", "NEGOTIATE", "WON", "LOST"}));
    QVERIFY(board.stage(5).lost);
    QVERIFY(board.stage(4).won);

    const QModelIndex qualify = board.stageIndex("QUALIFY");
    QCOMPARE(board.rowCount(qualify), 2);
    QCOMPARE(qualify.data(PipelineBoardModel::CountRole).toInt(), 2);
    // 10,000.00 + 25,000.50; weighted at the stage's 10 %: 3,500.05.
    QCOMPARE(qualify.data(PipelineBoardModel::TotalRole).toString(), QString("GBP 35,000.50"));
    QCOMPARE(qualify.data(PipelineBoardModel::WeightedRole).toString(), QString("GBP 3,500.05"));
    const QModelIndex propose = board.stageIndex("PROPOSE");
    QCOMPARE(board.rowCount(propose), 1);
    QCOMPARE(propose.data(PipelineBoardModel::WeightedRole).toString(), QString("GBP 4,000.00"));
    QCOMPARE(board.rowCount(board.stageIndex("DISCOVER")), 0);

    // Cards carry what the board shows.
    const QModelIndex card = board.index(0, 0, propose);
    QCOMPARE(card.data(PipelineBoardModel::NameRole).toString(), QString("Support renewal"));
    QCOMPARE(card.data(PipelineBoardModel::AccountRole).toString(), QString("Acme Ltd"));
    QCOMPARE(card.data(PipelineBoardModel::ValueRole).toString(), QString("GBP 8,000.00"));
    QVERIFY(!card.data(PipelineBoardModel::OwnerRole).toString().isEmpty());

    // A filter is the server's: close date up to 2026-09-30 leaves one QUALIFY card.
    board.setFilter("close_to", "2026-09-30");
    board.reload();
    QTRY_VERIFY_WITH_TIMEOUT(board.isIdle(), 10000);
    QCOMPARE(board.rowCount(board.stageIndex("QUALIFY")), 1);
    QCOMPARE(board.stageIndex("QUALIFY").data(PipelineBoardModel::TotalRole).toString(),
             QString("GBP 10,000.00"));
}

void TestSalesLive::movingACardChangesTheStageOrReverts()
{
    World w(QTest::currentTestFunction());
    auto httpClient = w.as("seller");
    HttpClient &http = *httpClient;
    const QString acme = w.createAccount(http, "Acme Ltd");
    const QString id =
        w.createOpportunity(http, acme, "Cloud migration", "QUALIFY", "10000.00", "2026-09-30")
            .value("id")
            .toString();
    QVERIFY(!id.isEmpty());

    auto session = signIn(w.server, "seller");
    PipelineBoardModel board(session->api());
    board.reload();
    QTRY_VERIFY_WITH_TIMEOUT(board.isIdle(), 10000);

    // Drag to PROPOSE (the drop calls moveCard): moved at once, confirmed by the server.
    QSignalSpy moved(&board, &PipelineBoardModel::moveSucceeded);
    QSignalSpy refused(&board, &PipelineBoardModel::moveRefused);
    QMimeData *mime = board.mimeData({board.cardIndex(id)});
    QVERIFY(mime);
    board.dropMimeData(mime, Qt::MoveAction, -1, 0, board.stageIndex("PROPOSE"));
    delete mime;
    QCOMPARE(board.cardIndex(id).parent(), board.stageIndex("PROPOSE"));
    QVERIFY(moved.wait(10000));
    QCOMPARE(refused.size(), 0);
    HttpResult r = http.get("/api/v1/crm/opportunities/" + id);
    QCOMPARE(r.json().value("stage").toString(), QString("PROPOSE"));
    QCOMPARE(r.json().value("version").toInt(),
             board.card(id).value("version").toInt()); // the card knows the new version
    QTRY_COMPARE(board.stageIndex("PROPOSE").data(PipelineBoardModel::CountRole).toInt(), 1);
    QCOMPARE(board.stageIndex("QUALIFY").data(PipelineBoardModel::CountRole).toInt(), 0);
    QCOMPARE(board.stageIndex("PROPOSE").data(PipelineBoardModel::WeightedRole).toString(),
             QString("GBP 5,000.00"));

    // To LOST without a reason (the user cancelled nothing: no provider): the server says 422
    // and the card goes back to PROPOSE.
    QVERIFY(board.moveCard(id, "LOST"));
    QCOMPARE(board.cardIndex(id).parent(), board.stageIndex("LOST"));
    QVERIFY(refused.wait(10000));
    QCOMPARE(board.cardIndex(id).parent(), board.stageIndex("PROPOSE"));
    QVERIFY2(refused.last().at(1).toString().contains("reason", Qt::CaseInsensitive),
             qPrintable(refused.last().at(1).toString()));

    // With the loss reason dialog answering, LOST goes through.
    board.setLossReasonProvider([](const QJsonObject &) { return QString("Price"); });
    moved.clear();
    QVERIFY(board.moveCard(id, "LOST"));
    QVERIFY(moved.wait(10000));
    r = http.get("/api/v1/crm/opportunities/" + id);
    QCOMPARE(r.json().value("stage").toString(), QString("LOST"));
    QCOMPARE(r.json().value("loss_reason").toString(), QString("Price"));

    // Someone else changed the opportunity meanwhile: the stale version gets 412, the card
    // returns to LOST and the server's words are shown.
    const int version = r.json().value("version").toInt();
    r = http.post("/api/v1/crm/opportunities/" + id + "/stage",
                  {{"stage", "NEGOTIATE"}, {"version", version}});
    QCOMPARE(r.status, 200);
    refused.clear();
    QVERIFY(board.moveCard(id, "WON"));
    QVERIFY(refused.wait(10000));
    QCOMPARE(board.cardIndex(id).parent(), board.stageIndex("LOST"));
    QCOMPARE(http.get("/api/v1/crm/opportunities/" + id).json().value("stage").toString(),
             QString("NEGOTIATE"));
}

void TestSalesLive::inboxCountInStatusBar()
{
    World w(QTest::currentTestFunction());
    auto sellerClient = w.as("seller");
    HttpClient &seller = *sellerClient;
    const QString acme = w.createAccount(seller, "Acme Ltd");
    const QString opp =
        w.createOpportunity(seller, acme, "Cloud migration", "PROPOSE", "10000.00", "2026-09-30")
            .value("id")
            .toString();
    w.rateCard();
    // A quote with a 12 % discount needs the sales director.
    HttpResult q = seller.post("/api/v1/crm/quotes",
                               {{"opportunity", opp},
                                {"currency", "GBP"},
                                {"discount_pct", "12"},
                                {"lines", QJsonArray{QJsonObject{{"kind", "fixed"},
                                                                 {"description", "Workshop"},
                                                                 {"price", gbp("10000.00")},
                                                                 {"cost", gbp("2000.00")}}}}});
    QVERIFY2(q.status == 201, q.body.constData());
    q = seller.post("/api/v1/crm/quotes/" + q.json().value("id").toString() + "/submit",
                    {{"version", q.json().value("version").toInt()}});
    QVERIFY2(q.status == 200, q.body.constData());
    QCOMPARE(q.json().value("status").toString(), QString("submitted"));

    auto session = signIn(w.server, "director");
    MainWindow window(session.get());
    window.showUser();
    window.show();
    auto *status = window.findChild<QPushButton *>("approvalsStatus");
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->isVisible(), 10000);
    QCOMPARE(window.approvalsCount(), 1);
    QCOMPARE(status->text(), QString("1 approval waiting"));
    // The inbox is a page, not a workspace; its navigation item carries the count.
    QVERIFY(!window.workspaceIds().contains("approvals"));
    window.openApprovals();
    QCOMPARE(window.currentWorkspaceId(), QString("approvals"));
    auto *page = window.findChild<approvals::ApprovalsPage *>();
    QVERIFY(page);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
    QCOMPARE(page->model()->index(0, 0).data().toString(), QString("Quote"));
    QVERIFY(page->model()->index(0, 2).data().toString().contains("discount 12"));

    // Approving refreshes the count at once (no 30 s wait).
    auto *view = page->findChild<QTableView *>("listView");
    view->setCurrentIndex(page->model()->index(0, 0));
    page->approveCurrent("ok");
    QTRY_COMPARE_WITH_TIMEOUT(window.approvalsCount(), 0, 10000);
    QCOMPARE(status->text(), QString("No approvals waiting"));

    // The seller has nothing to approve: zero, not their own quote.
    auto sellerSession = signIn(w.server, "seller");
    approvals::InboxCounter counter(sellerSession->api());
    QSignalSpy changed(&counter, &approvals::InboxCounter::countChanged);
    counter.refresh();
    QVERIFY(changed.wait(10000));
    QCOMPARE(counter.count(), 0);
}

void TestSalesLive::leadToSignedContractAndProject()
{
    World w(QTest::currentTestFunction());
    HttpResult r;
    w.rateCard();

    // Lead → qualified → converted (account + contact).
    auto sellerClient = w.as("seller");
    HttpClient &seller = *sellerClient;
    r = seller.post("/api/v1/crm/leads", {{"legal_entity", "UK"},
                                          {"source", "web"},
                                          {"company", "Borealis Ltd"},
                                          {"contact_name", "Ines Ward"},
                                          {"email", "ines@borealis.example"}});
    QVERIFY2(r.status == 201, r.body.constData());
    const QString lead = r.json().value("id").toString();
    for (const char *status : {"contacted", "qualified"}) {
        r = seller.send("PUT", "/api/v1/crm/leads/" + lead,
                        QJsonDocument(QJsonObject{{"status", status},
                                                  {"version", r.json().value("version").toInt()}})
                            .toJson(),
                        {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 200, r.body.constData());
    }
    r = seller.post("/api/v1/crm/leads/" + lead + "/convert",
                    {{"version", r.json().value("version").toInt()},
                     {"account", QJsonObject{{"tax_profile", "UK_VAT_STANDARD"}}}});
    QVERIFY2(r.status == 201, r.body.constData());
    const QString account = r.json().value("account_id").toString();
    QString opp = r.json().value("opportunity_id").toString();
    if (opp.isEmpty()) // conversion does not create the opportunity (yet): the form does
        opp = w.createOpportunity(seller, account, "Borealis data platform", "PROPOSE", "20000.00",
                                  "2026-10-31")
                  .value("id")
                  .toString();
    QVERIFY(!opp.isEmpty());
    const QJsonObject opportunity = seller.get("/api/v1/crm/opportunities/" + opp).json();

    // The quote, typed into the editor: 100 h consultant at the rate card's rate + a fixed
    // workshop, 12 % discount.
    auto session = signIn(w.server, "seller");
    QuoteEditor editor(session.get());
    editor.newQuote(opportunity);
    QuoteLinesModel *lines = editor.lines();
    lines->addRoleLine("CONSULTANT", "100", "120.00");
    lines->addFixedLine("Discovery workshop", "3000.00", "1000.00");
    editor.findChild<QLineEdit *>("discountEdit")->setText("12");
    lines->setDiscountText("12");
    QCOMPARE(lines->totals().total.toString(), QString("13200.00")); // 15,000 − 1,800
    QCOMPARE(editor.findChild<QLabel *>("totalValue")->text(), QString("GBP 13,200.00"));
    auto *save = editor.findChild<QPushButton *>("saveButton");
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(editor.quote().value("status").toString() == "draft",
                              qPrintable(editor.findChild<QLabel *>("errorLabel")->text()), 10000);
    // The server priced it the same, to the cent.
    QCOMPARE(editor.quote().value("net_value").toObject().value("amount").toString(),
             QString("13200.00"));
    QTRY_VERIFY_WITH_TIMEOUT(editor.approvalText().startsWith("This quote will need approval by"),
                             10000);
    QVERIFY2(editor.approvalText().contains("Sales director (Discount above 10%)"),
             qPrintable(editor.approvalText()));

    auto *submit = editor.findChild<QPushButton *>("submitButton");
    auto *accept = editor.findChild<QPushButton *>("acceptButton");
    QVERIFY(submit->isEnabled());
    QVERIFY(!accept->isEnabled());
    QTest::mouseClick(submit, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(editor.quote().value("status").toString(), QString("submitted"),
                              10000);
    QVERIFY(!accept->isEnabled());

    // Another user (the director) approves from the inbox page.
    auto directorSession = signIn(w.server, "director");
    approvals::ApprovalsPage inbox(directorSession.get());
    inbox.reload();
    QTRY_COMPARE_WITH_TIMEOUT(inbox.model()->rowCount(), 1, 10000);
    inbox.findChild<QTableView *>("listView")->setCurrentIndex(inbox.model()->index(0, 0));
    QSignalSpy decided(&inbox, &approvals::ApprovalsPage::decided);
    inbox.approveCurrent();
    QVERIFY(decided.wait(10000));

    // The seller sees it approved, marks it accepted and creates the contract.
    editor.openQuote(editor.quote().value("id").toString());
    QTRY_COMPARE_WITH_TIMEOUT(editor.quote().value("status").toString(), QString("approved"),
                              10000);
    QTRY_VERIFY(accept->isEnabled());
    QTest::mouseClick(accept, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(editor.quote().value("status").toString(), QString("accepted"),
                              10000);

    // The PDF the client is sent carries the quote's lines and its total.
    QTemporaryDir pdfDir;
    const QString pdf = pdfDir.filePath("quote.pdf");
    QVERIFY(editor.exportPdf(pdf));
    QProcess pdftotext;
    pdftotext.start("pdftotext", {"-layout", pdf, "-"});
    QVERIFY(pdftotext.waitForFinished(20000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains("GBP 13,200.00"), qPrintable(text));
    QVERIFY2(text.contains("Total"), qPrintable(text));
    QVERIFY2(text.contains("Consultant"), qPrintable(text));

    QSignalSpy contract(&editor, &QuoteEditor::contractRequested);
    editor.createContract(QDate::currentDate(), QDate::currentDate().addMonths(3));
    QVERIFY(contract.wait(10000));
    const QJsonObject draft = contract.first().first().toJsonObject();
    QCOMPARE(draft.value("status").toString(), QString("draft"));

    // Sign in the contract form; it shows the project the handover created.
    ContractForm form(session.get());
    form.setContract(draft);
    auto *sign = form.findChild<QPushButton *>("signButton");
    QVERIFY(sign->isEnabled());
    QSignalSpy project(&form, &ContractForm::projectFound);
    QTest::mouseClick(sign, Qt::LeftButton);
    QVERIFY2(project.wait(10000), qPrintable(form.findChild<QLabel *>("errorLabel")->text()));
    QCOMPARE(form.contract().value("status").toString(), QString("signed"));
    const QString projectName = project.first().first().toJsonObject().value("name").toString();
    QVERIFY(!projectName.isEmpty());
    QVERIFY2(form.projectText().contains(projectName), qPrintable(form.projectText()));
}

QTEST_MAIN(TestSalesLive)
#include "tst_sales_live.moc"
