#include "tst_time_fixture.h"

using namespace keel;
using namespace keel::test;

// A consultant's own entries: create, edit, delete, and every rule's answer.
class TimeEntriesTest : public QObject
{
    Q_OBJECT
    TimeFixture f;
    qint64 project = 0;
    qint64 build = 0;    // billable task
    qint64 internal = 0; // non-billable task

private Q_SLOTS:
    void init()
    {
        f.setUpTime(QTest::currentTestFunction());
        project = f.project(f.pmId, "Data lake");
        build = f.task(project, "Build");
        internal = f.task(project, "Internal", false);
    }
    void cleanup() { f.tearDown(); }

    void createEditDelete()
    {
        auto me = f.client("consultant", "consultant password");
        const QString id = TimeFixture::newId();
        HttpResult r = TimeFixture::putEntry(
            *me, id, TimeFixture::entryBody(project, internal, TimeFixture::day(0), "7.5"));
        QCOMPARE(r.status, 201);
        QJsonObject e = r.json();
        QCOMPARE(e.value("id").toString(), id);
        QCOMPARE(e.value("hours").toString(), QStringLiteral("7.50"));
        QCOMPARE(e.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(e.value("billable").toBool(), false); // the task's default
        QCOMPARE(e.value("project_name").toString(), QStringLiteral("Data lake"));
        QCOMPARE(e.value("task_name").toString(), QStringLiteral("Internal"));
        QCOMPARE(e.value("employee_id").toString(), QString::number(f.consultantEmployee));
        QCOMPARE(e.value("outside_assignment").toBool(), true); // no assignment
        QVERIFY(e.value("adjusts_id").isNull());
        QCOMPARE(e.value("version").toInt(), 1);

        // Edit with the version read (body or If-Match); a stale one is 412.
        QJsonObject body = TimeFixture::entryBody(project, build, TimeFixture::day(1), "8.25");
        body.insert("version", 1);
        body.insert("billable", false);
        r = TimeFixture::putEntry(*me, id, body);
        QCOMPARE(r.status, 200);
        e = r.json();
        QCOMPARE(e.value("version").toInt(), 2);
        QCOMPARE(e.value("hours").toString(), QStringLiteral("8.25"));
        QCOMPARE(e.value("work_date").toString(), TimeFixture::day(1));
        QCOMPARE(e.value("billable").toBool(), false); // explicit wins over the task's
        QCOMPARE(TimeFixture::putEntry(*me, id, body).status, 412);
        r = me->send("PUT", "/api/v1/time/entries/" + id,
                     QJsonDocument(TimeFixture::entryBody(project, build, TimeFixture::day(1), "8"))
                         .toJson(),
                     {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
        QCOMPARE(r.status, 412);
        // Creating again under the same id is stale too (sync shows it as a conflict).
        QCOMPARE(TimeFixture::putEntry(
                     *me, id, TimeFixture::entryBody(project, build, TimeFixture::day(1), "1"))
                     .status,
                 412);

        r = me->get("/api/v1/time/entries?from=" + TimeFixture::day(0) +
                    "&to=" + TimeFixture::day(6));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 1);
        QCOMPARE(me->get("/api/v1/time/entries?from=2026-01-01&to=2026-03-31").status, 422);
        QCOMPARE(me->get("/api/v1/time/entries?from=2026-01-01").status, 422);

        // Delete needs the version; the entry stays as deleted for sync.
        QCOMPARE(me->send("DELETE", "/api/v1/time/entries/" + id, {}).status, 422);
        QCOMPARE(me->send("DELETE", "/api/v1/time/entries/" + id + "?version=1", {}).status, 412);
        r = me->send("DELETE", "/api/v1/time/entries/" + id + "?version=2", {});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("time_entry", "draft", "delete",
                               r.json().value("status").toString());
        QCOMPARE(f.status(id), QStringLiteral("deleted"));
        QCOMPARE(me->send("DELETE", "/api/v1/time/entries/" + id + "?version=3", {}).status, 409);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'time_entry.%' AND "
                          "record_id = ?",
                          {id}),
                 3);
    }

    void hardAssignmentIsNotFlagged()
    {
        db::query(f.db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, ?, ?, 40, 'hard')",
                  {f.consultantEmployee, project, TimeFixture::day(0), TimeFixture::day(4)});
        auto me = f.client("consultant", "consultant password");
        QCOMPARE(TimeFixture::enter(*me, project, build, TimeFixture::day(2), "8")
                     .value("outside_assignment")
                     .toBool(),
                 false);
        QCOMPARE(TimeFixture::enter(*me, project, build, TimeFixture::day(7), "8")
                     .value("outside_assignment")
                     .toBool(),
                 true);
    }

    void rules()
    {
        auto me = f.client("consultant", "consultant password");
        const auto codes = [&](const QJsonObject &body) {
            const HttpResult r = TimeFixture::putEntry(*me, TimeFixture::newId(), body);
            if (r.status != 422)
                qWarning() << r.status << r.body;
            return r.status == 422 ? r.fieldCodes() : QString::number(r.status);
        };
        const QString d = TimeFixture::day(0);
        const qint64 closedProject = f.project(f.pmId, "Old", "closed");
        const qint64 other = f.project(f.pm2Id, "Other");
        const qint64 otherTask = f.task(other, "Elsewhere");
        const qint64 closedTask = f.task(project, "Done", true, "closed");

        QCOMPARE(codes(TimeFixture::entryBody(closedProject, 0, d, "1")),
                 QStringLiteral("project_id:closed"));
        QCOMPARE(codes(TimeFixture::entryBody(999999, 0, d, "1")),
                 QStringLiteral("project_id:unknown"));
        QCOMPARE(codes(TimeFixture::entryBody(project, closedTask, d, "1")),
                 QStringLiteral("task_id:closed"));
        QCOMPARE(codes(TimeFixture::entryBody(project, otherTask, d, "1")),
                 QStringLiteral("task_id:not_on_project"));
        QCOMPARE(codes(TimeFixture::entryBody(project, 999999, d, "1")),
                 QStringLiteral("task_id:unknown"));
        QCOMPARE(codes(TimeFixture::entryBody(project, build, d, "0")),
                 QStringLiteral("hours:invalid_value"));
        QCOMPARE(codes(TimeFixture::entryBody(project, build, d, "-1")),
                 QStringLiteral("hours:invalid_value"));
        QCOMPARE(codes(TimeFixture::entryBody(project, build, d, "1.255")),
                 QStringLiteral("hours:invalid_value"));
        QCOMPARE(codes(TimeFixture::entryBody(project, build, d, "24.01")),
                 QStringLiteral("hours:invalid_value"));
        QJsonObject number = TimeFixture::entryBody(project, build, d, "1");
        number.insert("hours", 7.5);
        QCOMPARE(codes(number), QStringLiteral("hours:invalid_type"));
        QCOMPARE(codes(TimeFixture::entryBody(project, build, "2026-02-30", "1")),
                 QStringLiteral("work_date:invalid_value"));

        // 14 days ahead is fine, 15 is not.
        const QDate today = QDate::currentDate();
        QCOMPARE(
            TimeFixture::putEntry(*me, TimeFixture::newId(),
                                  TimeFixture::entryBody(
                                      project, build, today.addDays(14).toString(Qt::ISODate), "1"))
                .status,
            201);
        QCOMPARE(codes(TimeFixture::entryBody(project, build,
                                              today.addDays(15).toString(Qt::ISODate), "1")),
                 QStringLiteral("work_date:too_far_ahead"));

        // 24 hours a day over all projects; a 25th is refused.
        QCOMPARE(TimeFixture::enter(*me, project, build, d, "16").value("status").toString(),
                 QStringLiteral("draft"));
        QCOMPARE(TimeFixture::enter(*me, other, otherTask, d, "7.75").value("status").toString(),
                 QStringLiteral("draft"));
        QCOMPARE(codes(TimeFixture::entryBody(project, build, d, "0.5")),
                 QStringLiteral("hours:day_over_24"));
        QCOMPARE(TimeFixture::enter(*me, project, build, d, "0.25").value("hours").toString(),
                 QStringLiteral("0.25"));

        // The client requires notes.
        db::query(f.db->sql(), "UPDATE accounts SET time_notes_required = true WHERE id = ?",
                  {f.accountId});
        QCOMPARE(codes(TimeFixture::entryBody(project, build, TimeFixture::day(1), "1", "  ")),
                 QStringLiteral("notes:required"));
        QCOMPARE(TimeFixture::enter(*me, project, build, TimeFixture::day(1), "1")
                     .value("notes")
                     .toString(),
                 QStringLiteral("work"));
    }

    void closedPeriodIs423()
    {
        const QDate first(TimeFixture::lastMonday().year(), TimeFixture::lastMonday().month(), 1);
        auto me = f.client("consultant", "consultant password");
        const QJsonObject e = TimeFixture::enter(*me, project, build, TimeFixture::day(0), "4");
        db::query(f.db->sql(),
                  "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, "
                  "status) VALUES ((SELECT id FROM legal_entities WHERE code = 'UK'), ?, ?, "
                  "'soft_closed')",
                  {first, first.addMonths(1).addDays(-1)});
        HttpResult r =
            TimeFixture::putEntry(*me, TimeFixture::newId(),
                                  TimeFixture::entryBody(project, build, TimeFixture::day(0), "1"));
        QCOMPARE(r.status, 423);
        QCOMPARE(r.fieldCodes(), QStringLiteral("work_date:period_closed"));
        QVERIFY(r.json().value("detail").toString().contains("soft-closed"));
        QJsonObject body = TimeFixture::entryBody(project, build, TimeFixture::day(0), "5");
        body.insert("version", 1);
        QCOMPARE(TimeFixture::putEntry(*me, e.value("id").toString(), body).status, 423);
        QCOMPARE(me->send("DELETE",
                          "/api/v1/time/entries/" + e.value("id").toString() + "?version=1", {})
                     .status,
                 423);
        QCOMPARE(f.status(e.value("id").toString()), QStringLiteral("draft"));
    }

    void whoseEntries()
    {
        // No employee record: 403 with a clear reason.
        f.server->createUser("noemp", "noemp password", {{"consultant", "UK"}});
        auto noemp = f.client("noemp", "noemp password");
        HttpResult r =
            TimeFixture::putEntry(*noemp, TimeFixture::newId(),
                                  TimeFixture::entryBody(project, build, TimeFixture::day(0), "1"));
        QCOMPARE(r.status, 403);
        QVERIFY(r.json().value("detail").toString().contains("employee record"));
        // Sales has no time.use at all.
        QCOMPARE(f.client("seller", "seller password")
                     ->get("/api/v1/time/entries?from=" + TimeFixture::day(0) +
                           "&to=" + TimeFixture::day(6))
                     .status,
                 403);

        auto me = f.client("consultant", "consultant password");
        const QJsonObject mine = TimeFixture::enter(*me, project, build, TimeFixture::day(0), "3");
        auto pm = f.client("pm", "pm password");
        const QString id = mine.value("id").toString();
        // Someone else's id: creating under it is a conflict, editing or deleting it is 404.
        QCOMPARE(TimeFixture::putEntry(
                     *pm, id, TimeFixture::entryBody(project, build, TimeFixture::day(0), "1"))
                     .status,
                 409);
        QJsonObject body = TimeFixture::entryBody(project, build, TimeFixture::day(0), "1");
        body.insert("version", 1);
        QCOMPARE(TimeFixture::putEntry(*pm, id, body).status, 404);
        QCOMPARE(pm->send("DELETE", "/api/v1/time/entries/" + id + "?version=1", {}).status, 404);
        QCOMPARE(TimeFixture::putEntry(*me, "not-a-uuid", body).status, 404);
        QCOMPARE(f.text("SELECT hours::text FROM time_entries WHERE id = ?::uuid", {id}),
                 QStringLiteral("3.00"));
    }
};

QTEST_MAIN(TimeEntriesTest)
#include "tst_time_entries.moc"
