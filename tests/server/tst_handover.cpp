#include "tst_contracts_fixture.h"

using namespace keel;
using namespace keel::test;

class HandoverTest : public QObject
{
    Q_OBJECT
    ContractFixture f;

    static QJsonObject byKey(const QJsonArray &items, const QString &key, const QString &value)
    {
        for (const QJsonValue &v : items)
            if (v.toObject().value(key).toString() == value)
                return v.toObject();
        return {};
    }

    QJsonObject projectOf(HttpClient &http, const QString &contractId)
    {
        const QJsonArray items = http.get("/api/v1/delivery/projects?contract_id=" + contractId)
                                     .json()
                                     .value("items")
                                     .toArray();
        if (items.size() != 1)
            return {};
        return http.get("/api/v1/delivery/projects/" + items[0].toObject().value("id").toString())
            .json();
    }

    QString signedDirectContract(HttpClient &http)
    {
        const qint64 acc = f.account("UK", "Beta plc", "GBP");
        const QString id = http.post("/api/v1/crm/contracts", f.directContract("UK", acc, "GBP"))
                               .json()
                               .value("id")
                               .toString();
        const HttpResult s = ContractFixture::sign(http, id, 1);
        if (s.status != 200)
            qWarning() << s.body;
        return id;
    }

private Q_SLOTS:
    void init() { f.setUp(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void handoverMatchesTheQuoteToTheCent()
    {
        auto http = f.client("seller", "seller password");
        const qint64 pmId = f.scalar("SELECT id FROM users WHERE username = 'pm'");
        const qint64 offering = f.offering();
        f.scalar(QStringLiteral("INSERT INTO offering_milestones (offering_id, seq, name, "
                                "value_pct, week_offset) VALUES (?, 1, 'Landing zone ready', "
                                "40, 3), (?, 2, 'Cut-over', 60, 20) RETURNING id"),
                 {offering, offering});
        const qint64 q = f.quote("accepted", offering);
        const HttpResult created =
            http->post(QStringLiteral("/api/v1/crm/quotes/%1/contract").arg(q),
                       {{"start_date", "2026-03-02"},
                        {"end_date", "2026-05-24"},
                        {"project_manager_id", QString::number(pmId)}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value("id").toString();
        const HttpResult s = ContractFixture::sign(*http, id, 1);
        QCOMPARE(s.status, 200);
        const QString number = s.json().value("number").toString();

        auto pm = f.client("pm", "pm password");
        const QJsonObject p = projectOf(*pm, id);
        QCOMPARE(p.value("status").toString(), QStringLiteral("planned"));
        QCOMPARE(p.value("contract_id").toString(), id);
        QCOMPARE(p.value("project_manager_id").toString(), QString::number(pmId));
        QCOMPARE(p.value("legal_entity").toString(), QStringLiteral("UK"));
        QCOMPARE(p.value("start_date").toString(), QStringLiteral("2026-03-02"));

        // Budget baseline version 1 by role: hours, cost at standard cost, revenue as quoted.
        const QJsonObject budget = p.value("budget").toObject();
        QCOMPARE(budget.value("budget_version").toInt(), 1);
        const QJsonArray lines = budget.value("lines").toArray();
        QCOMPARE(lines.size(), 3);
        const auto check = [&](const char *role, const char *hours, const char *cost,
                               const char *revenue) {
            const QJsonObject l = byKey(lines, "job_role", role);
            QCOMPARE(l.value("hours").toString(), QString::fromLatin1(hours));
            QCOMPARE(l.value("cost").toObject().value("amount").toString(),
                     QString::fromLatin1(cost));
            QCOMPARE(l.value("revenue").toObject().value("amount").toString(),
                     QString::fromLatin1(revenue));
            QCOMPARE(l.value("revenue").toObject().value("currency").toString(),
                     QStringLiteral("GBP"));
        };
        check("CONSULTANT", "120", "6270.00", "11460.00");
        check("ARCHITECT", "40.5", "3244.05", "6105.38");
        check("MANAGER", "16", "1120.00", "2080.00");

        // Phase and tasks from the offering template: sold hours win, template-only roles added.
        QCOMPARE(p.value("phases").toArray().size(), 1);
        QCOMPARE(p.value("phases").toArray()[0].toObject().value("name").toString(),
                 QStringLiteral("Lift and shift"));
        const QJsonArray tasks = p.value("tasks").toArray();
        QCOMPARE(tasks.size(), 4);
        QCOMPARE(byKey(tasks, "name", "Consultant").value("budget_hours").toString(),
                 QStringLiteral("120"));
        QCOMPARE(byKey(tasks, "name", "Analyst").value("budget_hours").toString(),
                 QStringLiteral("30"));

        // Resource requests per role over the 12 weeks, with the opportunity's skills.
        const QJsonArray requests = p.value("resource_requests").toArray();
        QCOMPARE(requests.size(), 4);
        QCOMPARE(byKey(requests, "job_role", "CONSULTANT").value("hours_per_week").toString(),
                 QStringLiteral("10"));
        QCOMPARE(byKey(requests, "job_role", "ARCHITECT").value("hours_per_week").toString(),
                 QStringLiteral("3.38"));
        QCOMPARE(byKey(requests, "job_role", "ANALYST").value("hours_per_week").toString(),
                 QStringLiteral("2.5"));
        QCOMPARE(byKey(requests, "job_role", "MANAGER").value("end_date").toString(),
                 QStringLiteral("2026-05-24"));
        QCOMPARE(byKey(requests, "job_role", "MANAGER").value("skills").toArray(),
                 (QJsonArray{"aws", "terraform"}));

        // One billing rule per contract line.
        const QJsonArray rules = p.value("billing_rules").toArray();
        QCOMPARE(rules.size(), 4);
        QCOMPARE(byKey(rules, "reference", number + "/4").value("billing_model").toString(),
                 QStringLiteral("fixed_fee"));
        QCOMPARE(byKey(rules, "reference", number + "/2")
                     .value("value")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("6105.38"));

        // The contract bills no milestones: the offering's standard ones are planned, without
        // an amount, the second capped at the project's end.
        const QJsonArray milestones = p.value("milestones").toArray();
        QCOMPARE(milestones.size(), 2);
        QCOMPARE(milestones[0].toObject().value("name").toString(),
                 QStringLiteral("Landing zone ready"));
        QCOMPARE(milestones[0].toObject().value("planned_date").toString(),
                 QStringLiteral("2026-03-23"));
        QCOMPARE(milestones[1].toObject().value("planned_date").toString(),
                 QStringLiteral("2026-05-24"));
        QCOMPARE(milestones[1].toObject().value("amount").toObject().value("amount").toString(),
                 QStringLiteral("0.00"));

        // Audited in the signing transaction.
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'project.handover'"), 1);
    }

    void milestonesComeFromMilestoneLines()
    {
        auto http = f.client("seller", "seller password");
        const QString id = signedDirectContract(*http);
        // The seller reads the project created from their contract; a consultant may not.
        const QJsonObject p = projectOf(*http, id);
        const QJsonArray ms = p.value("milestones").toArray();
        QCOMPARE(ms.size(), 3);
        QCOMPARE(ms[0].toObject().value("name").toString(), QStringLiteral("Design signed off"));
        QCOMPARE(ms[1].toObject().value("amount").toObject().value("amount").toString(),
                 QStringLiteral("15000.50"));
        QCOMPARE(ms[2].toObject().value("amount").toObject().value("amount").toString(),
                 QStringLiteral("7499.50"));
        QCOMPARE(ms[1].toObject().value("planned_date").toString(), QStringLiteral("2026-04-30"));
        for (const QJsonValue &m : ms)
            QCOMPARE(m.toObject().value("state").toString(), QStringLiteral("pending"));
        QCOMPARE(p.value("billing_rules").toArray().size(), 2);
        QCOMPARE(
            f.client("consultant", "consultant password")->get("/api/v1/delivery/projects").status,
            403);
    }

    void doubleHandoverReturnsTheSameProject()
    {
        auto http = f.client("seller", "seller password");
        const QString id = signedDirectContract(*http);
        const qint64 projectId = f.scalar("SELECT id FROM projects WHERE contract_id = ?", {id});
        QVERIFY(projectId > 0);
        auto pm = f.client("pm", "pm password");
        for (int i = 0; i < 2; ++i) {
            const HttpResult again = pm->post("/api/v1/delivery/handover/" + id, {});
            QCOMPARE(again.status, 200);
            QCOMPARE(again.json().value("created").toBool(), false);
            QCOMPARE(again.json().value("project").toObject().value("id").toString(),
                     QString::number(projectId));
        }
        QCOMPARE(f.scalar("SELECT count(*) FROM projects"), 1);
        QCOMPARE(f.scalar("SELECT count(*) FROM project_milestones"), 3);

        // A draft contract is not handed over.
        const qint64 acc = f.account("UK", "Gamma", "GBP");
        const QString draft =
            http->post("/api/v1/crm/contracts", f.directContract("UK", acc, "GBP"))
                .json()
                .value("id")
                .toString();
        QCOMPARE(pm->post("/api/v1/delivery/handover/" + draft, {}).status, 409);
        QCOMPARE(pm->post("/api/v1/delivery/handover/987654", {}).status, 404);
    }

    void failureInsideHandoverRollsBackTheSignature()
    {
        db::exec(f.db->sql(), "CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS "
                              "$$ BEGIN RAISE EXCEPTION 'injected handover failure'; END $$");
        db::exec(f.db->sql(), "CREATE TRIGGER test_fail BEFORE INSERT ON project_milestones "
                              "FOR EACH STATEMENT EXECUTE FUNCTION test_fail()");
        auto http = f.client("seller", "seller password");
        const qint64 acc = f.account("UK", "Delta", "GBP");
        const QString id = http->post("/api/v1/crm/contracts", f.directContract("UK", acc, "GBP"))
                               .json()
                               .value("id")
                               .toString();
        QCOMPARE(ContractFixture::sign(*http, id, 1).status, 500);
        QCOMPARE(f.text("SELECT status FROM contracts WHERE id = ?", {id}),
                 QStringLiteral("draft"));
        QCOMPARE(f.scalar("SELECT count(*) FROM contracts WHERE number IS NOT NULL"), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM contract_versions"), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM projects"), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'contract.sign'"), 0);

        // Once the fault is gone, the first number is still free.
        db::exec(f.db->sql(), "DROP TRIGGER test_fail ON project_milestones");
        const HttpResult s = ContractFixture::sign(*http, id, 1);
        QCOMPARE(s.status, 200);
        QVERIFY(s.json().value("number").toString().endsWith("-0001"));
        QCOMPARE(f.scalar("SELECT count(*) FROM projects"), 1);
    }
};

QTEST_GUILESS_MAIN(HandoverTest)
#include "tst_handover.moc"
