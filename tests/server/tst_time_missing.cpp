#include "tst_time_fixture.h"

using namespace keel;
using namespace keel::test;

// Missing time: weeks not submitted or short of the expected hours (capacity less public
// holidays and approved leave), for finance by legal entity and for project managers by the
// people on their projects.
class TimeMissingTest : public QObject
{
    Q_OBJECT
    TimeFixture f;
    qint64 projectA = 0, projectB = 0, taskA = 0;
    qint64 pmEmployee = 0, pm2Employee = 0, pm3Employee = 0, deEmployee = 0;

    static QDate w1() { return TimeFixture::lastMonday().addDays(-7); }
    static QDate w2() { return TimeFixture::lastMonday(); }

    static QString range()
    {
        return "?from=" + w1().toString(Qt::ISODate) +
               "&to=" + w2().addDays(6).toString(Qt::ISODate);
    }

    // "week employee expected entered submitted" per row.
    QStringList rows(HttpClient &http, const QString &query)
    {
        const HttpResult r = http.get("/api/v1/time/missing" + query);
        if (r.status != 200)
            qWarning() << r.status << r.body;
        QStringList out;
        for (const QJsonValue v : r.json().value("items").toArray()) {
            const QJsonObject o = v.toObject();
            out << QStringLiteral("%1 %2 %3 %4 %5")
                       .arg(o.value("week_start").toString() == w1().toString(Qt::ISODate)
                                ? QStringLiteral("w1")
                                : QStringLiteral("w2"),
                            o.value("employee_name").toString(),
                            o.value("expected_hours").toString(),
                            o.value("entered_hours").toString(),
                            o.value("submitted").toBool() ? QStringLiteral("submitted")
                                                          : QStringLiteral("open"));
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        f.setUpTime(QTest::currentTestFunction());
        projectA = f.project(f.pmId, "Alpha");
        projectB = f.project(f.pm2Id, "Beta");
        taskA = f.task(projectA, "Build A");
        pmEmployee = f.scalar("SELECT id FROM employees WHERE user_id = ?", {f.pmId});
        pm2Employee = f.scalar("SELECT id FROM employees WHERE user_id = ?", {f.pm2Id});
        pm3Employee = f.scalar("SELECT id FROM employees WHERE user_id = ?", {f.pm3Id});
        const qint64 deUser =
            f.server->createUser("de.cons", "de password", {{"consultant", "DE"}}, "DE");
        deEmployee = f.scalar("INSERT INTO employees (user_id, legal_entity_id, country, "
                              "job_role_id) VALUES (?, (SELECT id FROM legal_entities WHERE code "
                              "= 'DE'), 'DE', ?) RETURNING id",
                              {deUser, f.roleId("CONSULTANT")});

        // A public holiday in GB on w1's Wednesday; pm2 on approved leave all of w2; pm3
        // assigned to Alpha.
        db::query(f.db->sql(),
                  "INSERT INTO holidays (country, date, name) VALUES ('GB', ?, 'Bank holiday')",
                  {w1().addDays(2)});
        db::query(f.db->sql(),
                  "INSERT INTO employee_leave (employee_id, start_date, end_date, status) VALUES "
                  "(?, ?, ?, 'approved')",
                  {pm2Employee, w2(), w2().addDays(4)});
        db::query(f.db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, ?, ?, 20, 'hard')",
                  {pm3Employee, projectA, w1(), w2().addDays(4)});

        // The consultant: w1 complete (32 h) and submitted, w2 30 h not submitted.
        auto me = f.client("consultant", "consultant password");
        for (int d : {0, 1, 3, 4})
            TimeFixture::enter(*me, projectA, taskA, w1().addDays(d).toString(Qt::ISODate), "8");
        QCOMPARE(TimeFixture::submitWeek(*me, w1()).status, 200);
        for (int d = 0; d < 5; ++d)
            TimeFixture::enter(*me, projectA, taskA, w2().addDays(d).toString(Qt::ISODate), "6");
    }
    void cleanup() { f.tearDown(); }

    void financeSeesTheirEntity()
    {
        auto fin = f.client("fin", "fin password");
        QCOMPARE(rows(*fin, range()),
                 QStringList({"w1 pm 32.00 0.00 open", "w1 pm2 32.00 0.00 open",
                              "w1 pm3 32.00 0.00 open", "w2 consultant 40.00 30.00 open",
                              "w2 pm 40.00 0.00 open", "w2 pm3 40.00 0.00 open"}));
        // A submitted week that is short is listed too.
        auto pm3 = f.client("pm3", "pm3 password");
        TimeFixture::enter(*pm3, projectA, taskA, w2().toString(Qt::ISODate), "4");
        QCOMPARE(TimeFixture::submitWeek(*pm3, w2()).status, 200);
        QVERIFY(rows(*fin, range()).contains("w2 pm3 40.00 4.00 submitted"));

        auto deFin = f.client("de.fin", "fin password");
        QCOMPARE(rows(*deFin, range()),
                 QStringList({"w1 de.cons 40.00 0.00 open", "w2 de.cons 40.00 0.00 open"}));

        // Keyset pages.
        HttpResult r = fin->get("/api/v1/time/missing" + range() + "&limit=4");
        QCOMPARE(r.json().value("items").toArray().size(), 4);
        const QString after = r.json().value("next_after").toString();
        QVERIFY(!after.isEmpty());
        r = fin->get("/api/v1/time/missing" + range() +
                     "&limit=4&after=" + QString(after).replace("/", "%2F"));
        QCOMPARE(r.json().value("items").toArray().size(), 2);
        QVERIFY(!r.json().contains("next_after"));
        QCOMPARE(fin->get("/api/v1/time/missing" + range() + "&after=x").status, 422);
        QCOMPARE(fin->get("/api/v1/time/missing?from=2026-01-01&to=2026-12-31").status, 422);
        QCOMPARE(fin->get("/api/v1/time/missing?from=2026-01-01").status, 422);
    }

    void projectManagersSeeThePeopleOnTheirProjects()
    {
        auto pm = f.client("pm", "pm password");
        QCOMPARE(rows(*pm, range()),
                 QStringList({"w1 pm3 32.00 0.00 open", "w2 consultant 40.00 30.00 open",
                              "w2 pm3 40.00 0.00 open"}));
        QCOMPARE(rows(*pm, range() + "&project_id=" + QString::number(projectA)).size(), 3);
        // Another manager's project is not theirs to look into.
        QCOMPARE(
            pm->get("/api/v1/time/missing" + range() + "&project_id=" + QString::number(projectB))
                .status,
            404);
        QCOMPARE(rows(*f.client("pm2", "pm2 password"), range()), QStringList());
        // Finance narrows to a project of its entity.
        QCOMPARE(rows(*f.client("fin", "fin password"),
                      range() + "&project_id=" + QString::number(projectA)),
                 QStringList({"w1 pm3 32.00 0.00 open", "w2 consultant 40.00 30.00 open",
                              "w2 pm3 40.00 0.00 open"}));
        QCOMPARE(
            f.client("de.fin", "fin password")
                ->get("/api/v1/time/missing" + range() + "&project_id=" + QString::number(projectA))
                .status,
            404);
        // Consultants have no oversight.
        QCOMPARE(f.client("consultant", "consultant password")
                     ->get("/api/v1/time/missing" + range())
                     .status,
                 403);
    }
};

QTEST_MAIN(TimeMissingTest)
#include "tst_time_missing.moc"
