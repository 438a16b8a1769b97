#include "tst_delivery_fixture.h"

using namespace keel;
using namespace keel::test;

class DeliveryProjectsTest : public QObject
{
    Q_OBJECT
    DeliveryFixture f;

    static QJsonObject byKey(const QJsonArray &items, const QString &key, const QString &value)
    {
        for (const QJsonValue &v : items)
            if (v.toObject().value(key).toString() == value)
                return v.toObject();
        return {};
    }

    static HttpResult move(HttpClient &http, const QJsonObject &project, const char *action,
                           int version)
    {
        return http.post(DeliveryFixture::path(project, "/transition"),
                         {{"action", action}, {"version", version}});
    }

private Q_SLOTS:
    void init() { f.setUpDelivery(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void projectFromAnOfferingGetsItsTemplate()
    {
        const qint64 offering = f.offering(); // ANALYST 30 h, CONSULTANT 100 h
        db::query(f.db->sql(),
                  "INSERT INTO offering_milestones (offering_id, seq, name, value_pct, "
                  "week_offset) VALUES (?, 1, 'Landing zone ready', 40, 3)",
                  {offering});
        db::query(f.db->sql(),
                  "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, "
                  "hourly_rate, valid_from) VALUES ((SELECT id FROM legal_entities WHERE code = "
                  "'UK'), 'GBP', ?, 95.555, '2026-01-01')",
                  {f.roleId("CONSULTANT")});
        auto pm = f.client("pm", "pm password");
        const HttpResult r =
            pm->post("/api/v1/delivery/projects", {{"legal_entity", "UK"},
                                                   {"account_id", QString::number(f.accountId)},
                                                   {"name", "Acme lift and shift"},
                                                   {"practice", "CLOUD"},
                                                   {"offering_id", QString::number(offering)},
                                                   {"start_date", "2026-03-02"},
                                                   {"end_date", "2026-05-22"}});
        QCOMPARE(r.status, 201);
        const QJsonObject p = r.json();
        QCOMPARE(p.value("status").toString(), QStringLiteral("planned"));
        QCOMPARE(p.value("project_manager_id").toString(), QString::number(f.pmId));
        QCOMPARE(p.value("currency").toString(), QStringLiteral("GBP"));
        QCOMPARE(p.value("practice").toString(), QStringLiteral("CLOUD"));
        QVERIFY(p.value("contract_id").isNull());
        QCOMPARE(p.value("phases").toArray().size(), 1);
        QCOMPARE(p.value("phases").toArray()[0].toObject().value("name").toString(),
                 QStringLiteral("Lift and shift"));
        const QJsonArray tasks = p.value("tasks").toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(byKey(tasks, "name", "Consultant").value("budget_hours").toString(),
                 QStringLiteral("100"));
        QCOMPARE(byKey(tasks, "name", "Analyst").value("budget_hours").toString(),
                 QStringLiteral("30"));
        const QJsonArray ms = p.value("milestones").toArray();
        QCOMPARE(ms.size(), 1);
        QCOMPARE(ms[0].toObject().value("planned_date").toString(), QStringLiteral("2026-03-23"));
        // Budget version 1 by role: CONSULTANT at the standard cost 52.25, ANALYST without one.
        const QJsonObject budget = p.value("budget").toObject();
        QCOMPARE(budget.value("budget_version").toInt(), 1);
        const QJsonArray lines = budget.value("lines").toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(byKey(lines, "job_role", "CONSULTANT")
                     .value("cost")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("5225.00"));
        // Revenue at the standard rate card: 100 h × 95.555 = 9,555.50.
        QCOMPARE(byKey(lines, "job_role", "CONSULTANT")
                     .value("revenue")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("9555.50"));
        QCOMPARE(byKey(lines, "job_role", "ANALYST").value("hours").toString(),
                 QStringLiteral("30"));
        QCOMPARE(byKey(lines, "job_role", "ANALYST")
                     .value("revenue")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("0.00"));
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'project.create'"), 1);
    }

    void blankProjectAndBadInput()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        QCOMPARE(p.value("tasks").toArray().size(), 0);
        QCOMPARE(p.value("budget").toObject().value("budget_version").toInt(), 1);
        QCOMPARE(p.value("budget").toObject().value("lines").toArray().size(), 0);

        QJsonObject bad{{"legal_entity", "UK"},
                        {"account_id", "999999"},
                        {"name", "x"},
                        {"start_date", "2026-02-01"},
                        {"end_date", "2026-01-01"}};
        HttpResult r = pm->post("/api/v1/delivery/projects", bad);
        QCOMPARE(r.status, 422);
        QVERIFY(r.fieldCodes().contains("account_id:unknown"));
        QVERIFY(r.fieldCodes().contains("end_date:before_start"));
        // A project manager creates projects they manage, not someone else's.
        r = pm->post("/api/v1/delivery/projects", {{"legal_entity", "UK"},
                                                   {"account_id", QString::number(f.accountId)},
                                                   {"name", "For pm2"},
                                                   {"project_manager_id", QString::number(f.pm2Id)},
                                                   {"start_date", "2026-01-05"},
                                                   {"end_date", "2026-02-05"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("project_manager_id:not_allowed"));
        // The executive may name the project manager.
        auto exec = f.client("exec", "exec password");
        r = exec->post("/api/v1/delivery/projects",
                       {{"legal_entity", "UK"},
                        {"account_id", QString::number(f.accountId)},
                        {"name", "For pm2"},
                        {"project_manager_id", QString::number(f.pm2Id)},
                        {"start_date", "2026-01-05"},
                        {"end_date", "2026-02-05"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("project_manager_id").toString(), QString::number(f.pm2Id));
        // Consultants have no delivery permission.
        QCOMPARE(f.client("consultant", "consultant password")
                     ->post("/api/v1/delivery/projects", bad)
                     .status,
                 403);
        QCOMPARE(f.scalar("SELECT count(*) FROM projects"), 2);

        // A retried creation with the same Idempotency-Key returns the first project.
        const QByteArray body =
            QJsonDocument(QJsonObject{{"legal_entity", "UK"},
                                      {"account_id", QString::number(f.accountId)},
                                      {"name", "Retried"},
                                      {"start_date", "2026-01-05"},
                                      {"end_date", "2026-02-05"}})
                .toJson(QJsonDocument::Compact);
        const QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"},
                                                           {"Idempotency-Key", "create-retried-1"}};
        const HttpResult first = pm->send("POST", "/api/v1/delivery/projects", body, headers);
        const HttpResult again = pm->send("POST", "/api/v1/delivery/projects", body, headers);
        QCOMPARE(first.status, 201);
        QCOMPARE(again.json().value("id").toString(), first.json().value("id").toString());
        QCOMPARE(f.scalar("SELECT count(*) FROM projects WHERE name = 'Retried'"), 1);
    }

    void projectLifecycle()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = move(*pm, p, "activate", 1);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("project", "planned", "activate",
                               r.json().value("status").toString());
        QCOMPARE(move(*pm, p, "hold", 1).status, 412); // stale version
        r = move(*pm, p, "hold", 2);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("project", "active", "hold", r.json().value("status").toString());
        r = move(*pm, p, "resume", 3);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("project", "on_hold", "resume", r.json().value("status").toString());
        r = move(*pm, p, "close", 4);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("project", "active", "close", r.json().value("status").toString());
        QCOMPARE(move(*pm, p, "activate", 5).status, 409); // closed is final
        QCOMPARE(move(*pm, p, "explode", 5).status, 422);

        const QJsonObject q = f.blankProject(*pm, "Second");
        QCOMPARE(move(*pm, q, "hold", 1).status, 409); // planned cannot be put on hold
        QCOMPARE(move(*pm, q, "activate", 1).status, 200);
        QCOMPARE(move(*pm, q, "hold", 2).status, 200);
        r = move(*pm, q, "close", 3);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("project", "on_hold", "close", r.json().value("status").toString());
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'project.%'"), 2 + 7);
    }

    void headerUpdatesCheckVersionAndOwnership()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = DeliveryFixture::put(
            *pm, DeliveryFixture::path(p),
            {{"name", "Data lake phase 1"}, {"end_date", "2026-07-31"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("name").toString(), QStringLiteral("Data lake phase 1"));
        QCOMPARE(r.json().value("end_date").toString(), QStringLiteral("2026-07-31"));
        QCOMPARE(r.json().value("version").toInt(), 2);
        // Stale.
        QCOMPARE(
            DeliveryFixture::put(*pm, DeliveryFixture::path(p), {{"name", "x"}, {"version", 1}})
                .status,
            412);
        // Bad dates.
        r = DeliveryFixture::put(*pm, DeliveryFixture::path(p),
                                 {{"end_date", "2025-01-01"}, {"version", 2}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("end_date:before_start"));

        // Another project manager reads it but changes nothing on it.
        auto pm2 = f.client("pm2", "pm2 password");
        QCOMPARE(pm2->get(DeliveryFixture::path(p)).status, 200);
        QCOMPARE(
            DeliveryFixture::put(*pm2, DeliveryFixture::path(p), {{"name", "Mine"}, {"version", 2}})
                .status,
            403);
        QCOMPARE(move(*pm2, p, "activate", 2).status, 403);
        QCOMPARE(pm2->post(DeliveryFixture::path(p, "/tasks"),
                           {{"name", "Sneaky"}, {"budget_hours", "1"}})
                     .status,
                 403);
        QCOMPARE(pm2->post(DeliveryFixture::path(p, "/status-reports"),
                           {{"period", "2026-01"}, {"rag", "red"}, {"narrative", "x"}})
                     .status,
                 403);
        // Finance of another entity does not see it at all.
        QCOMPARE(
            f.client("de.fin", "fin password")->get(DeliveryFixture::path(p, "/estimate")).status,
            404);
        // The executive of the entity may change it.
        auto exec = f.client("exec", "exec password");
        QCOMPARE(move(*exec, p, "activate", 2).status, 200);
        QCOMPARE(f.text("SELECT name FROM projects WHERE id = ?", {p.value("id").toString()}),
                 QStringLiteral("Data lake phase 1"));
    }

    void myProjectsAndWhoReads()
    {
        auto pm = f.client("pm", "pm password");
        auto pm2 = f.client("pm2", "pm2 password");
        const QJsonObject mine = f.blankProject(*pm, "Mine");
        const QJsonObject theirs = f.blankProject(*pm2, "Theirs");
        HttpResult r = pm->get("/api/v1/delivery/projects?project_manager_id=me");
        QCOMPARE(r.status, 200);
        QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value("id").toString(), mine.value("id").toString());
        r = pm->get("/api/v1/delivery/projects?project_manager_id=" + QString::number(f.pm2Id));
        items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value("id").toString(), theirs.value("id").toString());
        QCOMPARE(pm->get("/api/v1/delivery/projects").json().value("items").toArray().size(), 2);
        QCOMPARE(pm->get("/api/v1/delivery/projects?project_manager_id=x").status, 422);
        // Finance of the entity reads projects (milestones to accept); of another entity not.
        auto fin = f.client("fin", "fin password");
        QCOMPARE(fin->get(DeliveryFixture::path(mine)).status, 200);
        QCOMPARE(fin->get("/api/v1/delivery/projects").json().value("items").toArray().size(), 2);
        auto deFin = f.client("de.fin", "fin password");
        QCOMPARE(deFin->get(DeliveryFixture::path(mine)).status, 404);
        QCOMPARE(deFin->get("/api/v1/delivery/projects").json().value("items").toArray().size(), 0);
        // Finance changes nothing on the project itself.
        QCOMPARE(
            DeliveryFixture::put(*fin, DeliveryFixture::path(mine), {{"name", "x"}, {"version", 1}})
                .status,
            403);
    }

    void phasesAndTasks()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = pm->post(
            DeliveryFixture::path(p, "/phases"),
            {{"name", "Discovery"}, {"start_date", "2026-01-05"}, {"end_date", "2026-02-27"}});
        QCOMPARE(r.status, 201);
        const QString phaseId = r.json().value("id").toString();
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("open"));
        r = pm->post(DeliveryFixture::path(p, "/tasks"),
                     {{"name", "Interviews"},
                      {"phase_id", phaseId},
                      {"job_role_id", QString::number(f.roleId("CONSULTANT"))},
                      {"budget_hours", "12.5"},
                      {"billable", false}});
        QCOMPARE(r.status, 201);
        const QJsonObject task = r.json();
        QCOMPARE(task.value("budget_hours").toString(), QStringLiteral("12.5"));
        QCOMPARE(task.value("billable").toBool(), false);
        QCOMPARE(task.value("status").toString(), QStringLiteral("open"));
        // Three decimals, negative hours, unknown phase: 422 with the fields.
        r = pm->post(DeliveryFixture::path(p, "/tasks"),
                     {{"name", "Bad"}, {"budget_hours", "1.234"}, {"phase_id", "999999"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("budget_hours:invalid_value,phase_id:unknown"));
        QCOMPARE(
            pm->post(DeliveryFixture::path(p, "/tasks"), {{"name", "Bad"}, {"budget_hours", "-1"}})
                .status,
            422);

        const QString taskPath = "/api/v1/delivery/tasks/" + task.value("id").toString();
        r = DeliveryFixture::put(*pm, taskPath, {{"budget_hours", "16"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("budget_hours").toString(), QStringLiteral("16"));
        QCOMPARE(DeliveryFixture::put(*pm, taskPath, {{"status", "closed"}, {"version", 1}}).status,
                 412);
        r = DeliveryFixture::put(*pm, taskPath, {{"status", "closed"}, {"version", 2}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("closed"));
        // Closing a phase; a closed phase takes no new task.
        r = DeliveryFixture::put(*pm, "/api/v1/delivery/phases/" + phaseId,
                                 {{"status", "closed"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        r = pm->post(DeliveryFixture::path(p, "/tasks"),
                     {{"name", "Late"}, {"budget_hours", "1"}, {"phase_id", phaseId}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("phase_id:closed"));
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE split_part(action, '.', 1) IN "
                          "('project_phase', 'project_task')"),
                 5);
    }

    void estimateAtCompletionToTheCent()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString a = pm->post(DeliveryFixture::path(p, "/tasks"),
                                   {{"name", "Build"}, {"budget_hours", "100"}})
                              .json()
                              .value("id")
                              .toString();
        const QString b =
            pm->post(DeliveryFixture::path(p, "/tasks"), {{"name", "Test"}, {"budget_hours", "20"}})
                .json()
                .value("id")
                .toString();
        // Actuals arrive from approved time later (time issue); set them as it will.
        db::query(f.db->sql(),
                  "UPDATE project_tasks SET actual_hours = 40, actual_cost = 2000 WHERE id = ?",
                  {a});
        db::query(f.db->sql(),
                  "UPDATE project_tasks SET actual_hours = 15, actual_cost = 1125 WHERE id = ?",
                  {b});
        HttpResult r = DeliveryFixture::put(
            *pm, "/api/v1/delivery/tasks/" + a,
            {{"etc_hours", "70"}, {"etc_cost", ContractFixture::money("3657.50")}, {"version", 1}});
        QCOMPARE(r.status, 200);
        r = DeliveryFixture::put(
            *pm, "/api/v1/delivery/tasks/" + b,
            {{"etc_hours", "5"}, {"etc_cost", ContractFixture::money("400.00")}, {"version", 1}});
        QCOMPARE(r.status, 200);
        // Wrong currency for the estimate.
        r = DeliveryFixture::put(
            *pm, "/api/v1/delivery/tasks/" + b,
            {{"etc_cost", ContractFixture::money("1.00", "EUR")}, {"version", 2}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("etc_cost:currency_mismatch"));

        // Finance of the entity reads it too.
        r = f.client("fin", "fin password")->get(DeliveryFixture::path(p, "/estimate"));
        QCOMPARE(r.status, 200);
        const QJsonArray tasks = r.json().value("tasks").toArray();
        QCOMPARE(tasks.size(), 2);
        const QJsonObject ta = tasks[0].toObject();
        QCOMPARE(ta.value("eac_hours").toString(), QStringLiteral("110"));
        QCOMPARE(ta.value("eac_cost").toObject().value("amount").toString(),
                 QStringLiteral("5657.50"));
        QCOMPARE(ta.value("percent_complete_effort").toString(), QStringLiteral("36.36")); // 40/110
        QCOMPARE(ta.value("percent_complete_cost").toString(),
                 QStringLiteral("35.35")); // 2000/5657.50
        const QJsonObject tb = tasks[1].toObject();
        QCOMPARE(tb.value("percent_complete_effort").toString(), QStringLiteral("75"));
        QCOMPARE(tb.value("percent_complete_cost").toString(),
                 QStringLiteral("73.77")); // 1125/1525
        const QJsonObject t = r.json().value("totals").toObject();
        QCOMPARE(t.value("actual_hours").toString(), QStringLiteral("55"));
        QCOMPARE(t.value("etc_hours").toString(), QStringLiteral("75"));
        QCOMPARE(t.value("eac_hours").toString(), QStringLiteral("130"));
        QCOMPARE(t.value("actual_cost").toObject().value("amount").toString(),
                 QStringLiteral("3125.00"));
        QCOMPARE(t.value("eac_cost").toObject().value("amount").toString(),
                 QStringLiteral("7182.50"));
        QCOMPARE(t.value("percent_complete_effort").toString(), QStringLiteral("42.31")); // 55/130
        QCOMPARE(t.value("percent_complete_cost").toString(),
                 QStringLiteral("43.51")); // 3125/7182.50
        QCOMPARE(t.value("budget_hours").toString(), QStringLiteral("120"));

        // Closing a task drops its estimate to complete: EAC = actuals.
        r = DeliveryFixture::put(*pm, "/api/v1/delivery/tasks/" + b,
                                 {{"status", "closed"}, {"version", 2}});
        QCOMPARE(r.status, 200);
        r = pm->get(DeliveryFixture::path(p, "/estimate"));
        QCOMPARE(r.json()
                     .value("tasks")
                     .toArray()[1]
                     .toObject()
                     .value("percent_complete_effort")
                     .toString(),
                 QStringLiteral("100"));
    }

    void statusReportsOnePerPeriod()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QDate today = QDate::currentDate();
        const QString current = today.toString("yyyy-MM");
        const QString previous = today.addMonths(-1).toString("yyyy-MM");
        HttpResult r =
            pm->post(DeliveryFixture::path(p, "/status-reports"),
                     {{"period", current}, {"rag", "amber"}, {"narrative", "Late data"}});
        QCOMPARE(r.status, 201);
        const QJsonObject report = r.json();
        QCOMPARE(report.value("rag").toString(), QStringLiteral("amber"));
        // A second one for the same period: 409, nothing written.
        QCOMPARE(pm->post(DeliveryFixture::path(p, "/status-reports"),
                          {{"period", current}, {"rag", "green"}, {"narrative", "Again"}})
                     .status,
                 409);
        r = pm->post(DeliveryFixture::path(p, "/status-reports"),
                     {{"period", "2026-13"}, {"rag", "blue"}, {"narrative", "x"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("period:invalid_value,rag:invalid_value"));
        // Editable while its period runs; stale version 412.
        const QString reportPath =
            "/api/v1/delivery/status-reports/" + report.value("id").toString();
        r = DeliveryFixture::put(*pm, reportPath, {{"rag", "green"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("rag").toString(), QStringLiteral("green"));
        QCOMPARE(DeliveryFixture::put(*pm, reportPath, {{"rag", "red"}, {"version", 1}}).status,
                 412);
        // A report of a finished period is final.
        r = pm->post(DeliveryFixture::path(p, "/status-reports"),
                     {{"period", previous}, {"rag", "red"}, {"narrative", "Blocked"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(DeliveryFixture::put(
                     *pm, "/api/v1/delivery/status-reports/" + r.json().value("id").toString(),
                     {{"rag", "green"}, {"version", 1}})
                     .status,
                 409);
        r = pm->get(DeliveryFixture::path(p, "/status-reports"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 2);
        QCOMPARE(f.scalar("SELECT count(*) FROM project_status_reports"), 2);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'status_report.%'"), 3);
    }
};

QTEST_MAIN(DeliveryProjectsTest)
#include "tst_delivery_projects.moc"
