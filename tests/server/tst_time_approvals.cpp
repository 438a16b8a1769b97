#include "http/http_types.h"
#include "timeexpense/time_entry_service.h"
#include "tst_time_fixture.h"

#include <QElapsedTimer>
#include <QNetworkReply>

using namespace keel;
using namespace keel::test;

// Week submission and the project managers' decisions: a week across three projects approved
// in three parts, per-line rejection, adjustments, concurrent deciders, cost and task actuals.
class TimeApprovalsTest : public QObject
{
    Q_OBJECT
    TimeFixture f;
    qint64 projectA = 0, projectB = 0, projectC = 0;
    qint64 taskA = 0, taskB = 0, taskC = 0;

    static QJsonArray lines(std::initializer_list<QJsonObject> entries)
    {
        QJsonArray a;
        for (const QJsonObject &e : entries)
            a.append(TimeFixture::line(e));
        return a;
    }
    // The entry as it is now (fresh version).
    QJsonObject reload(HttpClient &http, const QJsonObject &e)
    {
        const QString d = e.value("work_date").toString();
        const HttpResult r = http.get("/api/v1/time/entries?from=" + d + "&to=" + d);
        for (const QJsonValue v : r.json().value("items").toArray())
            if (v.toObject().value("id") == e.value("id"))
                return v.toObject();
        return {};
    }
    QJsonArray inbox(HttpClient &http, const QString &query = {})
    {
        const HttpResult r = http.get("/api/v1/time/approvals" + query);
        if (r.status != 200)
            qWarning() << r.status << r.body;
        return r.json().value("items").toArray();
    }
    QString task(qint64 id, const char *column)
    {
        return f.text(QStringLiteral("SELECT %1::text FROM project_tasks WHERE id = ?")
                          .arg(QString::fromLatin1(column)),
                      {id});
    }

private Q_SLOTS:
    void init()
    {
        f.setUpTime(QTest::currentTestFunction());
        projectA = f.project(f.pmId, "Alpha");
        projectB = f.project(f.pm2Id, "Beta");
        projectC = f.project(f.pm3Id, "Gamma");
        taskA = f.task(projectA, "Build A");
        taskB = f.task(projectB, "Build B");
        taskC = f.task(projectC, "Build C");
    }
    void cleanup() { f.tearDown(); }

    void weekOfThreeProjectsApprovedInThreeParts()
    {
        auto me = f.client("consultant", "consultant password");
        const QJsonObject a1 = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(0), "4");
        const QJsonObject b1 = TimeFixture::enter(*me, projectB, taskB, TimeFixture::day(0), "4");
        const QJsonObject c1 = TimeFixture::enter(*me, projectC, taskC, TimeFixture::day(1), "8");
        const QJsonObject a2 =
            TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(2), "7.25");
        const QJsonObject next = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(7), "1");

        HttpResult r = TimeFixture::submitWeek(*me, TimeFixture::lastMonday());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("hours").toString(), QStringLiteral("23.25"));
        QCOMPARE(r.json().value("submitted").toBool(), true);
        QCOMPARE(r.json().value("submitted_lines").toArray().size(), 4);
        QCOMPARE(r.json().value("statuses").toObject().value("submitted").toInt(), 4);
        KEEL_COVERS_TRANSITION("time_entry", "draft", "submit",
                               f.status(a1.value("id").toString()));
        QCOMPARE(f.status(next.value("id").toString()), QStringLiteral("draft")); // other week
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday().addDays(1)).status, 422);
        QCOMPARE(me->post("/api/v1/time/weeks/2026-02-30/submit", {}).status, 404);
        r = me->get("/api/v1/time/weeks?from=" + TimeFixture::day(0) +
                    "&to=" + TimeFixture::day(8));
        QCOMPARE(r.status, 200);
        const QJsonArray weeks = r.json().value("items").toArray();
        QCOMPARE(weeks.size(), 2);
        QCOMPARE(weeks[0].toObject().value("submitted").toBool(), true);
        QCOMPARE(weeks[1].toObject().value("submitted").toBool(), false);
        QCOMPARE(weeks[1].toObject().value("hours").toString(), QStringLiteral("1.00"));
        QCOMPARE(weeks[1].toObject().value("statuses").toObject().value("draft").toInt(), 1);
        QCOMPARE(f.text("SELECT submitted_hours::text FROM timesheet_weeks WHERE employee_id = ?",
                        {f.consultantEmployee}),
                 QStringLiteral("23.25"));

        // Submitted lines are not edited.
        QJsonObject body = TimeFixture::entryBody(projectA, taskA, TimeFixture::day(0), "5");
        body.insert("version", 2);
        QCOMPARE(TimeFixture::putEntry(*me, a1.value("id").toString(), body).status, 409);

        // Each PM sees the lines of their own project only.
        auto pm = f.client("pm", "pm password");
        auto pm2 = f.client("pm2", "pm2 password");
        auto pm3 = f.client("pm3", "pm3 password");
        const QJsonArray mine = inbox(*pm);
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine[0].toObject().value("employee_name").toString(),
                 QStringLiteral("consultant"));
        QCOMPARE(mine[0].toObject().value("week_start").toString(), TimeFixture::day(0));
        QCOMPARE(mine[1].toObject().value("hours").toString(), QStringLiteral("7.25"));
        QCOMPARE(inbox(*pm2).size(), 1);
        QCOMPARE(inbox(*pm3).size(), 1);
        QCOMPARE(inbox(*pm, "?project_id=" + QString::number(projectB)).size(), 0);
        QCOMPARE(inbox(*pm, "?week=" + TimeFixture::day(0) +
                                "&employee_id=" + QString::number(f.consultantEmployee))
                     .size(),
                 2);

        // Who may decide: not the consultant, not another project's manager.
        const QJsonObject sa1 = reload(*me, a1), sa2 = reload(*me, a2), sb1 = reload(*me, b1),
                          sc1 = reload(*me, c1);
        QCOMPARE(TimeFixture::decide(*me, "approve", lines({sa1})).status, 403);
        QCOMPARE(TimeFixture::decide(*pm, "approve", lines({sa1, sb1})).status, 403);
        QCOMPARE(TimeFixture::decide(*pm2, "approve", lines({sa1})).status, 403);
        QCOMPARE(f.status(a1.value("id").toString()), QStringLiteral("submitted"));

        r = TimeFixture::decide(*pm, "approve", lines({sa1, sa2}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("count").toInt(), 2);
        QCOMPARE(r.json().value("hours").toString(), QStringLiteral("11.25"));
        KEEL_COVERS_TRANSITION("time_entry", "submitted", "approve",
                               f.status(a2.value("id").toString()));
        QCOMPARE(TimeFixture::decide(*pm2, "approve", lines({sb1})).status, 200);
        QCOMPARE(TimeFixture::decide(*pm3, "approve", lines({sc1})).status, 200);
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries WHERE status = 'approved'"), 4);
        QCOMPARE(inbox(*pm).size(), 0);

        // Cost at 61.37 GBP/h, to the cent; the task's actuals follow.
        QCOMPARE(f.text("SELECT cost_amount::numeric(20,2)::text || ' ' || cost_currency || ' ' || "
                        "cost_rate::numeric(20,2)::text FROM time_entries WHERE id = ?::uuid",
                        {a2.value("id").toString()}),
                 QStringLiteral("444.93 GBP 61.37"));
        QCOMPARE(task(taskA, "actual_hours"), QStringLiteral("11.25"));
        QCOMPARE(task(taskA, "actual_cost::numeric(20,2)"), QStringLiteral("690.41"));
        QCOMPARE(task(taskC, "actual_cost::numeric(20,2)"), QStringLiteral("490.96"));
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'time_entry.approve'"), 3);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'timesheet_week.submit'"),
                 1);

        // Approved time is not edited or deleted.
        body.insert("version", reload(*me, a1).value("version").toInt());
        r = TimeFixture::putEntry(*me, a1.value("id").toString(), body);
        QCOMPARE(r.status, 409);
        QVERIFY(r.json().value("detail").toString().contains("adjustment"));
        QCOMPARE(me->send("DELETE",
                          "/api/v1/time/entries/" + a1.value("id").toString() +
                              "?version=" + QString::number(body.value("version").toInt()),
                          {})
                     .status,
                 409);
    }

    void rejectionPerLineBackToTheConsultant()
    {
        auto me = f.client("consultant", "consultant password");
        auto pm = f.client("pm", "pm password");
        const QJsonObject e1 = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(0), "3");
        const QJsonObject e2 = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(1), "5");
        const QJsonObject e3 = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(2), "6");
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        const QJsonObject s1 = reload(*me, e1), s2 = reload(*me, e2), s3 = reload(*me, e3);

        HttpResult r = TimeFixture::decide(*pm, "reject", lines({s1}));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("comment:required"));
        QCOMPARE(TimeFixture::decide(*pm, "approve", lines({e1})).status, 412); // draft version
        QCOMPARE(TimeFixture::decide(*pm, "maybe", lines({s1})).fieldCodes(),
                 QStringLiteral("decision:invalid_value"));
        QCOMPARE(f.client("pm", "pm password")
                     ->post("/api/v1/time/approvals",
                            {{"decision", "approve"},
                             {"lines", QJsonArray{QJsonObject{{"id", "nope"}, {"version", 1}}}}})
                     .fieldCodes(),
                 QStringLiteral("lines/0/id:invalid_value"));
        QCOMPARE(TimeFixture::decide(
                     *pm, "approve",
                     QJsonArray{QJsonObject{{"id", TimeFixture::newId()}, {"version", 1}}})
                     .status,
                 404);

        r = TimeFixture::decide(*pm, "reject", lines({s1, s2, s3}), "Client code is wrong");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("lines").toArray()[0].toObject().value("status").toString(),
                 QStringLiteral("rejected"));
        const QJsonObject r1 = reload(*me, e1);
        KEEL_COVERS_TRANSITION("time_entry", "submitted", "reject", r1.value("status").toString());
        QCOMPARE(r1.value("rejection_reason").toString(), QStringLiteral("Client code is wrong"));

        // Fix one (back to draft), delete one, stand by the third.
        QJsonObject body = TimeFixture::entryBody(projectB, taskB, TimeFixture::day(0), "3");
        body.insert("version", r1.value("version").toInt());
        r = TimeFixture::putEntry(*me, e1.value("id").toString(), body);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("time_entry", "rejected", "edit",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("project_name").toString(), QStringLiteral("Beta"));
        const QJsonObject r2 = reload(*me, e2);
        r = me->send("DELETE",
                     "/api/v1/time/entries/" + e2.value("id").toString() +
                         "?version=" + QString::number(r2.value("version").toInt()),
                     {});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("time_entry", "rejected", "delete",
                               r.json().value("status").toString());
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        KEEL_COVERS_TRANSITION("time_entry", "rejected", "submit",
                               f.status(e3.value("id").toString()));
        QCOMPARE(f.status(e1.value("id").toString()), QStringLiteral("submitted"));
        // The fixed line now waits for Beta's manager.
        QCOMPARE(inbox(*pm).size(), 1);
        QCOMPARE(inbox(*f.client("pm2", "pm2 password")).size(), 1);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'time_entry.reject'"), 1);
        QCOMPARE(f.text("SELECT actual_hours::text FROM project_tasks WHERE id = ?", {taskA}),
                 QStringLiteral("0.00"));
    }

    void adjustmentGoesThroughApprovalAgain()
    {
        auto me = f.client("consultant", "consultant password");
        auto pm = f.client("pm", "pm password");
        const QJsonObject e = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(3), "8");
        const QString id = e.value("id").toString();
        const QString adjId = TimeFixture::newId();
        QCOMPARE(me->post("/api/v1/time/entries/" + id + "/adjust",
                          {{"id", adjId}, {"hours", "-1.5"}, {"notes", "half a day less"}})
                     .status,
                 409); // a draft is edited, not adjusted
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        QCOMPARE(TimeFixture::decide(*pm, "approve", lines({reload(*me, e)})).status, 200);

        HttpResult r = me->post("/api/v1/time/entries/" + id + "/adjust",
                                {{"id", adjId}, {"hours", "-1.5"}, {"notes", "half a day less"}});
        QCOMPARE(r.status, 201);
        QJsonObject adj = r.json();
        QCOMPARE(adj.value("adjusts_id").toString(), id);
        QCOMPARE(adj.value("hours").toString(), QStringLiteral("-1.50"));
        QCOMPARE(adj.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(adj.value("work_date").toString(), TimeFixture::day(3));
        QCOMPARE(adj.value("task_id").toString(), QString::number(taskA));
        // A retry returns the same adjustment; going below zero is refused.
        QCOMPARE(
            me->post("/api/v1/time/entries/" + id + "/adjust", {{"id", adjId}, {"hours", "-1.5"}})
                .json()
                .value("version")
                .toInt(),
            1);
        r = me->post("/api/v1/time/entries/" + id + "/adjust",
                     {{"id", TimeFixture::newId()}, {"hours", "-7"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("hours:below_zero"));
        QCOMPARE(me->post("/api/v1/time/entries/" + id + "/adjust",
                          {{"id", TimeFixture::newId()}, {"hours", "0"}})
                     .fieldCodes(),
                 QStringLiteral("hours:invalid_value"));
        // The draft adjustment can be edited (hours only; it stays on the original's day).
        QJsonObject body = TimeFixture::entryBody(projectB, taskB, TimeFixture::day(0), "-1.25");
        body.insert("version", 1);
        r = TimeFixture::putEntry(*me, adjId, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("hours").toString(), QStringLiteral("-1.25"));
        QCOMPARE(r.json().value("project_id").toString(), QString::number(projectA));

        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        const QJsonArray pending = inbox(*pm);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending[0].toObject().value("adjusts_id").toString(), id);
        QCOMPARE(TimeFixture::decide(*pm, "approve",
                                     QJsonArray{TimeFixture::line(pending[0].toObject())})
                     .status,
                 200);
        // 8 × 61.37 = 490.96; −1.25 × 61.37 = −76.7125 → −76.71.
        QCOMPARE(task(taskA, "actual_hours"), QStringLiteral("6.75"));
        QCOMPARE(task(taskA, "actual_cost::numeric(20,2)"), QStringLiteral("414.25"));
        QCOMPARE(f.text("SELECT cost_amount::numeric(20,2)::text FROM time_entries WHERE id = "
                        "?::uuid",
                        {adjId}),
                 QStringLiteral("-76.71"));
    }

    void invoicedByBilling()
    {
        auto me = f.client("consultant", "consultant password");
        const QJsonObject e = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(0), "2");
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        QCOMPARE(
            TimeFixture::decide(*f.client("pm", "pm password"), "approve", lines({reload(*me, e)}))
                .status,
            200);
        const QUuid id = QUuid::fromString(e.value("id").toString());
        TimeEntryService service(f.db->config());
        Request billing;
        billing.principal = Principal{};
        billing.principal->user.id = f.pmId;
        billing.principal->user.username = QStringLiteral("billing-run");
        const QUuid draft = QUuid::createUuid();
        QVERIFY_THROWS_EXCEPTION(ApiError, service.markInvoiced(billing, {id, draft}, 1));
        QCOMPARE(f.status(e.value("id").toString()), QStringLiteral("approved"));
        service.markInvoiced(billing, {id}, 42);
        KEEL_COVERS_TRANSITION("time_entry", "approved", "invoice",
                               f.status(e.value("id").toString()));
        QCOMPARE(f.scalar("SELECT invoice_id FROM time_entries WHERE id = ?::uuid",
                          {e.value("id").toString()}),
                 42);
        // Invoiced time is corrected by adjustment too.
        QCOMPARE(me->post("/api/v1/time/entries/" + e.value("id").toString() + "/adjust",
                          {{"id", TimeFixture::newId()}, {"hours", "0.5"}})
                     .status,
                 201);
    }

    void managersOwnTimeGoesToTheirLineManager()
    {
        // pm2 is pm's line manager.
        db::query(f.db->sql(),
                  "UPDATE employees SET manager_id = (SELECT id FROM employees WHERE user_id = ?) "
                  "WHERE user_id = ?",
                  {f.pm2Id, f.pmId});
        auto pm = f.client("pm", "pm password");
        const QJsonObject e = TimeFixture::enter(*pm, projectA, taskA, TimeFixture::day(0), "6");
        QCOMPARE(TimeFixture::submitWeek(*pm, TimeFixture::lastMonday()).status, 200);
        QCOMPARE(inbox(*pm).size(), 0);
        const QJsonObject s = reload(*pm, e);
        QCOMPARE(TimeFixture::decide(*pm, "approve", lines({s})).status, 403);
        auto pm2 = f.client("pm2", "pm2 password");
        QCOMPARE(inbox(*pm2).size(), 1);
        QCOMPARE(TimeFixture::decide(*pm2, "approve", lines({s})).status, 200);
        QCOMPARE(task(taskA, "actual_cost::numeric(20,2)"), QStringLiteral("480.00"));
    }

    void linesThatCannotBeCosted()
    {
        auto me = f.client("consultant", "consultant password");
        auto pm = f.client("pm", "pm password");
        const qint64 euro = f.scalar(
            "INSERT INTO projects (legal_entity_id, account_id, project_manager_id, name, "
            "currency, start_date, end_date, status) VALUES ((SELECT id FROM legal_entities WHERE "
            "code = 'UK'), ?, ?, 'Euro', 'EUR', '2026-01-01', '2027-12-31', 'active') RETURNING id",
            {f.accountId, f.pmId});
        const qint64 euroTask = f.task(euro, "Build E");
        const QJsonObject e = TimeFixture::enter(*me, euro, euroTask, TimeFixture::day(0), "3");
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        HttpResult r = TimeFixture::decide(*pm, "approve", lines({reload(*me, e)}));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("lines:no_fx_rate"));
        db::query(f.db->sql(),
                  "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) VALUES "
                  "('GBP', 'EUR', '2020-01-01', 1.1612)",
                  {});
        r = TimeFixture::decide(*pm, "approve", lines({reload(*me, e)}));
        QCOMPARE(r.status, 200);
        // 3 × 61.37 = 184.11 GBP → × 1.1612 = 213.788532 → 213.79 EUR.
        QCOMPARE(task(euroTask, "actual_cost::numeric(20,2)"), QStringLiteral("213.79"));
        QCOMPARE(f.text("SELECT cost_amount::numeric(20,2)::text || cost_currency FROM "
                        "time_entries WHERE id = ?::uuid",
                        {e.value("id").toString()}),
                 QStringLiteral("184.11GBP"));

        // Someone without a cost rate.
        db::query(f.db->sql(), "DELETE FROM employee_cost_rates WHERE employee_id = ?",
                  {f.consultantEmployee});
        const QJsonObject e2 = TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(1), "1");
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        r = TimeFixture::decide(*pm, "approve", lines({reload(*me, e2)}));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("lines:no_cost_rate"));
        QCOMPARE(f.status(e2.value("id").toString()), QStringLiteral("submitted"));
    }

    void twoApproversAtOnceOneGets409()
    {
        auto me = f.client("consultant", "consultant password");
        QJsonArray batch;
        for (int d = 0; d < 5; ++d)
            for (int i = 0; i < 4; ++i)
                TimeFixture::enter(*me, projectA, taskA, TimeFixture::day(d), "1.5");
        QCOMPARE(TimeFixture::submitWeek(*me, TimeFixture::lastMonday()).status, 200);
        for (const QJsonValue v : inbox(*f.client("pm", "pm password")))
            batch.append(TimeFixture::line(v.toObject()));
        QCOMPARE(batch.size(), 20);

        // Two sessions of the project's manager send the same decision at the same moment:
        // both requests are in flight together, each on its own connection.
        QByteArray tokens[2];
        for (QByteArray &t : tokens)
            t = HttpClient(f.server->baseUrl())
                    .login("pm", "pm password")
                    .json()
                    .value("access_token")
                    .toString()
                    .toLatin1();
        const QByteArray body =
            QJsonDocument(QJsonObject{{"decision", "approve"}, {"lines", batch}}).toJson();
        QNetworkAccessManager nam[2];
        QNetworkReply *replies[2];
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest request(f.server->baseUrl().resolved(QUrl("/api/v1/time/approvals")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + tokens[i]);
            replies[i] = nam[i].post(request, body);
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies[0]->isFinished() && replies[1]->isFinished(), 60000);
        int status[2];
        for (int i = 0; i < 2; ++i) {
            status[i] = replies[i]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            replies[i]->deleteLater();
        }
        QCOMPARE(QList<int>({std::min(status[0], status[1]), std::max(status[0], status[1])}),
                 QList<int>({200, 409}));
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries WHERE status = 'approved'"), 20);
        QCOMPARE(task(taskA, "actual_hours"), QStringLiteral("30.00"));
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'time_entry.approve'"), 1);
    }

    void bulkApprovalIsOneSetBasedDecision()
    {
        // 5,000 submitted lines of 25 people over 40 days, written straight into the table.
        QList<qint64> people;
        for (int i = 0; i < 25; ++i) {
            const qint64 u = f.server->createUser(QStringLiteral("c%1").arg(i), "c password",
                                                  {{"consultant", "UK"}});
            people << f.employee(u, "50.01");
        }
        QStringList ids;
        for (qint64 p : people)
            ids << QString::number(p);
        db::query(f.db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "task_id, work_date, hours, billable, status, submitted_at) "
                  "SELECT gen_random_uuid(), e, (SELECT legal_entity_id FROM projects WHERE id = "
                  "?), ?, ?, ?::date - d, 1.25, true, 'submitted', now() "
                  "FROM unnest(?::bigint[]) e, generate_series(1, 40) d, generate_series(1, 5) n",
                  {projectA, projectA, taskA, TimeFixture::day(0), "{" + ids.join(',') + "}"});
        auto pm = f.client("pm", "pm password");
        QElapsedTimer timer;
        HttpResult r;
        for (int run = 0; run < 3; ++run) { // the first pays for preparing the statement
            timer.start();
            r = pm->get("/api/v1/time/approvals?limit=2000");
            qInfo() << "inbox of 2000 lines:" << timer.elapsed() << "ms";
        }
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 2000);
        // Keyset pages cover every line once; the cursor is sent percent-encoded ("%2F"), as
        // QUrlQuery-based clients send it.
        QSet<QString> seen;
        QJsonArray batch;
        QString after;
        for (int page = 0; page < 20; ++page) {
            r = pm->get("/api/v1/time/approvals?limit=1500" +
                        (after.isEmpty()
                             ? QString()
                             : "&after=" + QString::fromLatin1(QUrl::toPercentEncoding(after))));
            for (const QJsonValue v : r.json().value("items").toArray()) {
                seen.insert(v.toObject().value("id").toString());
                batch.append(TimeFixture::line(v.toObject()));
            }
            after = r.json().value("next_after").toString();
            if (after.isEmpty())
                break;
        }
        QCOMPARE(seen.size(), 5000);
        QCOMPARE(batch.size(), 5000);
        QCOMPARE(pm->get("/api/v1/time/approvals?limit=2001").status, 422);
        QCOMPARE(pm->get("/api/v1/time/approvals?after=junk").status, 422);

        timer.restart();
        r = TimeFixture::decide(*pm, "approve", batch);
        qInfo() << "approve 5000 lines:" << timer.elapsed() << "ms";
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("count").toInt(), 5000);
        QCOMPARE(r.json().value("hours").toString(), QStringLiteral("6250.00"));
        // 1.25 × 50.01 = 62.5125 → 62.51 per line.
        QCOMPARE(task(taskA, "actual_hours"), QStringLiteral("6250.00"));
        QCOMPARE(task(taskA, "actual_cost::numeric(20,2)"), QStringLiteral("312550.00"));
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'time_entry.approve'"), 1);
    }
};

QTEST_MAIN(TimeApprovalsTest)
#include "tst_time_approvals.moc"
