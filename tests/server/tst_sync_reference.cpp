#include "tst_sync_fixture.h"

using namespace keel;
using namespace keel::test;

// GET /sync/reference: what a consultant needs to book time and expenses offline, and nothing
// of projects they have no business with.
class SyncReferenceTest : public QObject
{
    Q_OBJECT
    SyncFixture f;

    static QJsonObject byId(const QJsonArray &rows, qint64 id)
    {
        for (const QJsonValue &v : rows)
            if (v.toObject().value("id").toString() == QString::number(id))
                return v.toObject();
        return {};
    }

    void assign(qint64 projectId, int fromDays, int toDays, const char *kind = "hard")
    {
        db::query(f.db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind, probability) VALUES (?, ?, current_date + ?::integer, "
                  "current_date + ?::integer, 20, ?, 100)",
                  {f.consultantEmployee, projectId, fromDays, toDays, QString::fromLatin1(kind)});
    }

private Q_SLOTS:
    void init() { f.setUpSync(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void projectsTasksAssignmentsAndCategories()
    {
        db::query(f.db->sql(), "UPDATE accounts SET time_notes_required = true WHERE id = ?",
                  {f.accountId});
        db::query(f.db->sql(), "UPDATE employees SET weekly_capacity_hours = 37.5 WHERE id = ?",
                  {f.consultantEmployee});
        const qint64 closedTask = f.task(f.project, "Discovery", false, "closed");
        assign(f.project, -30, 30);
        // Booked on last month, no assignment: still needed (corrections, the week's view).
        const qint64 booked = f.TimeFixture::project(f.pm2Id, "Support");
        db::query(f.db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable) SELECT gen_random_uuid(), ?, id, ?, current_date "
                  "- 40, 2, true FROM legal_entities WHERE code = 'UK'",
                  {f.consultantEmployee, booked});
        // Not the consultant's: starts in three months, ended long ago, soft booking, someone
        // else's time only.
        const qint64 later = f.TimeFixture::project(f.pmId, "Later");
        assign(later, 90, 120);
        const qint64 old = f.TimeFixture::project(f.pmId, "Old");
        assign(old, -200, -70);
        const qint64 soft = f.TimeFixture::project(f.pmId, "Maybe");
        assign(soft, 0, 30, "soft");
        const qint64 others = f.TimeFixture::project(f.pmId, "Others");
        db::query(f.db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable) SELECT gen_random_uuid(), e.id, e.legal_entity_id, "
                  "?, current_date, 2, true FROM employees e WHERE e.user_id = ?",
                  {others, f.pmId});
        const qint64 category = f.scalar(
            "INSERT INTO expense_categories (legal_entity_id, code, name) SELECT id, 'TRAIN', "
            "'Train' FROM legal_entities WHERE code = 'UK' RETURNING id");
        f.scalar("INSERT INTO expense_categories (legal_entity_id, code, name) SELECT id, "
                 "'TRAIN', 'Zug' FROM legal_entities WHERE code = 'DE' RETURNING id");

        auto me = f.client("consultant", "consultant password");
        const HttpResult r = me->get("/api/v1/sync/reference");
        QCOMPARE(r.status, 200);
        const QJsonObject ref = r.json();
        QCOMPARE(ref.value("today").toString(), QDate::currentDate().toString(Qt::ISODate));
        const QJsonObject employee = ref.value("employee").toObject();
        QCOMPARE(employee.value("id").toString(), QString::number(f.consultantEmployee));
        QCOMPARE(employee.value("weekly_capacity_hours").toString(), QStringLiteral("37.50"));

        const QJsonArray projects = ref.value("projects").toArray();
        QCOMPARE(projects.size(), 2);
        const QJsonObject lake = byId(projects, f.project);
        QCOMPARE(lake.value("name").toString(), QStringLiteral("Data lake"));
        QCOMPARE(lake.value("account_name").toString(), QStringLiteral("Acme Ltd"));
        QCOMPARE(lake.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(lake.value("notes_required").toBool(), true);
        QVERIFY(!byId(projects, booked).isEmpty());

        const QJsonArray tasks = ref.value("tasks").toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(byId(tasks, f.taskId).value("billable").toBool(), true);
        QCOMPARE(byId(tasks, f.taskId).value("project_id").toString(), QString::number(f.project));
        QCOMPARE(byId(tasks, closedTask).value("status").toString(), QStringLiteral("closed"));
        QCOMPARE(byId(tasks, closedTask).value("billable").toBool(), false);

        const QJsonArray assignments = ref.value("assignments").toArray();
        QCOMPARE(assignments.size(), 1);
        QCOMPARE(assignments.at(0).toObject().value("project_id").toString(),
                 QString::number(f.project));
        QCOMPARE(assignments.at(0).toObject().value("hours_per_week").toString(),
                 QStringLiteral("20.00"));

        const QJsonArray categories = ref.value("expense_categories").toArray();
        QCOMPARE(categories.size(), 1);
        QCOMPARE(categories.at(0).toObject().value("id").toString(), QString::number(category));

        auto seller = f.client("seller", "seller password");
        QCOMPARE(seller->get("/api/v1/sync/reference").status, 403);
    }
};

QTEST_GUILESS_MAIN(SyncReferenceTest)
#include "tst_sync_reference.moc"
