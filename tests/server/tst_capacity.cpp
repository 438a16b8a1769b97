// Capacity versus demand and the bench against a small fixed data set, values computed by hand
// (week 1 = 2027-01-04..08, week 2 = 2027-01-11..15):
//   Alice  UK/GB, CONSULTANT, CLOUD, 40 h, AWS 4: public holiday Tue 01-05 (GB), approved leave
//          Thu 01-07 → week 1: 40 − 8 − 8 = 24.00, week 2: 40.00; hard 20 h/week on project P
//          over both weeks.
//   Bob    UK/GB, CONSULTANT, CLOUD, 37.5 h, AWS 2: holiday → week 1: 37.5 − 7.5 = 30.00;
//          approved 3.75 h leave Tue 01-12 → week 2: 33.75 (a requested, unapproved day of leave
//          in week 1 does not count); hard 4 h/week from 01-11 for the open request R1; soft
//          10 h/week at 50 % in week 1 → 5.00.
//   Carl   DE/DE, ARCHITECT, DATA, 40 h: the GB holiday does not touch him: 40.00 both weeks.
//   R1     open hard request on P, CONSULTANT, AWS, 10 h/week from Wed 01-06: week 1 3 days →
//          6.00 uncovered; week 2 10 − Bob's 4 = 6.00 uncovered.
//   R2     open soft request on an opportunity at 40 %, CONSULTANT, 40 h/week in week 2 →
//          0.4 × 40 = 16.00 weighted soft demand.
//   R3     cancelled hard request, 100 h/week: no demand.
// CONSULTANT week 1: available 54.00, hard 20 + 6 = 26.00, soft 5.00, gap 23.00;
//            week 2: available 73.75, hard 20 + 4 + 6 = 30.00, soft 16.00, gap 27.75.
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
const QString kPassword = QStringLiteral("capacity password");

QJsonObject rowOf(const QJsonObject &answer, const QString &key)
{
    for (const QJsonValue &v : answer.value("rows").toArray())
        if (v.toObject().value("key").toString() == key)
            return v.toObject();
    return {};
}

// The week cell `i` of a row as "available|hard|soft|gap".
QString cell(const QJsonObject &row, int i)
{
    const QJsonObject c = row.value("weeks").toArray().at(i).toObject();
    return QStringList{c.value("available_hours").toString(),
                       c.value("hard_demand_hours").toString(),
                       c.value("soft_demand_hours").toString(), c.value("gap_hours").toString()}
        .join(u'|');
}
} // namespace

class CapacityTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_alice = 0, m_bob = 0, m_carl = 0;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(m_db->sql(), sql, binds);
        if (!q.next())
            qFatal("no row: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

    qint64 employee(const QString &name, const char *entity, const char *country, const char *role,
                    const char *practice, const char *capacity)
    {
        const qint64 user = scalar(
            "INSERT INTO users (username, display_name, legal_entity_id) SELECT lower(?), ?, id "
            "FROM legal_entities WHERE code = ? RETURNING id",
            {name, name, QString::fromLatin1(entity)});
        return scalar("INSERT INTO employees (user_id, legal_entity_id, country, practice_id, "
                      "job_role_id, weekly_capacity_hours) SELECT ?, le.id, ?, p.id, jr.id, "
                      "?::numeric FROM legal_entities le, practices p, job_roles jr WHERE "
                      "le.code = ? AND p.code = ? AND jr.code = ? RETURNING employees.id",
                      {user, QString::fromLatin1(country), QString::fromLatin1(capacity),
                       QString::fromLatin1(entity), QString::fromLatin1(practice),
                       QString::fromLatin1(role)});
    }

    void login(HttpClient &http, const char *user)
    {
        if (http.login(QString::fromLatin1(user), kPassword).status != 200)
            qFatal("login failed for %s", user);
    }

private slots:
    void init()
    {
        m_db.emplace(TestDatabase::create(QStringLiteral("tst_capacity")));
        seedLegalEntities(*m_db);
        m_alice = employee("Alice", "UK", "GB", "CONSULTANT", "CLOUD", "40");
        m_bob = employee("Bob", "UK", "GB", "CONSULTANT", "CLOUD", "37.5");
        m_carl = employee("Carl", "DE", "DE", "ARCHITECT", "DATA", "40");
        const auto run = [this](const char *sql, const QVariantList &binds = {}) {
            db::query(m_db->sql(), QString::fromLatin1(sql), binds);
        };
        run("INSERT INTO employee_skills (employee_id, skill_id, level) SELECT ?, id, 4 FROM "
            "skills WHERE code = 'AWS'",
            {m_alice});
        run("INSERT INTO employee_skills (employee_id, skill_id, level) SELECT ?, id, 2 FROM "
            "skills WHERE code = 'AWS'",
            {m_bob});
        run("INSERT INTO holidays (country, date, name) VALUES ('GB', '2027-01-05', 'Test day'), "
            "('DE', '2027-02-01', 'Outside the range')");
        run("INSERT INTO employee_leave (employee_id, start_date, end_date, hours_per_day, "
            "status) VALUES (?, '2027-01-07', '2027-01-07', NULL, 'approved'), "
            "(?, '2027-01-06', '2027-01-06', NULL, 'requested'), "
            "(?, '2027-01-12', '2027-01-12', 3.75, 'approved')",
            {m_alice, m_bob, m_bob});
        const qint64 account = scalar(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT id, 'Client', 'client', 'GB', 'GBP', 'STANDARD' FROM "
            "legal_entities WHERE code = 'UK' RETURNING id");
        const qint64 project = scalar(
            "INSERT INTO projects (legal_entity_id, account_id, practice_id, name, currency, "
            "start_date, end_date, status) SELECT le.id, ?, p.id, 'P', 'GBP', '2027-01-01', "
            "'2027-06-30', 'active' FROM legal_entities le, practices p WHERE le.code = 'UK' AND "
            "p.code = 'CLOUD' RETURNING projects.id",
            {account});
        const qint64 opportunity = scalar(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, practice_id, name, "
            "stage_id, probability, currency) SELECT le.id, ?, (SELECT min(id) FROM users), "
            "p.id, 'O', (SELECT min(id) FROM opportunity_stages), 40, 'GBP' FROM "
            "legal_entities le, practices p WHERE le.code = 'UK' AND p.code = 'CLOUD' "
            "RETURNING opportunities.id",
            {account});
        const auto request = [&](const char *kind, const char *status, qint64 projectId,
                                 qint64 opportunityId, const char *hours, const char *start,
                                 const char *end, const char *skills) {
            return scalar(
                "INSERT INTO resource_requests (legal_entity_id, project_id, opportunity_id, "
                "job_role_id, hours_per_week, total_hours, start_date, end_date, skills, kind, "
                "status, probability) SELECT le.id, ?, ?, jr.id, ?::numeric, 0, ?::date, "
                "?::date, ?::text[], ?, ?, 100 FROM legal_entities le, job_roles jr WHERE "
                "le.code = 'UK' AND jr.code = 'CONSULTANT' RETURNING resource_requests.id",
                {projectId ? QVariant(projectId) : QVariant(QMetaType::fromType<qint64>()),
                 opportunityId ? QVariant(opportunityId) : QVariant(QMetaType::fromType<qint64>()),
                 QString::fromLatin1(hours), QString::fromLatin1(start), QString::fromLatin1(end),
                 QString::fromLatin1(skills), QString::fromLatin1(kind),
                 QString::fromLatin1(status)});
        };
        const qint64 r1 =
            request("hard", "open", project, 0, "10", "2027-01-06", "2027-01-31", "{AWS}");
        request("soft", "open", 0, opportunity, "40", "2027-01-11", "2027-01-22", "{}");
        request("hard", "cancelled", project, 0, "100", "2027-01-04", "2027-01-31", "{}");
        const auto assign = [&](qint64 employeeId, const QVariant &projectId,
                                const QVariant &opportunityId, const QVariant &requestId,
                                const char *kind, const char *probability, const char *hours,
                                const char *start, const char *end) {
            run("INSERT INTO assignments (employee_id, project_id, opportunity_id, request_id, "
                "start_date, end_date, hours_per_week, kind, probability) VALUES (?, ?, ?, ?, "
                "?::date, ?::date, ?::numeric, ?, ?::numeric)",
                {employeeId, projectId, opportunityId, requestId, QString::fromLatin1(start),
                 QString::fromLatin1(end), QString::fromLatin1(hours), QString::fromLatin1(kind),
                 QString::fromLatin1(probability)});
        };
        const QVariant none(QMetaType::fromType<qint64>());
        assign(m_alice, project, none, none, "hard", "100", "20", "2027-01-04", "2027-01-15");
        assign(m_bob, project, none, r1, "hard", "100", "4", "2027-01-11", "2027-01-31");
        assign(m_bob, none, opportunity, none, "soft", "50", "10", "2027-01-04", "2027-01-08");

        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser("rm", kPassword, {{"resource_manager", ""}});
        m_server->createUser("rm.de", kPassword, {{"resource_manager", "DE"}}, "DE");
        m_server->createUser("consultant", kPassword, {{"consultant", "UK"}});
    }
    void capacityByRoleWithHolidayLeaveAndDemand()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "rm");
        const HttpResult r =
            http.get("/api/v1/resourcing/capacity?from=2027-01-06&weeks=2&group_by=role");
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(a.value("from").toString(), QStringLiteral("2027-01-04")); // Monday of the week
        QCOMPARE(a.value("weeks").toArray().size(), 2);
        QCOMPARE(a.value("weeks").toArray().at(0).toObject().value("week").toString(),
                 QStringLiteral("2027-W01"));
        const QJsonObject consultant = rowOf(a, "CONSULTANT");
        QCOMPARE(consultant.value("name").toString(), QStringLiteral("Consultant"));
        QCOMPARE(cell(consultant, 0), QStringLiteral("54.00|26.00|5.00|23.00"));
        QCOMPARE(cell(consultant, 1), QStringLiteral("73.75|30.00|16.00|27.75"));
        QCOMPARE(consultant.value("total").toObject().value("gap_hours").toString(),
                 QStringLiteral("50.75"));
        QCOMPARE(cell(rowOf(a, "ARCHITECT"), 0), QStringLiteral("40.00|0.00|0.00|40.00"));
        // Totals: everyone once.
        const QJsonObject t0 = a.value("totals").toArray().at(0).toObject();
        QCOMPARE(t0.value("available_hours").toString(), QStringLiteral("94.00"));
        QCOMPARE(t0.value("gap_hours").toString(), QStringLiteral("63.00"));
        QCOMPARE(a.value("rows").toArray().size(), 2); // no row for roles nobody has or needs
    }

    void weeklyAvailableHoursMatchTheResourcingFunction()
    {
        // 0010's sparse employee_weeks_available gives 0009's employee_week_capacity figures.
        QSqlQuery q =
            db::query(m_db->sql(),
                      "SELECT count(*), count(*) FILTER (WHERE a.capacity_hours IS DISTINCT FROM "
                      "b.capacity_hours) FROM employee_week_capacity('2027-01-06', 3) a FULL JOIN "
                      "employee_weeks_available('2027-01-06', 3) b USING (employee_id, week_start)",
                      {});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 9);
        QCOMPARE(q.value(1).toInt(), 0);
        QSqlQuery bob = db::query(m_db->sql(),
                                  "SELECT capacity_hours::text FROM employee_weeks_available("
                                  "'2027-01-04', 2) WHERE employee_id = ? ORDER BY week_start",
                                  {m_bob});
        QStringList weeks;
        while (bob.next())
            weeks << bob.value(0).toString();
        QCOMPARE(weeks.join(u','), QStringLiteral("30.00,33.75"));
    }

    void capacityGroupedBySkillPracticeCountry()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "rm");
        const QString base = QStringLiteral("/api/v1/resourcing/capacity?from=2027-01-04&weeks=2");
        const QJsonObject bySkill = http.get(base + "&group_by=skill").json();
        // AWS: Alice + Bob; R1 asks for AWS, R2 asks for no skill.
        QCOMPARE(cell(rowOf(bySkill, "AWS"), 0), QStringLiteral("54.00|26.00|5.00|23.00"));
        QCOMPARE(cell(rowOf(bySkill, "AWS"), 1), QStringLiteral("73.75|30.00|0.00|43.75"));
        const QJsonArray rows = bySkill.value("rows").toArray();
        const QJsonObject none = rows.last().toObject();
        QVERIFY(none.value("key").isNull());
        QCOMPARE(cell(none, 1), QStringLiteral("40.00|0.00|16.00|24.00")); // Carl + R2
        // Totals count every person and request once, whatever their number of skills.
        const QJsonObject t1 = bySkill.value("totals").toArray().at(1).toObject();
        QCOMPARE(t1.value("available_hours").toString(), QStringLiteral("113.75"));
        QCOMPARE(t1.value("hard_demand_hours").toString(), QStringLiteral("30.00"));
        QCOMPARE(t1.value("soft_demand_hours").toString(), QStringLiteral("16.00"));
        const QJsonObject byPractice = http.get(base + "&group_by=practice").json();
        QCOMPARE(cell(rowOf(byPractice, "CLOUD"), 1), QStringLiteral("73.75|30.00|16.00|27.75"));
        QCOMPARE(cell(rowOf(byPractice, "DATA"), 1), QStringLiteral("40.00|0.00|0.00|40.00"));
        const QJsonObject byCountry = http.get(base + "&group_by=country").json();
        QCOMPARE(cell(rowOf(byCountry, "GB"), 0), QStringLiteral("54.00|26.00|5.00|23.00"));
        QCOMPARE(cell(rowOf(byCountry, "DE"), 0), QStringLiteral("40.00|0.00|0.00|40.00"));
    }

    void softDemandFollowsTheOpportunityProbability()
    {
        // 0.4 × 40 = 16 before; at 25 % it is 0.25 × 40 = 10; a lost deal (0 %) asks nothing.
        db::query(m_db->sql(), "UPDATE opportunities SET probability = 25", {});
        HttpClient http(m_server->baseUrl());
        login(http, "rm");
        const QString url = QStringLiteral("/api/v1/resourcing/capacity?from=2027-01-11&weeks=1");
        QCOMPARE(cell(rowOf(http.get(url).json(), "CONSULTANT"), 0),
                 QStringLiteral("73.75|30.00|10.00|33.75"));
        db::query(m_db->sql(), "UPDATE opportunities SET probability = 0", {});
        QCOMPARE(cell(rowOf(http.get(url).json(), "CONSULTANT"), 0),
                 QStringLiteral("73.75|30.00|0.00|43.75"));
        // A filled request asks for nothing more.
        db::query(m_db->sql(), "UPDATE resource_requests SET status = 'filled'", {});
        QCOMPARE(cell(rowOf(http.get(url).json(), "CONSULTANT"), 0),
                 QStringLiteral("73.75|24.00|0.00|49.75"));
    }

    void capacityScopeAndBadInput()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "rm.de");
        const QJsonObject de =
            http.get("/api/v1/resourcing/capacity?from=2027-01-04&weeks=2").json();
        QCOMPARE(de.value("rows").toArray().size(), 1); // Carl only: no UK people or requests
        QCOMPARE(rowOf(de, "ARCHITECT").isEmpty(), false);
        QCOMPARE(http.get("/api/v1/resourcing/capacity?entity=UK").status, 403);
        QCOMPARE(http.get("/api/v1/resourcing/capacity?group_by=colour").status, 422);
        QCOMPARE(http.get("/api/v1/resourcing/capacity?weeks=0").status, 422);
        QCOMPARE(http.get("/api/v1/resourcing/capacity?weeks=53").status, 422);
        QCOMPARE(http.get("/api/v1/resourcing/capacity?from=2027-02-30").status, 422);
        QCOMPARE(http.get("/api/v1/resourcing/capacity?entity=XX").status, 422);
        HttpClient consultant(m_server->baseUrl());
        login(consultant, "consultant");
        QCOMPARE(consultant.get("/api/v1/resourcing/capacity").status, 403);
        QCOMPARE(consultant.get("/api/v1/resourcing/bench?from=2027-01-11&to=2027-01-15").status,
                 403);
    }

    void benchListsOnlyPeopleWithEnoughFreeHours()
    {
        // Week 2: Carl 40 free; Bob 33.75 − 4 = 29.75; Alice 40 − 20 = 20.
        HttpClient http(m_server->baseUrl());
        login(http, "rm");
        const QString base =
            QStringLiteral("/api/v1/resourcing/bench?from=2027-01-11&to=2027-01-15");
        const auto names = [](const QJsonObject &a) {
            QStringList out;
            for (const QJsonValue &v : a.value("items").toArray())
                out << v.toObject().value("name").toString() + u'=' +
                           v.toObject().value("free_hours").toString();
            return out.join(u',');
        };
        QCOMPARE(names(http.get(base).json()), QStringLiteral("Carl=40.00,Bob=29.75,Alice=20.00"));
        QCOMPARE(names(http.get(base + "&min_free_hours=25").json()),
                 QStringLiteral("Carl=40.00,Bob=29.75"));
        QCOMPARE(names(http.get(base + "&min_free_hours=29.75").json()),
                 QStringLiteral("Carl=40.00,Bob=29.75"));
        QCOMPARE(names(http.get(base + "&min_free_hours=29.76").json()),
                 QStringLiteral("Carl=40.00"));
        QCOMPARE(names(http.get(base + "&skill=AWS").json()),
                 QStringLiteral("Bob=29.75,Alice=20.00"));
        QCOMPARE(names(http.get(base + "&skill=AWS&min_level=3").json()),
                 QStringLiteral("Alice=20.00"));
        QCOMPARE(names(http.get(base + "&practice=DATA").json()), QStringLiteral("Carl=40.00"));
        const QJsonObject bob =
            http.get(base + "&min_free_hours=25").json().value("items").toArray().at(1).toObject();
        QCOMPARE(bob.value("available_hours").toString(), QStringLiteral("33.75"));
        QCOMPARE(bob.value("hard_booked_hours").toString(), QStringLiteral("4.00"));
        // The week with the holiday, Alice's leave day and Bob's soft booking (a tentative
        // booking holds all its hours): Alice 24 − 20 = 4; Bob 30 − 10 = 20.
        QCOMPARE(names(http.get("/api/v1/resourcing/bench?from=2027-01-04&to=2027-01-08").json()),
                 QStringLiteral("Carl=40.00,Bob=20.00,Alice=4.00"));
        // weeks=1 instead of to: the week of from, Monday to Sunday.
        QCOMPARE(names(http.get("/api/v1/resourcing/bench?from=2027-01-13&weeks=1").json()),
                 QStringLiteral("Carl=40.00,Bob=29.75,Alice=20.00"));
        // Paging: one per page through next_after.
        const QJsonObject p1 = http.get(base + "&limit=1").json();
        QCOMPARE(names(p1), QStringLiteral("Carl=40.00"));
        const QString next = p1.value("next_after").toString();
        QVERIFY(!next.isEmpty());
        const QJsonObject p2 = http.get(base + "&limit=1&after=" + next).json();
        QCOMPARE(names(p2), QStringLiteral("Bob=29.75"));
        // Bad input.
        QCOMPARE(http.get("/api/v1/resourcing/bench?from=2027-01-11").status, 422);
        QCOMPARE(http.get("/api/v1/resourcing/bench?from=2027-01-11&to=2027-01-10").status, 422);
        QCOMPARE(http.get(base + "&min_free_hours=-1").status, 422);
        QCOMPARE(http.get(base + "&skill=COBOL").status, 422);
        QCOMPARE(http.get(base + "&after=garbage").status, 422);
        // Scope: DE sees Carl only.
        HttpClient de(m_server->baseUrl());
        login(de, "rm.de");
        QCOMPARE(names(de.get(base).json()), QStringLiteral("Carl=40.00"));
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(CapacityTest)
#include "tst_capacity.moc"
