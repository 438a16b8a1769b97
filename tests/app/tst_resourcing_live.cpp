// The Resourcing workspace against a live keel-server (fresh database per test): the planner
// model loads the server's grid (hard bookings as allocation %), the suggestions dialog lists
// a request's candidates in the server's order with every factor explained, and booking
// beyond someone's capacity asks for the resource manager's confirmation before it is saved.
// The data is the staffing test's: a UK CONSULTANT request for AWS ≥ 3, 20 h/week over
// 2027-01-18 .. 2027-01-29; Dana, Eve, Finn (hard-booked 40 h/week) in the UK, Gus in DE.
#include "api_client.h"
#include "http_client.h"
#include "json_array_model.h"
#include "planner_model.h"
#include "resourcing/resourcing_page.h"
#include "session.h"
#include "staffing.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace keel;
using namespace keel::resourcing;
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
    std::unique_ptr<TestServer> server;
    qint64 request = 0;
    qint64 project = 0;
    QMap<QString, qint64> people;

    qint64 scalar(const char *sql, const QVariantList &binds = {})
    {
        QSqlQuery q(db.sql());
        q.prepare(QString::fromLatin1(sql));
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            qWarning() << "no row:" << sql << q.lastError().text();
        return q.value(0).toLongLong();
    }

    void exec(const char *sql, const QVariantList &binds = {})
    {
        QSqlQuery q(db.sql());
        q.prepare(QString::fromLatin1(sql));
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec())
            qWarning() << sql << q.lastError().text();
    }

    qint64 employee(const char *name, const char *entity, const char *country, int awsLevel,
                    const char *cost)
    {
        const qint64 user = scalar(
            "INSERT INTO users (username, display_name, legal_entity_id) SELECT lower(?), ?, id "
            "FROM legal_entities WHERE code = ? RETURNING id",
            {QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(entity)});
        const qint64 id = scalar(
            "INSERT INTO employees (user_id, legal_entity_id, country, practice_id, job_role_id) "
            "SELECT ?, le.id, ?, p.id, jr.id FROM legal_entities le, practices p, job_roles jr "
            "WHERE le.code = ? AND p.code = 'CLOUD' AND jr.code = 'CONSULTANT' RETURNING "
            "employees.id",
            {user, QString::fromLatin1(country), QString::fromLatin1(entity)});
        exec("INSERT INTO employee_skills (employee_id, skill_id, level) SELECT ?, id, ? "
             "FROM skills WHERE code = 'AWS'",
             {id, awsLevel});
        if (cost)
            exec("INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, "
                 "valid_from) VALUES (?, 'GBP', ?::numeric, '2026-01-01')",
                 {id, QString::fromLatin1(cost)});
        people.insert(QString::fromLatin1(name), id);
        return id;
    }

    explicit World(const char *name) : db(TestDatabase::create(name))
    {
        seedLegalEntities(db);
        employee("Dana", "UK", "GB", 4, "50");
        employee("Eve", "UK", "GB", 2, "90");
        const qint64 finn = employee("Finn", "UK", "GB", 4, "50");
        employee("Gus", "DE", "DE", 4, nullptr);
        exec("INSERT INTO job_role_costs (job_role_id, legal_entity_id, currency, hourly_cost, "
             "valid_from) SELECT jr.id, le.id, 'GBP', 60, '2026-01-01' FROM job_roles jr, "
             "legal_entities le WHERE jr.code = 'CONSULTANT' AND le.code = 'UK'");
        const qint64 account = scalar(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT id, 'Client', 'client', 'GB', 'GBP', 'STANDARD' FROM "
            "legal_entities WHERE code = 'UK' RETURNING id");
        project = scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                         "start_date, end_date, status) SELECT id, ?, 'Cloud move', 'GBP', "
                         "'2027-01-01', '2027-06-30', 'active' FROM legal_entities WHERE code = "
                         "'UK' RETURNING id",
                         {account});
        request = scalar(
            "INSERT INTO resource_requests (legal_entity_id, project_id, job_role_id, "
            "hours_per_week, total_hours, start_date, end_date, kind, location_country) SELECT "
            "le.id, ?, jr.id, 20, 40, '2027-01-18', '2027-01-29', 'hard', 'GB' FROM "
            "legal_entities le, job_roles jr WHERE le.code = 'UK' AND jr.code = 'CONSULTANT' "
            "RETURNING resource_requests.id",
            {project});
        exec("INSERT INTO resource_request_skills (request_id, skill_id, min_level) SELECT ?, "
             "id, 3 FROM skills WHERE code = 'AWS'",
             {request});
        exec("INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
             "hours_per_week, kind) VALUES (?, ?, '2027-01-11', '2027-02-05', 40, 'hard')",
             {finn, project});
        server = std::make_unique<TestServer>(db);
        server->start();
        server->createUser("rm", Password, {{"resource_manager", ""}});
    }
};
} // namespace

class TestResourcingLive : public QObject
{
    Q_OBJECT
private slots:
    void plannerLoadsTheServersGrid();
    void suggestionsInTheServersOrder();
    void overAllocationNeedsConfirmation();
    void stretchMovesTheEnd();
};

void TestResourcingLive::plannerLoadsTheServersGrid()
{
    World w(QTest::currentTestFunction());
    auto session = signIn(*w.server, "rm");
    PlannerModel model;
    model.setApi(session->api());
    model.setRange(QDate(2027, 1, 13), 4); // a Wednesday: from Monday 2027-01-11
    model.setFilter("country", "GB");
    QSignalSpy loaded(&model, &PlannerModel::loaded);
    model.reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.weekStart(0), QDate(2027, 1, 11));
    QCOMPARE(model.rowCount(), 3); // Gus works in Germany
    int finn = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.person(r).id == QString::number(w.people.value("Finn")))
            finn = r;
    QVERIFY(finn >= 0);
    QCOMPARE(model.person(finn).name, QString("Finn"));
    for (int c = 0; c < 4; ++c) {
        QCOMPARE(model.cell(finn, c).hard, 4000);
        QCOMPARE(model.cell(finn, c).soft, 0);
        QCOMPARE(model.cell(finn, c).allocation, 100);
    }
    const int dana = finn == 0 ? 1 : 0;
    QCOMPARE(model.cell(dana, 0).allocation, 0);
    QCOMPARE(model.cell(dana, 0).capacity, 4000);
}

void TestResourcingLive::suggestionsInTheServersOrder()
{
    World w(QTest::currentTestFunction());
    HttpClient http(w.server->baseUrl());
    http.login("rm", Password);
    const QJsonObject answer =
        http.get(QStringLiteral("/api/v1/resourcing/requests/%1/suggestions").arg(w.request))
            .json();
    QStringList expected;
    for (const QJsonValue &v : answer.value("candidates").toArray())
        expected.append(v.toObject().value("name").toString());
    QCOMPARE(expected, QStringList({"Dana", "Gus", "Eve", "Finn"}));

    auto session = signIn(*w.server, "rm");
    const QJsonObject request =
        http.get(QStringLiteral("/api/v1/resourcing/requests/%1").arg(w.request)).json();
    SuggestionsDialog dialog(session->api(), request);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), 10000);
    QStringList shown;
    for (int r = 0; r < dialog.candidates()->rowCount(); ++r)
        shown.append(dialog.candidates()->index(r, 1).data().toString());
    QCOMPARE(shown, expected);
    QCOMPARE(dialog.candidates()->index(0, 0).data().toString(), QString("1"));
    QCOMPARE(dialog.candidates()->index(0, 2).data().toString(), QString("96.5"));
    // The first is selected and its score explained factor by factor.
    QCOMPARE(dialog.view()->currentIndex().row(), 0);
    const QString factors = dialog.findChild<QTextBrowser *>("factorsView")->toPlainText();
    for (const char *f :
         {"Skill match", "Free capacity", "Utilisation vs target", "Cost", "Location"})
        QVERIFY2(factors.contains(QLatin1String(f)), qPrintable(factors));
    QVERIFY(factors.contains("31.50"));
}

void TestResourcingLive::overAllocationNeedsConfirmation()
{
    World w(QTest::currentTestFunction());
    auto session = signIn(*w.server, "rm");
    Staffing staffing(session->api());
    AssignmentDraft d;
    d.employeeId = QString::number(w.people.value("Finn"));
    d.projectId = QString::number(w.project);
    d.startDate = "2027-01-18";
    d.endDate = "2027-01-29";
    d.hoursPerWeek = "20";
    QSignalSpy over(&staffing, &Staffing::overAllocation);
    QSignalSpy booked(&staffing, &Staffing::booked);
    staffing.book(d);
    QVERIFY(over.wait(10000));
    QCOMPARE(booked.count(), 0);
    QVERIFY(!over.first().at(0).toString().isEmpty());
    QCOMPARE(w.scalar("SELECT count(*) FROM assignments"), 1); // nothing saved

    d.confirmOverAllocation = true;
    staffing.book(d);
    QVERIFY(booked.wait(10000));
    QCOMPARE(booked.first().at(0).toJsonObject().value("overallocated").toBool(), true);
    QCOMPARE(w.scalar("SELECT count(*) FROM assignments"), 2);

    // Someone free is booked at once.
    d.employeeId = QString::number(w.people.value("Dana"));
    d.confirmOverAllocation = false;
    staffing.book(d);
    QVERIFY(booked.wait(10000));
    QCOMPARE(over.count(), 1);
    QCOMPARE(w.scalar("SELECT count(*) FROM assignments"), 3);
}

void TestResourcingLive::stretchMovesTheEnd()
{
    World w(QTest::currentTestFunction());
    auto session = signIn(*w.server, "rm");
    Staffing staffing(session->api());
    const QString finn = QString::number(w.people.value("Finn"));
    // The planner's drag finds the booking in the week it starts from.
    QSignalSpy found(&staffing, &Staffing::assignmentsLoaded);
    staffing.loadAssignments(finn, QDate(2027, 2, 1), QDate(2027, 2, 5));
    QVERIFY(found.wait(10000));
    const QJsonArray list = found.first().at(0).toJsonArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject a = list.at(0).toObject();
    QCOMPARE(a.value("end_date").toString(), QString("2027-02-05"));

    QSignalSpy booked(&staffing, &Staffing::booked);
    QSignalSpy failed(&staffing, &Staffing::bookingFailed);
    staffing.stretch(a.value("id").toString(), "2027-02-19", a.value("version").toInt());
    QVERIFY(booked.wait(10000));
    QCOMPARE(booked.first().at(0).toJsonObject().value("end_date").toString(),
             QString("2027-02-19"));
    QCOMPARE(w.scalar("SELECT count(*) FROM assignments WHERE end_date = '2027-02-19'"), 1);

    // Stretching from a stale copy is refused, not applied.
    staffing.stretch(a.value("id").toString(), "2027-03-05", a.value("version").toInt());
    QVERIFY(failed.wait(10000));
    QCOMPARE(w.scalar("SELECT count(*) FROM assignments WHERE end_date = '2027-02-19'"), 1);
}

QTEST_MAIN(TestResourcingLive)
#include "tst_resourcing_live.moc"
