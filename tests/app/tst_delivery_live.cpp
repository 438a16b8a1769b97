// The Delivery workspace against a live keel-server (in-process, fresh database per test): the
// project overview lists the milestones with their states, and completing then recording the
// client's acceptance through its buttons moves the milestone on the server and in the view; a
// change request submitted from the client appears as pending approval and reaches another
// project manager's inbox.
#include "api_client.h"
#include "delivery/delivery_page.h"
#include "delivery/project_workspace.h"
#include "http_client.h"
#include "json_array_model.h"
#include "paged_list_model.h"
#include "project_detail.h"
#include "sales/list_panel.h"
#include "session.h"
#include "test_database.h"
#include "test_server.h"

#include <QComboBox>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace keel;
using namespace keel::delivery;
using namespace keel::test;

namespace {
const QString Password = QStringLiteral("correct horse battery");

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
    QJsonObject project;

    explicit World(const char *name) : db(TestDatabase::create(name)), server(db)
    {
        seedLegalEntities(db);
        server.start();
        server.createUser("seller", Password, {{"sales", "UK"}});
        server.createUser("pm", Password, {{"project_manager", "UK"}});
        server.createUser("pm2", Password, {{"project_manager", "UK"}});
        // Change requests go to another project manager of the project's practice (DATA).
        QSqlQuery(db.sql()).exec("UPDATE users SET practice_id = (SELECT id FROM practices WHERE "
                                 "code = 'DATA') WHERE username IN ('pm', 'pm2')");
        auto seller = as("seller");
        const HttpResult a =
            seller->post("/api/v1/crm/accounts", {{"legal_entity", "UK"},
                                                  {"name", "Acme Ltd"},
                                                  {"country", "GB"},
                                                  {"billing_currency", "GBP"},
                                                  {"tax_profile", "UK_VAT_STANDARD"}});
        if (a.status != 201)
            qWarning() << "account" << a.status << a.body;
        auto pm = as("pm");
        const HttpResult p =
            pm->post("/api/v1/delivery/projects", {{"legal_entity", "UK"},
                                                   {"account_id", a.json().value("id")},
                                                   {"name", "Data lake"},
                                                   {"practice", "DATA"},
                                                   {"start_date", "2026-01-05"},
                                                   {"end_date", "2026-06-26"}});
        if (p.status != 201)
            qWarning() << "project" << p.status << p.body;
        project = p.json();
        for (const auto &[name, amount, date] :
             {std::tuple{"Discovery signed off", "12000.00", "2026-02-13"},
              std::tuple{"Platform live", "30000.00", "2026-05-29"}}) {
            const HttpResult m =
                pm->post("/api/v1/delivery/projects/" + projectId() + "/milestones",
                         {{"name", name},
                          {"amount", QJsonObject{{"amount", amount}, {"currency", "GBP"}}},
                          {"planned_date", date}});
            if (m.status != 201)
                qWarning() << "milestone" << m.status << m.body;
        }
    }

    QString projectId() const { return project.value("id").toString(); }

    std::unique_ptr<HttpClient> as(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server.baseUrl());
        http->login(user, Password);
        return http;
    }

    QString roleId(const char *code)
    {
        QSqlQuery q(db.sql());
        q.prepare("SELECT id FROM job_roles WHERE code = ?");
        q.addBindValue(QString::fromLatin1(code));
        q.exec();
        return q.next() ? q.value(0).toString() : QString();
    }
};

// Waits for the workspace's next complete load.
bool reloaded(ProjectWorkspace &ws)
{
    QSignalSpy spy(ws.detail(), &ProjectDetail::loaded);
    return spy.wait(10000);
}

QString stateOf(ProjectWorkspace &ws, const QString &name)
{
    for (const QJsonObject &m : ws.milestones()->items())
        if (m.value("name").toString() == name)
            return m.value("state").toString();
    return {};
}
} // namespace

class TestDeliveryLive : public QObject
{
    Q_OBJECT
private slots:
    void overviewShowsMilestonesCompleteThenAccept();
    void changeRequestAppearsPendingApproval();
    void projectListOpensTheFirstProject();
    void estimateToCompleteEnteredInTheTasksTable();
};

void TestDeliveryLive::overviewShowsMilestonesCompleteThenAccept()
{
    World w(QTest::currentTestFunction());
    auto session = signIn(w.server, "pm");
    ProjectWorkspace ws(session->api());
    ws.resize(1100, 700);
    ws.show();
    ws.openProject(w.projectId());
    QVERIFY(reloaded(ws));

    QCOMPARE(ws.milestones()->rowCount(), 2);
    const QModelIndex first = ws.milestones()->index(0, 0);
    QCOMPARE(first.data().toString(), QString("Discovery signed off"));
    QCOMPARE(ws.milestones()->index(0, 1).data().toString(), QString("Pending"));
    QCOMPARE(ws.milestones()->index(0, 4).data().toString(), QString("GBP 12,000.00"));
    QCOMPARE(ws.milestones()->index(1, 4).data().toString(), QString("GBP 30,000.00"));

    auto *complete = ws.findChild<QPushButton *>("completeMilestone");
    auto *accept = ws.findChild<QPushButton *>("acceptMilestone");
    QVERIFY(complete && accept);
    QVERIFY(!complete->isEnabled()); // nothing selected yet

    ws.milestonesView()->selectRow(0);
    QVERIFY(complete->isEnabled());
    QVERIFY(!accept->isEnabled()); // accepted only once completed
    complete->click();
    QVERIFY(reloaded(ws));
    QCOMPARE(stateOf(ws, "Discovery signed off"), QString("completed"));
    QCOMPARE(stateOf(ws, "Platform live"), QString("pending"));
    QCOMPARE(ws.milestones()->index(0, 1).data().toString(), QString("Completed"));
    QVERIFY(!ws.milestones()->index(0, 3).data().toString().isEmpty()); // actual date
    // The selection stays on the milestone: now it can be accepted, not completed again.
    QCOMPARE(ws.milestonesView()->currentIndex().row(), 0);
    QVERIFY(!complete->isEnabled());
    QVERIFY(accept->isEnabled());

    accept->click();
    QVERIFY(reloaded(ws));
    QCOMPARE(stateOf(ws, "Discovery signed off"), QString("accepted"));
    QCOMPARE(ws.milestones()->index(0, 1).data().toString(), QString("Accepted"));

    // The server agrees.
    auto http = w.as("pm");
    const QJsonArray ms = http->get("/api/v1/delivery/projects/" + w.projectId())
                              .json()
                              .value("milestones")
                              .toArray();
    QCOMPARE(ms.at(0).toObject().value("state").toString(), QString("accepted"));
    QCOMPARE(ms.at(1).toObject().value("state").toString(), QString("pending"));

    // Accepting a pending milestone is refused (409) and shown, nothing changes.
    QSignalSpy failed(ws.detail(), &ProjectDetail::failed);
    ws.detail()->transitionMilestone(ms.at(1).toObject().value("id").toString(), "accept",
                                     ms.at(1).toObject().value("version").toInt());
    QVERIFY(failed.wait(10000));
    QVERIFY(!ws.lastError().isEmpty());
    QCOMPARE(stateOf(ws, "Platform live"), QString("pending"));
}

void TestDeliveryLive::changeRequestAppearsPendingApproval()
{
    World w(QTest::currentTestFunction());
    auto session = signIn(w.server, "pm");
    ProjectWorkspace ws(session->api());
    ws.show();
    ws.openProject(w.projectId());
    QVERIFY(reloaded(ws));
    QCOMPARE(ws.changeRequests()->rowCount(), 0);

    QSignalSpy done(ws.detail(), &ProjectDetail::done);
    ws.detail()->submitChangeRequest(
        "Second data source (CRM)",
        QJsonArray{
            QJsonObject{{"job_role_id", w.roleId("CONSULTANT")},
                        {"delta_hours", "40"},
                        {"delta_value", QJsonObject{{"amount", "4800.00"}, {"currency", "GBP"}}}}});
    QVERIFY(done.wait(10000));
    QVERIFY(reloaded(ws));
    QCOMPARE(ws.changeRequests()->rowCount(), 1);
    const QJsonObject cr = ws.changeRequests()->rowObject(0);
    QCOMPARE(cr.value("status").toString(), QString("submitted"));
    QCOMPARE(ws.changeRequests()->index(0, 0).data().toString(),
             QString("Second data source (CRM)"));
    QCOMPARE(ws.changeRequests()->index(0, 1).data().toString(), QString("Pending approval"));

    // Selecting it shows the approval chain: another project manager decides now.
    QSignalSpy chainLoaded(ws.detail(), &ProjectDetail::changeRequestLoaded);
    ws.findChild<QTableView *>("changeRequestsView")->selectRow(0);
    QVERIFY(chainLoaded.wait(10000));
    const QString chain = ws.findChild<QTextBrowser *>("approvalChain")->toPlainText();
    QVERIFY2(chain.contains("Project manager") && chain.contains("waiting for a decision"),
             qPrintable(chain));
    QVERIFY(!chain.contains("Finance")); // 4,800 is under the 10,000 finance threshold

    // Another project manager finds it in their inbox.
    auto pm2 = w.as("pm2");
    const QJsonArray inbox = pm2->get("/api/v1/approvals/inbox").json().value("items").toArray();
    QCOMPARE(inbox.size(), 1);
    QCOMPARE(inbox.at(0).toObject().value("document_type").toString(), QString("change_request"));

    // A change request without a reason is refused with the field named.
    QSignalSpy failed(ws.detail(), &ProjectDetail::failed);
    ws.detail()->submitChangeRequest(
        "", QJsonArray{QJsonObject{
                {"job_role_id", w.roleId("CONSULTANT")},
                {"delta_hours", "8"},
                {"delta_value", QJsonObject{{"amount", "960.00"}, {"currency", "GBP"}}}}});
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().at(1).toStringList().contains("reason"));
}

void TestDeliveryLive::projectListOpensTheFirstProject()
{
    World w(QTest::currentTestFunction());
    auto session = signIn(w.server, "pm");
    DeliveryPage page(session.get());
    page.resize(1300, 800);
    auto *model = page.projects()->model();
    QSignalSpy pages(model, &sales::PagedListModel::pageLoaded);
    page.show();
    // Running projects first: the new project is only planned.
    QVERIFY(pages.wait(10000));
    QCOMPARE(model->filter("status"), QString("active"));
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(page.workspace()->detail()->projectId().isEmpty());

    QSignalSpy loaded(page.workspace()->detail(), &ProjectDetail::loaded);
    auto *status = page.findChild<QComboBox *>("projectStatusFilter");
    QVERIFY(status);
    status->setCurrentIndex(status->findData(QString())); // all statuses
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 1).data().toString(), QString("planned"));
    QCOMPARE(page.workspace()->detail()->projectId(), w.projectId());
    QCOMPARE(page.workspace()->milestones()->rowCount(), 2);
}

void TestDeliveryLive::estimateToCompleteEnteredInTheTasksTable()
{
    World w(QTest::currentTestFunction());
    auto http = w.as("pm");
    const HttpResult t = http->post("/api/v1/delivery/projects/" + w.projectId() + "/tasks",
                                    {{"name", "Ingestion pipelines"},
                                     {"job_role_id", w.roleId("CONSULTANT")},
                                     {"budget_hours", "80"}});
    QCOMPARE(t.status, 201);
    auto session = signIn(w.server, "pm");
    ProjectWorkspace ws(session->api());
    ws.show();
    ws.openProject(w.projectId());
    QVERIFY(reloaded(ws));
    QCOMPARE(ws.tasks()->rowCount(), 1);
    const QModelIndex etc = ws.tasks()->index(0, 4);
    QVERIFY(ws.tasks()->flags(etc) & Qt::ItemIsEditable);
    QVERIFY(!(ws.tasks()->flags(ws.tasks()->index(0, 2)) & Qt::ItemIsEditable)); // budget

    // Typing 12.5 hours still to go saves them; the estimate at completion follows.
    QVERIFY(ws.tasks()->setData(etc, "12.5"));
    QVERIFY(reloaded(ws));
    QCOMPARE(ws.tasks()->rowObject(0).value("etc_hours").toString(), QString("12.5"));
    QCOMPARE(ws.tasks()->index(0, 5).data().toString(), QString("12.5")); // EAC = 0 + 12.5
    const QJsonObject e =
        http->get("/api/v1/delivery/projects/" + w.projectId() + "/estimate").json();
    QCOMPARE(e.value("totals").toObject().value("etc_hours").toString(), QString("12.5"));

    // A negative estimate is refused and the table keeps the saved value.
    QSignalSpy failed(ws.detail(), &ProjectDetail::failed);
    QVERIFY(ws.tasks()->setData(etc, "-3"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().at(1).toStringList().contains("etc_hours"));
    QCOMPARE(ws.tasks()->rowObject(0).value("etc_hours").toString(), QString("12.5"));
}

QTEST_MAIN(TestDeliveryLive)
#include "tst_delivery_live.moc"
