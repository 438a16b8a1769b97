// Staffing suggestions for one request (UK, CONSULTANT, AWS at level 3 or more, 20 h/week from
// Mon 2027-01-18 to Fri 2027-01-29 = 10 working days → 40 h needed, location GB), hand-computed
// with the weights of staffing_weights.h (skill 35, capacity 30, utilisation 15, cost 10,
// location 10). Standard cost of CONSULTANT in UK: 60 GBP/h.
//   Dana  GB, AWS 4, free, cost 50 GBP: skill 0.9 → 31.50, capacity 80/40 → 1 → 30.00,
//         utilisation 0 % of target 80 → 1 → 15.00, cost ≤ standard → 10.00, GB → 10.00 = 96.50
//   Gus   DE, AWS 4, free, no cost rate: 31.50 + 30.00 + 15.00 + 0.5 → 5.00 + 0 = 81.50
//   Eve   GB, AWS 2 (below the minimum), free, cost 90 GBP: 0.2 → 7.00 + 30.00 + 15.00 +
//         (1 − 30/60 = 0.5) → 5.00 + 10.00 = 67.00
//   Finn  GB, AWS 4, hard-booked 40 h/week over the range, cost 50 GBP: 31.50 + 0 + (booked
//         100 % ≥ 80 %) 0 + 10.00 + 10.00 = 51.50
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include "decimal.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
const QString kPassword = QStringLiteral("staffing password");

QString points(const QJsonObject &candidate, const char *factor)
{
    for (const QJsonValue &v : candidate.value("factors").toArray())
        if (v.toObject().value("factor").toString() == QLatin1String(factor))
            return v.toObject().value("points").toString();
    return {};
}
} // namespace

class StaffingTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_request = 0;

    qint64 scalar(const char *sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(m_db->sql(), QString::fromLatin1(sql), binds);
        if (!q.next())
            qFatal("no row: %s", sql);
        return q.value(0).toLongLong();
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
        db::query(m_db->sql(),
                  "INSERT INTO employee_skills (employee_id, skill_id, level) SELECT ?, id, ? "
                  "FROM skills WHERE code = 'AWS'",
                  {id, awsLevel});
        if (cost)
            db::query(m_db->sql(),
                      "INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, "
                      "valid_from) VALUES (?, 'GBP', ?::numeric, '2026-01-01')",
                      {id, QString::fromLatin1(cost)});
        return id;
    }

    void login(HttpClient &http, const char *user)
    {
        if (http.login(QString::fromLatin1(user), kPassword).status != 200)
            qFatal("login failed for %s", user);
    }

private slots:
    void init()
    {
        m_db.emplace(TestDatabase::create(QStringLiteral("tst_staffing")));
        seedLegalEntities(*m_db);
        employee("Dana", "UK", "GB", 4, "50");
        employee("Eve", "UK", "GB", 2, "90");
        const qint64 finn = employee("Finn", "UK", "GB", 4, "50");
        employee("Gus", "DE", "DE", 4, nullptr);
        db::query(m_db->sql(),
                  "INSERT INTO job_role_costs (job_role_id, legal_entity_id, currency, "
                  "hourly_cost, valid_from) SELECT jr.id, le.id, 'GBP', 60, '2026-01-01' FROM "
                  "job_roles jr, legal_entities le WHERE jr.code = 'CONSULTANT' AND le.code = "
                  "'UK'",
                  {});
        const qint64 account = scalar(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT id, 'Client', 'client', 'GB', 'GBP', 'STANDARD' FROM "
            "legal_entities WHERE code = 'UK' RETURNING id");
        const qint64 project = scalar(
            "INSERT INTO projects (legal_entity_id, account_id, name, currency, start_date, "
            "end_date, status) SELECT id, ?, 'P', 'GBP', '2027-01-01', '2027-06-30', 'active' "
            "FROM legal_entities WHERE code = 'UK' RETURNING id",
            {account});
        m_request = scalar(
            "INSERT INTO resource_requests (legal_entity_id, project_id, job_role_id, "
            "hours_per_week, total_hours, start_date, end_date, kind, location_country) SELECT "
            "le.id, ?, jr.id, 20, 40, '2027-01-18', '2027-01-29', 'hard', 'GB' FROM "
            "legal_entities le, job_roles jr WHERE le.code = 'UK' AND jr.code = 'CONSULTANT' "
            "RETURNING resource_requests.id",
            {project});
        db::query(m_db->sql(),
                  "INSERT INTO resource_request_skills (request_id, skill_id, min_level) SELECT "
                  "?, id, 3 FROM skills WHERE code = 'AWS'",
                  {m_request});
        db::query(m_db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, '2027-01-11', '2027-02-05', 40, 'hard')",
                  {finn, project});
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser("rm", kPassword, {{"resource_manager", ""}});
        m_server->createUser("rm.de", kPassword, {{"resource_manager", "DE"}}, "DE");
        m_server->createUser("consultant", kPassword, {{"consultant", "UK"}});
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void rankedByScoreWithEveryFactorExplained()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "rm");
        const HttpResult r =
            http.get(QStringLiteral("/api/v1/resourcing/requests/%1/suggestions").arg(m_request));
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(a.value("considered").toInt(), 4);
        QCOMPARE(a.value("request").toObject().value("needed_hours").toString(),
                 QStringLiteral("40.00"));
        const QJsonArray c = a.value("candidates").toArray();
        QStringList ranking;
        for (const QJsonValue &v : c)
            ranking << v.toObject().value("name").toString() + u'=' +
                           v.toObject().value("score").toString();
        QCOMPARE(ranking.join(u','), QStringLiteral("Dana=96.50,Gus=81.50,Eve=67.00,Finn=51.50"));

        // Level 4 outranks level 2 with the same availability, on the skill factor.
        QCOMPARE(points(c.at(0).toObject(), "skill"), QStringLiteral("31.50"));
        QCOMPARE(points(c.at(2).toObject(), "skill"), QStringLiteral("7.00"));
        QCOMPARE(points(c.at(2).toObject(), "capacity"), QStringLiteral("30.00"));
        QCOMPARE(points(c.at(2).toObject(), "cost"), QStringLiteral("5.00"));
        // Fully booked: no capacity and no utilisation points.
        const QJsonObject finn = c.at(3).toObject();
        QCOMPARE(finn.value("free_hours").toString(), QStringLiteral("0.00"));
        QCOMPARE(points(finn, "capacity"), QStringLiteral("0.00"));
        QCOMPARE(points(finn, "utilisation"), QStringLiteral("0.00"));
        QCOMPARE(points(c.at(1).toObject(), "location"), QStringLiteral("0.00"));

        // Each candidate's points add up to its score; each factor explains itself.
        for (const QJsonValue &v : c) {
            const QJsonObject o = v.toObject();
            const QJsonArray factors = o.value("factors").toArray();
            QCOMPARE(factors.size(), 5);
            Decimal sum;
            for (const QJsonValue &f : factors) {
                const QJsonObject fo = f.toObject();
                sum = sum.add(*Decimal::parse(fo.value("points").toString())).value();
                QVERIFY2(fo.value("explanation").toString().size() > 10,
                         qPrintable(fo.value("factor").toString()));
                QVERIFY(!fo.value("weight").toString().isEmpty());
                QVERIFY(!fo.value("value").toString().isEmpty());
            }
            QCOMPARE(sum.toString(2), o.value("score").toString());
        }
        const QJsonObject dana = c.at(0).toObject();
        const QJsonObject skill = dana.value("factors").toArray().at(0).toObject();
        QVERIFY2(skill.value("explanation").toString().contains("AWS 4/3"),
                 qPrintable(skill.value("explanation").toString()));
        const QJsonObject capacity = dana.value("factors").toArray().at(1).toObject();
        QVERIFY2(capacity.value("explanation").toString().contains("80.00 h free"),
                 qPrintable(capacity.value("explanation").toString()));
        QVERIFY2(capacity.value("explanation").toString().contains("100% covered"),
                 qPrintable(capacity.value("explanation").toString()));
        const QJsonObject utilisation = dana.value("factors").toArray().at(2).toObject();
        QVERIFY2(utilisation.value("explanation").toString().contains("target of 80%"),
                 qPrintable(utilisation.value("explanation").toString()));
    }

    void limitScopeAndUnknownRequest()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "rm");
        const QString url =
            QStringLiteral("/api/v1/resourcing/requests/%1/suggestions").arg(m_request);
        QCOMPARE(http.get(url + "?limit=2").json().value("candidates").toArray().size(), 2);
        QCOMPARE(http.get(url + "?limit=0").status, 422);
        QCOMPARE(http.get("/api/v1/resourcing/requests/999999/suggestions").status, 404);
        HttpClient de(m_server->baseUrl());
        login(de, "rm.de");
        QCOMPARE(de.get(url).status, 404); // a UK request is not theirs to see
        HttpClient consultant(m_server->baseUrl());
        login(consultant, "consultant");
        QCOMPARE(consultant.get(url).status, 403);
    }
};

QTEST_GUILESS_MAIN(StaffingTest)
#include "tst_staffing.moc"
