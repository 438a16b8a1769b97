// Resourcing, people part: employees and their cost rates (no overlap → 422 naming the
// conflict), resource requests (soft from opportunities, hard from projects, unknown skill →
// 422), assignments (outside the project's dates → 422, over-allocation → 409 with the weeks
// and figures, confirmed only by a resource manager), leave and the planner's figures for a
// hand-computed person.
#include "admin/demo_firm.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

class ResourcingPeopleTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_rm = 0, m_pm = 0, m_otherPm = 0, m_cara = 0, m_dan = 0, m_sales = 0;
    qint64 m_project = 0, m_opportunity = 0;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(m_db->sql(), sql, binds);
        q.next();
        return q.value(0).toLongLong();
    }

    void login(HttpClient &http, const QString &user)
    {
        const HttpResult r = http.login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qFatal("login of %s failed", qPrintable(user));
    }

    // The employee record of a user, made through the API by the resource manager.
    QString employee(qint64 userId, const char *capacity, const char *role = "CONSULTANT")
    {
        HttpClient rm(m_server->baseUrl());
        login(rm, "rita");
        const HttpResult r =
            rm.post("/api/v1/resourcing/employees",
                    {{"user_id", QString::number(userId)},
                     {"job_role", role},
                     {"weekly_capacity_hours", capacity},
                     {"bill_rate", QJsonObject{{"amount", "150.00"}, {"currency", "GBP"}}}});
        if (r.status != 201)
            qFatal("employee: %d %s", r.status, r.body.constData());
        return r.json().value("id").toString();
    }

    int count(const char *table)
    {
        return int(scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_rm = m_server->createUser("rita", "rita password", {{"resource_manager", "UK"}});
        m_pm = m_server->createUser("paul", "paul password",
                                    {{"project_manager", "UK"}, {"consultant", "UK"}});
        m_otherPm = m_server->createUser("petra", "petra password", {{"project_manager", "UK"}});
        m_cara = m_server->createUser("cara", "cara password", {{"consultant", "UK"}});
        m_dan = m_server->createUser("dan", "dan password", {{"consultant", "UK"}});
        m_sales = m_server->createUser("sam", "sam password", {{"sales", "UK"}});
        const qint64 account = scalar(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT id, 'Acme Ltd', 'acme', 'GB', 'GBP', 'STANDARD' FROM "
            "legal_entities WHERE code = 'UK' RETURNING id");
        m_project = scalar("INSERT INTO projects (legal_entity_id, account_id, project_manager_id, "
                           "name, currency, start_date, end_date, status) SELECT id, ?, ?, "
                           "'Cloud move', 'GBP', '2026-01-05', '2026-06-30', 'active' FROM "
                           "legal_entities WHERE code = 'UK' RETURNING id",
                           {account, m_pm});
        m_opportunity = scalar(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, name, stage_id, "
            "probability, currency, expected_start) SELECT le.id, ?, ?, 'Data platform', s.id, "
            "60, 'GBP', '2026-04-01' FROM legal_entities le, opportunity_stages s WHERE le.code "
            "= 'UK' AND s.code = 'PROPOSE' RETURNING id",
            {account, m_sales});
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void employeesAreCreatedByResourceManagersOnly()
    {
        HttpClient cara(m_server->baseUrl());
        login(cara, "cara");
        QCOMPARE(cara.post("/api/v1/resourcing/employees",
                           {{"user_id", QString::number(m_cara)}, {"job_role", "CONSULTANT"}})
                     .status,
                 403); // no resourcing permission at all
        HttpClient paul(m_server->baseUrl());
        login(paul, "paul");
        QCOMPARE(paul.post("/api/v1/resourcing/employees",
                           {{"user_id", QString::number(m_cara)}, {"job_role", "CONSULTANT"}})
                     .status,
                 403);
        HttpClient rita(m_server->baseUrl());
        login(rita, "rita");
        const HttpResult bad =
            rita.post("/api/v1/resourcing/employees", {{"user_id", QString::number(m_cara)},
                                                       {"job_role", "WIZARD"},
                                                       {"weekly_capacity_hours", "90"}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.fieldCodes(),
                 QStringLiteral("job_role:invalid_value,weekly_capacity_hours:invalid_value"));
        const QString id = employee(m_cara, "32");
        const HttpResult again =
            rita.post("/api/v1/resourcing/employees",
                      {{"user_id", QString::number(m_cara)}, {"job_role", "CONSULTANT"}});
        QCOMPARE(again.status, 409);
        // The person sees their own record (without cost); the entity comes from the user.
        const HttpResult me = cara.get("/api/v1/resourcing/employees/me");
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("id").toString(), id);
        QCOMPARE(me.json().value("legal_entity").toString(), QStringLiteral("UK"));
        QCOMPARE(me.json().value("country").toString(), QStringLiteral("GB"));
        QCOMPARE(me.json().value("weekly_capacity_hours").toString(), QStringLiteral("32.00"));
        QCOMPARE(me.json().value("bill_rate").toObject().value("amount").toString(),
                 QStringLiteral("150.00"));
        QVERIFY(!me.json().contains("cost_rates"));
        // A PM does not see people who are not on their projects.
        QCOMPARE(paul.get(QStringLiteral("/api/v1/resourcing/employees/%1").arg(id)).status, 404);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'employee.create'"), 1);
    }

    void overlappingCostRatesAreRefusedNamingTheConflict()
    {
        const QString id = employee(m_cara, "40");
        HttpClient rita(m_server->baseUrl());
        login(rita, "rita");
        const QString path = QStringLiteral("/api/v1/resourcing/employees/%1/cost-rates").arg(id);
        const HttpResult first =
            rita.post(path, {{"hourly_cost", QJsonObject{{"amount", "55.00"}, {"currency", "GBP"}}},
                             {"valid_from", "2026-01-01"},
                             {"valid_to", "2026-06-30"}});
        QCOMPARE(first.status, 201);
        const QString firstId = first.json().value("id").toString();
        // Adjacent: fine.
        QCOMPARE(
            rita.post(path, {{"hourly_cost", QJsonObject{{"amount", "60.00"}, {"currency", "GBP"}}},
                             {"valid_from", "2026-07-01"}})
                .status,
            201);
        // Overlaps the first period by one day.
        const HttpResult clash =
            rita.post(path, {{"hourly_cost", QJsonObject{{"amount", "58.00"}, {"currency", "GBP"}}},
                             {"valid_from", "2025-10-01"},
                             {"valid_to", "2026-01-01"}});
        QCOMPARE(clash.status, 422);
        QCOMPARE(clash.fieldCodes(), QStringLiteral("valid_from:overlap"));
        const QString message =
            clash.json().value("errors").toArray()[0].toObject().value("message").toString();
        QVERIFY2(message.contains(firstId) && message.contains("55.00") &&
                     message.contains("2026-06-30"),
                 qPrintable(message));
        const HttpResult rates = rita.get(path);
        QCOMPARE(rates.json().value("items").toArray().size(), 2);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = "
                        "'employee_cost_rate.create'"),
                 2);
        // The PM may not write cost rates.
        HttpClient paul(m_server->baseUrl());
        login(paul, "paul");
        QCOMPARE(
            paul.post(path, {{"hourly_cost", QJsonObject{{"amount", "1.00"}, {"currency", "GBP"}}},
                             {"valid_from", "2030-01-01"}})
                .status,
            404);
    }

    void requestsNameKnownSkillsAndComeFromTheRightPeople()
    {
        HttpClient sam(m_server->baseUrl());
        login(sam, "sam");
        QJsonObject soft{{"opportunity_id", QString::number(m_opportunity)},
                         {"job_role", "SENIOR_CONSULTANT"},
                         {"hours_per_week", "20"},
                         {"start_date", "2026-04-06"},
                         {"end_date", "2026-05-01"},
                         {"location_country", "GB"},
                         {"skills", QJsonArray{QJsonObject{{"skill", "AWS"}, {"min_level", 3}},
                                               QJsonObject{{"skill", "COBOL_NINJA"}}}}};
        const int before = count("resource_requests");
        const HttpResult unknown = sam.post("/api/v1/resourcing/requests", soft);
        QCOMPARE(unknown.status, 422);
        QCOMPARE(unknown.fieldCodes(), QStringLiteral("skills/1/skill:unknown_skill"));
        QCOMPARE(count("resource_requests"), before);

        soft.insert("skills", QJsonArray{QJsonObject{{"skill", "AWS"}, {"min_level", 3}},
                                         QJsonObject{{"skill", "Terraform"}}});
        const HttpResult created = sam.post("/api/v1/resourcing/requests", soft);
        QCOMPARE(created.status, 201);
        const QJsonObject r = created.json();
        QCOMPARE(r.value("kind").toString(), QStringLiteral("soft"));
        QCOMPARE(r.value("probability").toString(), QStringLiteral("60.00"));
        QCOMPARE(r.value("total_hours").toString(), QStringLiteral("80.00")); // 4 weeks × 20
        QCOMPARE(r.value("location_country").toString(), QStringLiteral("GB"));
        const QJsonArray skills = r.value("skills").toArray();
        QCOMPARE(skills.size(), 2);
        QCOMPARE(skills[0].toObject().value("skill").toString(), QStringLiteral("AWS"));
        QCOMPARE(skills[0].toObject().value("min_level").toInt(), 3);
        QCOMPARE(skills[1].toObject().value("skill").toString(), QStringLiteral("TERRAFORM"));
        QCOMPARE(skills[1].toObject().value("min_level").toInt(), 1);

        // Hard requests come from the project's manager (or a resource manager), not sales,
        // not another PM.
        const QJsonObject hard{{"project_id", QString::number(m_project)},
                               {"job_role", "CONSULTANT"},
                               {"hours_per_week", "40"},
                               {"start_date", "2026-02-02"},
                               {"end_date", "2026-03-27"}};
        QCOMPARE(sam.post("/api/v1/resourcing/requests", hard).status, 422); // no such project
        HttpClient petra(m_server->baseUrl());
        login(petra, "petra");
        QCOMPARE(petra.post("/api/v1/resourcing/requests", hard).status, 422);
        HttpClient cara(m_server->baseUrl());
        login(cara, "cara");
        QCOMPARE(cara.post("/api/v1/resourcing/requests", hard).status, 422);
        HttpClient paul(m_server->baseUrl());
        login(paul, "paul");
        const HttpResult h = paul.post("/api/v1/resourcing/requests", hard);
        QCOMPARE(h.status, 201);
        QCOMPARE(h.json().value("kind").toString(), QStringLiteral("hard"));
        QCOMPARE(h.json().value("probability").toString(), QStringLiteral("100.00"));
        QJsonObject late = hard;
        late.insert("end_date", "2026-07-31");
        const HttpResult outside = paul.post("/api/v1/resourcing/requests", late);
        QCOMPARE(outside.status, 422);
        QCOMPARE(outside.fieldCodes(), QStringLiteral("start_date:outside_project"));

        // Who sees what: the PM his project's, sales the soft ones, the RM all of UK.
        QCOMPARE(paul.get("/api/v1/resourcing/requests").json().value("items").toArray().size(), 1);
        const QJsonArray salesView =
            sam.get("/api/v1/resourcing/requests").json().value("items").toArray();
        QCOMPARE(salesView.size(), 1);
        QCOMPARE(salesView[0].toObject().value("kind").toString(), QStringLiteral("soft"));
        HttpClient rita(m_server->baseUrl());
        login(rita, "rita");
        QCOMPARE(rita.get("/api/v1/resourcing/requests").json().value("items").toArray().size(), 2);
        QCOMPARE(cara.get("/api/v1/resourcing/requests").status, 403);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = "
                        "'resource_request.create'"),
                 2);
    }

    void assignmentOutsideTheProjectDatesIsRefused()
    {
        const QString cara = employee(m_cara, "40");
        HttpClient paul(m_server->baseUrl());
        login(paul, "paul");
        const HttpResult early =
            paul.post("/api/v1/resourcing/assignments", {{"employee_id", cara},
                                                         {"project_id", QString::number(m_project)},
                                                         {"start_date", "2025-12-29"},
                                                         {"end_date", "2026-01-30"},
                                                         {"hours_per_week", "20"}});
        QCOMPARE(early.status, 422);
        QCOMPARE(early.fieldCodes(), QStringLiteral("start_date:outside_project"));
        const HttpResult late =
            paul.post("/api/v1/resourcing/assignments", {{"employee_id", cara},
                                                         {"project_id", QString::number(m_project)},
                                                         {"start_date", "2026-06-01"},
                                                         {"end_date", "2026-07-03"},
                                                         {"hours_per_week", "20"}});
        QCOMPARE(late.status, 422);
        QCOMPARE(late.fieldCodes(), QStringLiteral("end_date:outside_project"));
        QCOMPARE(count("assignments"), 0);
        // Another PM may not staff Paul's project.
        HttpClient petra(m_server->baseUrl());
        login(petra, "petra");
        QCOMPARE(
            petra
                .post("/api/v1/resourcing/assignments", {{"employee_id", cara},
                                                         {"project_id", QString::number(m_project)},
                                                         {"start_date", "2026-02-02"},
                                                         {"end_date", "2026-02-27"},
                                                         {"hours_per_week", "20"}})
                .status,
            422);
        QCOMPARE(count("assignments"), 0);
    }

    void overallocationNeedsAResourceManagersConfirmation()
    {
        const QString cara = employee(m_cara, "40");
        HttpClient paul(m_server->baseUrl());
        login(paul, "paul");
        QJsonObject first{{"employee_id", cara},
                          {"project_id", QString::number(m_project)},
                          {"start_date", "2026-02-02"},
                          {"end_date", "2026-02-27"},
                          {"hours_per_week", "30"}};
        const HttpResult a = paul.post("/api/v1/resourcing/assignments", first);
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value("kind").toString(), QStringLiteral("hard"));
        QCOMPARE(a.json().value("overallocated").toBool(), false);
        // Now the PM can see Cara (she is on his project).
        QCOMPARE(paul.get(QStringLiteral("/api/v1/resourcing/employees/%1").arg(cara)).status, 200);
        // … but not change her record (403 now that he sees her).
        QCOMPARE(paul.send("PATCH", QStringLiteral("/api/v1/resourcing/employees/%1").arg(cara),
                           R"({"weekly_capacity_hours":"20","version":1})")
                     .status,
                 403);

        // 20 more hours in the last two weeks of February: 50 of 40.
        QJsonObject second{{"employee_id", cara},
                           {"project_id", QString::number(m_project)},
                           {"start_date", "2026-02-16"},
                           {"end_date", "2026-03-06"},
                           {"hours_per_week", "20"}};
        const HttpResult over = paul.post("/api/v1/resourcing/assignments", second);
        QCOMPARE(over.status, 409);
        const QJsonArray weeks = over.json().value("overallocation").toArray();
        QCOMPARE(weeks.size(), 2);
        const QJsonObject w = weeks[0].toObject();
        QCOMPARE(w.value("week").toString(), QStringLiteral("2026-W08"));
        QCOMPARE(w.value("week_start").toString(), QStringLiteral("2026-02-16"));
        QCOMPARE(w.value("capacity_hours").toString(), QStringLiteral("40.00"));
        QCOMPARE(w.value("assigned_hours").toString(), QStringLiteral("30.00"));
        QCOMPARE(w.value("new_hours").toString(), QStringLiteral("20.00"));
        QCOMPARE(w.value("total_hours").toString(), QStringLiteral("50.00"));
        QCOMPARE(w.value("over_by_hours").toString(), QStringLiteral("10.00"));
        QCOMPARE(weeks[1].toObject().value("week_start").toString(), QStringLiteral("2026-02-23"));
        QCOMPARE(over.fieldCodes(), QStringLiteral("weeks/2026-02-16:overallocated,"
                                                   "weeks/2026-02-23:overallocated"));
        QCOMPARE(count("assignments"), 1);

        // The PM cannot confirm it.
        second.insert("confirm_overallocation", true);
        QCOMPARE(paul.post("/api/v1/resourcing/assignments", second).status, 403);
        QCOMPARE(count("assignments"), 1);

        // The resource manager can; the assignment is flagged with the figures.
        HttpClient rita(m_server->baseUrl());
        login(rita, "rita");
        const HttpResult confirmed = rita.post("/api/v1/resourcing/assignments", second);
        QCOMPARE(confirmed.status, 201);
        QCOMPARE(confirmed.json().value("overallocated").toBool(), true);
        QCOMPARE(confirmed.json().value("confirmed_by").toString(), QString::number(m_rm));
        QCOMPARE(confirmed.json().value("overallocation").toArray().size(), 2);
        QCOMPARE(count("assignments"), 2);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'assignment.create' AND "
                        "after->'overallocation' IS NOT NULL"),
                 1);

        // Shrinking the first one to 10 h/week is fine (and no longer over).
        const QString firstId = a.json().value("id").toString();
        const HttpResult shrunk =
            paul.send("PATCH", QStringLiteral("/api/v1/resourcing/assignments/%1").arg(firstId),
                      R"({"hours_per_week":"10","version":1})");
        QCOMPARE(shrunk.status, 200);
        QCOMPARE(shrunk.json().value("hours_per_week").toString(), QStringLiteral("10.00"));
        // Growing it back over is refused with the figures again (the other one counts).
        const HttpResult grown =
            paul.send("PATCH", QStringLiteral("/api/v1/resourcing/assignments/%1").arg(firstId),
                      R"({"hours_per_week":"30","version":2})");
        QCOMPARE(grown.status, 409);
        QCOMPARE(grown.json()
                     .value("overallocation")
                     .toArray()[0]
                     .toObject()
                     .value("assigned_hours")
                     .toString(),
                 QStringLiteral("20.00"));
        // Stale version → 412.
        QCOMPARE(paul.send("PATCH",
                           QStringLiteral("/api/v1/resourcing/assignments/%1").arg(firstId),
                           R"({"hours_per_week":"5","version":1})")
                     .status,
                 412);
    }

    void plannerFiguresForAHandComputedWeek()
    {
        // Dan: 32 h a week (6.40 a day) in GB. Week 2026-W15 (6–10 April) has Easter Monday
        // and one approved leave day (Wednesday); a requested, unapproved day (Thursday) does
        // not count. Hard: 12 h/week from 1 April; soft: 10 h/week from Wednesday 8 April at
        // the opportunity's 60 %.
        const QString dan = employee(m_dan, "32");
        employee(m_cara, "40");
        HttpClient rita(m_server->baseUrl());
        login(rita, "rita");
        QCOMPARE(rita.post("/api/v1/resourcing/holidays",
                           {{"country", "GB"}, {"date", "2026-04-06"}, {"name", "Easter Monday"}})
                     .status,
                 201);
        QCOMPARE(rita.post("/api/v1/resourcing/holidays",
                           {{"country", "DE"}, {"date", "2026-04-07"}, {"name", "Not here"}})
                     .status,
                 201);
        HttpClient danHttp(m_server->baseUrl());
        login(danHttp, "dan");
        const HttpResult leave = danHttp.post(
            "/api/v1/resourcing/leave",
            {{"start_date", "2026-04-08"}, {"end_date", "2026-04-08"}, {"leave_type", "vacation"}});
        QCOMPARE(leave.status, 201);
        const QString leaveId = leave.json().value("id").toString();
        QCOMPARE(rita.send("POST",
                           QStringLiteral("/api/v1/resourcing/leave/%1/approve").arg(leaveId),
                           R"({"version":1})")
                     .status,
                 200);
        QCOMPARE(danHttp
                     .post("/api/v1/resourcing/leave",
                           {{"start_date", "2026-04-09"}, {"end_date", "2026-04-09"}})
                     .status,
                 201);
        HttpClient paul(m_server->baseUrl());
        login(paul, "paul");
        QCOMPARE(
            paul.post("/api/v1/resourcing/assignments", {{"employee_id", dan},
                                                         {"project_id", QString::number(m_project)},
                                                         {"start_date", "2026-04-01"},
                                                         {"end_date", "2026-04-30"},
                                                         {"hours_per_week", "12"}})
                .status,
            201);
        const HttpResult soft = rita.post("/api/v1/resourcing/assignments",
                                          {{"employee_id", dan},
                                           {"opportunity_id", QString::number(m_opportunity)},
                                           {"start_date", "2026-04-08"},
                                           {"end_date", "2026-05-15"},
                                           {"hours_per_week", "10"}});
        QCOMPARE(soft.status, 201);
        QCOMPARE(soft.json().value("kind").toString(), QStringLiteral("soft"));
        QCOMPARE(soft.json().value("probability").toString(), QStringLiteral("60.00"));

        const HttpResult planner =
            rita.get("/api/v1/resourcing/planner?from=2026-04-01&weeks=3&country=GB");
        QCOMPARE(planner.status, 200);
        const QJsonObject p = planner.json();
        QCOMPARE(p.value("from").toString(), QStringLiteral("2026-03-30"));
        const QJsonArray weeks = p.value("weeks").toArray();
        QCOMPARE(weeks.size(), 3);
        QCOMPARE(weeks[1].toObject().value("week").toString(), QStringLiteral("2026-W15"));
        QCOMPARE(weeks[1].toObject().value("start").toString(), QStringLiteral("2026-04-06"));
        QJsonObject danRow;
        for (const QJsonValue &v : p.value("items").toArray())
            if (v.toObject().value("employee_id").toString() == dan)
                danRow = v.toObject();
        QCOMPARE(p.value("items").toArray().size(), 2);
        const QJsonArray cells = danRow.value("cells").toArray();
        QCOMPARE(cells.size(), 3);
        auto check = [&](int i, const char *cap, const char *absence, const char *hard,
                         const char *softH, const char *weighted, const char *pct) {
            const QJsonObject c = cells[i].toObject();
            QCOMPARE(c.value("capacity_hours").toString(), QString::fromLatin1(cap));
            QCOMPARE(c.value("absence_hours").toString(), QString::fromLatin1(absence));
            QCOMPARE(c.value("hard_hours").toString(), QString::fromLatin1(hard));
            QCOMPARE(c.value("soft_hours").toString(), QString::fromLatin1(softH));
            QCOMPARE(c.value("soft_weighted_hours").toString(), QString::fromLatin1(weighted));
            QCOMPARE(c.value("allocation_pct").toString(), QString::fromLatin1(pct));
        };
        // W14: full 32 h; hard 12 × 3/5 (Wed–Fri) = 7.20 → 22.5 %.
        check(0, "32.00", "0.00", "7.20", "0.00", "0.00", "22.5");
        // W15: 3 days × 6.40 = 19.20; hard 12; soft 10 × 3/5 = 6, weighted 3.60;
        // (12 + 6) / 19.2 = 93.75 % → 93.8.
        check(1, "19.20", "12.80", "12.00", "6.00", "3.60", "93.8");
        // W16: 32; 12 + 10 = 22 → 68.75 % → 68.8; weighted 6.
        check(2, "32.00", "0.00", "12.00", "10.00", "6.00", "68.8");

        // Filters: the role filter leaves Dan out when it asks for managers.
        QCOMPARE(rita.get("/api/v1/resourcing/planner?from=2026-04-01&weeks=3&role=MANAGER")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        // The PM sees the people on his projects only (Dan, not Cara); consultants not at all.
        const QJsonArray pmView = paul.get("/api/v1/resourcing/planner?from=2026-04-01&weeks=3")
                                      .json()
                                      .value("items")
                                      .toArray();
        QCOMPARE(pmView.size(), 1);
        QCOMPARE(pmView[0].toObject().value("employee_id").toString(), dan);
        QCOMPARE(danHttp.get("/api/v1/resourcing/planner").status, 403);
        QCOMPARE(rita.get("/api/v1/resourcing/planner?weeks=60").status, 422);
    }

    void leaveIsDecidedByAResourceManagerNotByOneself()
    {
        employee(m_cara, "40");
        employee(m_rm, "40");
        HttpClient cara(m_server->baseUrl());
        login(cara, "cara");
        HttpClient rita(m_server->baseUrl());
        login(rita, "rita");
        auto request = [&](HttpClient &http, const char *day) {
            const HttpResult r =
                http.post("/api/v1/resourcing/leave", {{"start_date", day}, {"end_date", day}});
            if (r.status != 201)
                qFatal("leave: %d %s", r.status, r.body.constData());
            if (r.json().value("status").toString() != QLatin1String("requested"))
                qFatal("leave not requested: %s", r.body.constData());
            return r.json().value("id").toString();
        };
        auto act = [&](HttpClient &http, const QString &id, const char *action, int version) {
            return http.send(
                "POST",
                QStringLiteral("/api/v1/resourcing/leave/%1/%2").arg(id, QLatin1String(action)),
                QStringLiteral(R"({"version":%1})").arg(version).toUtf8());
        };
        const QString a = request(cara, "2026-05-04");
        QCOMPARE(act(cara, a, "approve", 1).status, 403); // not one's own
        const HttpResult approved = act(rita, a, "approve", 1);
        QCOMPARE(approved.status, 200);
        KEEL_COVERS_TRANSITION("leave", "requested", "approve",
                               approved.json().value("status").toString());
        const HttpResult cancelled = act(cara, a, "cancel", 2);
        QCOMPARE(cancelled.status, 200);
        KEEL_COVERS_TRANSITION("leave", "approved", "cancel",
                               cancelled.json().value("status").toString());
        QCOMPARE(act(rita, a, "approve", 3).status, 409); // cancelled is final

        const QString b = request(cara, "2026-05-05");
        const HttpResult rejected = act(rita, b, "reject", 1);
        QCOMPARE(rejected.status, 200);
        KEEL_COVERS_TRANSITION("leave", "requested", "reject",
                               rejected.json().value("status").toString());

        const QString c = request(cara, "2026-05-06");
        const HttpResult withdrawn = act(cara, c, "cancel", 1);
        QCOMPARE(withdrawn.status, 200);
        KEEL_COVERS_TRANSITION("leave", "requested", "cancel",
                               withdrawn.json().value("status").toString());

        // A resource manager does not approve their own leave either.
        const QString own = request(rita, "2026-05-07");
        QCOMPARE(act(rita, own, "approve", 1).status, 403);
        // Others do not see Cara's leave; she sees hers.
        HttpClient dan(m_server->baseUrl());
        login(dan, "dan");
        QCOMPARE(dan.get("/api/v1/resourcing/leave").json().value("items").toArray().size(), 0);
        QCOMPARE(cara.get("/api/v1/resourcing/leave").json().value("items").toArray().size(), 3);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'leave'"), 8);
    }

    void demoFirmHasPeopleHolidaysLeaveAndStaffedProjects()
    {
        m_server.reset();
        m_db.reset();
        m_db.emplace(TestDatabase::create(QStringLiteral("resourcing_demo")));
        QSqlDatabase sql = m_db->sql();
        const DemoLoadResult r = loadDemoFirm(sql, 1, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        // Every user is an employee, at 40 h or 32 h a week.
        QCOMPARE(scalar("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM employees "
                        "e WHERE e.user_id = u.id)"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM employees WHERE weekly_capacity_hours NOT IN "
                        "(32, 40)"),
                 0);
        QVERIFY(scalar("SELECT count(*) FROM employees WHERE weekly_capacity_hours = 32") > 30);
        // Two cost-rate periods each, the later one from 2026 on.
        QCOMPARE(scalar("SELECT count(*) FROM employees e WHERE (SELECT count(*) FROM "
                        "employee_cost_rates c WHERE c.employee_id = e.id) <> 2"),
                 0);
        // 3–6 skills for everyone in a practice; certifications exist, some expired.
        QCOMPARE(scalar("SELECT count(*) FROM employees e WHERE e.practice_id IS NOT NULL AND "
                        "(SELECT count(*) FROM employee_skills s WHERE s.employee_id = e.id) NOT "
                        "BETWEEN 3 AND 6"),
                 0);
        QVERIFY(scalar("SELECT count(*) FROM employee_certifications WHERE expires_on < "
                       "'2026-11-15'") > 0);
        QVERIFY(scalar("SELECT count(*) FROM employee_certifications WHERE expires_on >= "
                       "'2026-11-15'") > 0);
        // Holidays of the three countries for 2025–2027; leave approved and requested.
        QCOMPARE(scalar("SELECT count(DISTINCT country) FROM holidays WHERE date BETWEEN "
                        "'2025-01-01' AND '2027-12-31'"),
                 3);
        QCOMPARE(scalar("SELECT count(*) FROM holidays WHERE country = 'GB' AND date = "
                        "'2026-04-06'"),
                 1);
        QVERIFY(scalar("SELECT count(*) FROM employee_leave WHERE status = 'approved'") > 100);
        QVERIFY(scalar("SELECT count(*) FROM employee_leave WHERE status = 'requested'") > 10);
        // Started projects are staffed: each of their requests has a person of the requested
        // role and entity, inside the project's dates; one architect or senior consultant
        // request in ten goes to a specialist of another entity (intercompany work).
        QCOMPARE(scalar("SELECT count(*) FROM resource_requests r JOIN projects p ON p.id = "
                        "r.project_id JOIN job_roles jr ON jr.id = r.job_role_id WHERE p.status "
                        "<> 'planned' AND NOT EXISTS (SELECT 1 FROM assignments a JOIN employees "
                        "e ON e.id = a.employee_id WHERE a.request_id = r.id AND e.job_role_id = "
                        "r.job_role_id AND (e.legal_entity_id = r.legal_entity_id) = NOT "
                        "(jr.code IN ('ARCHITECT', 'SENIOR_CONSULTANT') AND r.id % 10 = 3))"),
                 0);
        QVERIFY(scalar("SELECT count(*) FROM assignments a JOIN employees e ON e.id = "
                       "a.employee_id JOIN projects p ON p.id = a.project_id WHERE "
                       "e.legal_entity_id <> p.legal_entity_id") > 10);
        QCOMPARE(scalar("SELECT count(*) FROM assignments a JOIN projects p ON p.id = "
                        "a.project_id WHERE a.start_date < p.start_date OR a.end_date > "
                        "p.end_date"),
                 0);
        QVERIFY(scalar("SELECT count(*) FROM assignments") > 300);
        // Bookings beyond a person's weekly hours are flagged as confirmed over-allocations.
        QVERIFY(scalar("SELECT count(*) FROM assignments WHERE overallocated AND confirmed_by "
                       "IS NOT NULL") > 0);
        QCOMPARE(scalar("SELECT count(*) FROM assignments WHERE overallocated AND confirmed_by "
                        "IS NULL"),
                 0);
        // Handover skills reached the taxonomy.
        QVERIFY(scalar("SELECT count(*) FROM resource_request_skills") > 100);
    }
};

QTEST_GUILESS_MAIN(ResourcingPeopleTest)
#include "tst_resourcing_people.moc"
