#include "tst_delivery_fixture.h"

using namespace keel;
using namespace keel::test;

class ChangeRequestsTest : public QObject
{
    Q_OBJECT
    DeliveryFixture f;

    QJsonObject line(const char *hours, const char *value, const char *currency = "GBP")
    {
        return {{"job_role_id", QString::number(f.roleId("CONSULTANT"))},
                {"delta_hours", hours},
                {"delta_value", ContractFixture::money(value, currency)}};
    }

    HttpResult submit(HttpClient &pm, const QJsonObject &project, const QJsonArray &lines,
                      const QJsonObject &extra = {})
    {
        QJsonObject body{{"reason", "Extra data sources"}, {"lines", lines}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return pm.post(DeliveryFixture::path(project, "/change-requests"), body);
    }

    // The roles of the approval chain, in order.
    static QStringList chain(HttpClient &http, const QString &crId)
    {
        QStringList roles;
        const QJsonArray steps = http.get("/api/v1/delivery/change-requests/" + crId)
                                     .json()
                                     .value("approval")
                                     .toObject()
                                     .value("steps")
                                     .toArray();
        for (const QJsonValue &s : steps)
            roles.append(s.toObject().value("role").toString());
        return roles;
    }

    static QString approvalOf(HttpClient &http, const QString &crId)
    {
        return http.get("/api/v1/delivery/change-requests/" + crId)
            .json()
            .value("approval_request_id")
            .toString();
    }

    static HttpResult approve(HttpClient &http, const QString &approvalId)
    {
        return http.post("/api/v1/approvals/" + approvalId + "/approve", {{"comment", "ok"}});
    }

    // A signed UK contract worth 31,200.00 GBP (DATA, managed by pm); returns {contract id,
    // project JSON with "id"} of the project the handover created.
    QPair<QString, QJsonObject> signedContractProject()
    {
        auto seller = f.client("seller", "seller password");
        QJsonObject body = f.directContract("UK", f.accountId, "GBP");
        body.insert("practice", "DATA");
        body.insert("project_manager_id", QString::number(f.pmId));
        const HttpResult c = seller->post("/api/v1/crm/contracts", body);
        if (c.status != 201)
            qWarning() << c.body;
        const QString id = c.json().value("id").toString();
        const HttpResult s = ContractFixture::sign(*seller, id, 1);
        if (s.status != 200)
            qWarning() << s.body;
        const qint64 project = f.scalar("SELECT id FROM projects WHERE contract_id = ?", {id});
        return {id, QJsonObject{{"id", QString::number(project)}}};
    }

private Q_SLOTS:
    void init()
    {
        f.setUpDelivery(QTest::currentTestFunction());
        // Both project managers are of DATA, the practice of the test projects.
        db::exec(f.db->sql(),
                 "UPDATE users SET practice_id = (SELECT id FROM practices WHERE code = 'DATA') "
                 "WHERE username IN ('pm', 'pm2')");
    }
    void cleanup() { f.tearDown(); }

    void ownChangeRequestCannotBeApproved()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const HttpResult r = submit(*pm, p, {line("40", "4000.00")});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("submitted"));
        const QString approval = r.json().value("approval_request_id").toString();
        QVERIFY(!approval.isEmpty());
        // pm holds project_manager for every entity, yet may not approve their own request.
        QCOMPARE(approve(*pm, approval).status, 403);
        // Finance is not the step's role.
        QCOMPARE(approve(*f.client("fin", "fin password"), approval).status, 403);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("submitted"));
        QCOMPARE(f.scalar("SELECT count(*) FROM project_budget_versions"), 1);
    }

    void underTenThousandNeedsAnotherProjectManager()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = submit(*pm, p, {line("40", "9999.99")}, {{"new_end_date", "2026-07-31"}});
        QCOMPARE(r.status, 201);
        const QString cr = r.json().value("id").toString();
        QCOMPARE(r.json().value("delta_value").toObject().value("amount").toString(),
                 QStringLiteral("9999.99"));
        QCOMPARE(chain(*pm, cr), QStringList{"project_manager"});
        auto pm2 = f.client("pm2", "pm2 password");
        QCOMPARE(approve(*pm2, approvalOf(*pm, cr)).status, 200);
        r = pm->get("/api/v1/delivery/change-requests/" + cr);
        KEEL_COVERS_TRANSITION("change_request", "submitted", "approve",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("budget_version").toInt(), 2);

        // Budget version 2 = version 1 (empty) + 40 h CONSULTANT at 52.25 = 2,090.00 cost,
        // 9,999.99 revenue; version 1 kept. The project ends on the new date.
        r = pm->get(DeliveryFixture::path(p, "/budget-versions"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("current_version").toInt(), 2);
        const QJsonArray versions = r.json().value("items").toArray();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions[0].toObject().value("lines").toArray().size(), 0);
        const QJsonObject l = versions[1].toObject().value("lines").toArray()[0].toObject();
        QCOMPARE(l.value("hours").toString(), QStringLiteral("40"));
        QCOMPARE(l.value("cost").toObject().value("amount").toString(), QStringLiteral("2090.00"));
        QCOMPARE(l.value("revenue").toObject().value("amount").toString(),
                 QStringLiteral("9999.99"));
        QCOMPARE(versions[1].toObject().value("change_request_id").toString(), cr);
        const QJsonObject project = pm->get(DeliveryFixture::path(p)).json();
        QCOMPARE(project.value("end_date").toString(), QStringLiteral("2026-07-31"));
        QCOMPARE(project.value("budget").toObject().value("budget_version").toInt(), 2);
        QCOMPARE(project.value("approved_change_value").toObject().value("amount").toString(),
                 QStringLiteral("9999.99"));
        QCOMPARE(f.text("SELECT approved_change_value::text FROM projects"),
                 QStringLiteral("9999.9900"));

        // A second change (−10 h, −2,500.00) builds version 3 on version 2, keeping both.
        r = submit(*pm, p, {line("-10", "-2500.00")});
        QCOMPARE(r.status, 201);
        const QString cr2 = r.json().value("id").toString();
        QCOMPARE(approve(*pm2, approvalOf(*pm, cr2)).status, 200);
        const QJsonArray all =
            pm->get(DeliveryFixture::path(p, "/budget-versions")).json().value("items").toArray();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[1].toObject().value("lines").toArray()[0].toObject().value("hours").toString(),
                 QStringLiteral("40"));
        const QJsonObject l3 = all[2].toObject().value("lines").toArray()[0].toObject();
        QCOMPARE(l3.value("hours").toString(), QStringLiteral("30"));
        QCOMPARE(l3.value("cost").toObject().value("amount").toString(), QStringLiteral("1567.50"));
        QCOMPARE(l3.value("revenue").toObject().value("amount").toString(),
                 QStringLiteral("7499.99"));
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = "
                          "'change_request.approve'"),
                 2);
    }

    void tenThousandAddsFinance()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        // Two lines summing to exactly 10,000.00.
        HttpResult r = submit(*pm, p, {line("40", "6000.00"), line("20", "4000.00")});
        QCOMPARE(r.status, 201);
        const QString cr = r.json().value("id").toString();
        QCOMPARE(chain(*pm, cr), (QStringList{"project_manager", "finance"}));
        const QString approval = approvalOf(*pm, cr);
        QCOMPARE(approve(*f.client("pm2", "pm2 password"), approval).status, 200);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("submitted"));
        QCOMPARE(f.scalar("SELECT count(*) FROM project_budget_versions"), 1);
        QCOMPARE(approve(*f.client("fin", "fin password"), approval).status, 200);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("approved"));
        QCOMPARE(f.scalar("SELECT count(*) FROM project_budget_versions"), 2);

        // A reduction of 10,000.00 is as large a change.
        r = submit(*pm, p, {line("-60", "-10000.00")});
        QCOMPARE(r.status, 201);
        QCOMPARE(chain(*pm, r.json().value("id").toString()),
                 (QStringList{"project_manager", "finance"}));
    }

    void fiftyThousandAddsExecutive()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = submit(*pm, p, {line("200", "50000.00")});
        QCOMPARE(r.status, 201);
        const QString cr = r.json().value("id").toString();
        QCOMPARE(chain(*pm, cr), (QStringList{"project_manager", "finance", "executive"}));
        const QString approval = approvalOf(*pm, cr);
        QCOMPARE(approve(*f.client("pm2", "pm2 password"), approval).status, 200);
        QCOMPARE(approve(*f.client("fin", "fin password"), approval).status, 200);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("submitted"));
        QCOMPARE(approve(*f.client("exec", "exec password"), approval).status, 200);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("approved"));
        // 49,999.99 stays with project manager and finance.
        r = submit(*pm, p, {line("1", "49999.99")});
        QCOMPARE(chain(*pm, r.json().value("id").toString()),
                 (QStringList{"project_manager", "finance"}));
    }

    void rejectionKeepsTheBudget()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString cr = submit(*pm, p, {line("8", "1000.00")}).json().value("id").toString();
        const HttpResult r = f.client("pm2", "pm2 password")
                                 ->post("/api/v1/approvals/" + approvalOf(*pm, cr) + "/reject",
                                        {{"comment", "Out of scope for this phase"}});
        QCOMPARE(r.status, 200);
        const QJsonObject got = pm->get("/api/v1/delivery/change-requests/" + cr).json();
        KEEL_COVERS_TRANSITION("change_request", "submitted", "reject",
                               got.value("status").toString());
        QCOMPARE(got.value("decision_comment").toString(),
                 QStringLiteral("Out of scope for this phase"));
        QCOMPARE(f.scalar("SELECT count(*) FROM project_budget_versions"), 1);
        QCOMPARE(f.text("SELECT approved_change_value::text FROM projects"),
                 QStringLiteral("0.0000"));
    }

    void listsAndVisibility()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString phase = pm->post(DeliveryFixture::path(p, "/phases"), {{"name", "Build"}})
                                  .json()
                                  .value("id")
                                  .toString();
        QJsonObject phased = line("12", "1500.00");
        phased.insert("phase_id", phase);
        const QString first = submit(*pm, p, {phased}).json().value("id").toString();
        QCOMPARE(approve(*f.client("pm2", "pm2 password"), approvalOf(*pm, first)).status, 200);
        submit(*pm, p, {line("4", "500.00")});
        HttpResult r = pm->get(DeliveryFixture::path(p, "/change-requests?limit=1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 1);
        QCOMPARE(r.json().value("items").toArray()[0].toObject().value("status").toString(),
                 QStringLiteral("approved"));
        r = pm->get(DeliveryFixture::path(p, "/change-requests?limit=1&after=") +
                    r.json().value("next_after").toString());
        QCOMPARE(r.json().value("items").toArray().size(), 1);
        QCOMPARE(r.json().value("items").toArray()[0].toObject().value("status").toString(),
                 QStringLiteral("submitted"));
        // The budget line of the approved request sits in its phase.
        const QJsonObject v2 = pm->get(DeliveryFixture::path(p, "/budget-versions?after=1"))
                                   .json()
                                   .value("items")
                                   .toArray()[0]
                                   .toObject();
        QCOMPARE(v2.value("budget_version").toInt(), 2);
        QCOMPARE(v2.value("lines").toArray()[0].toObject().value("phase_id").toString(), phase);
        QCOMPARE(v2.value("lines").toArray()[0].toObject().value("hours").toString(),
                 QStringLiteral("12"));
        // Finance of the entity reads change requests; of another entity not.
        QCOMPARE(f.client("fin", "fin password")
                     ->get("/api/v1/delivery/change-requests/" + first)
                     .status,
                 200);
        QCOMPARE(f.client("de.fin", "fin password")
                     ->get("/api/v1/delivery/change-requests/" + first)
                     .status,
                 404);
        QCOMPARE(f.client("consultant", "consultant password")
                     ->get(DeliveryFixture::path(p, "/change-requests"))
                     .status,
                 404);
    }

    void badChangeRequests()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = submit(*pm, p, {});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("lines:required"));
        r = submit(*pm, p, {line("1.234", "10.00"), line("1", "10.00", "EUR")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("lines/0/delta_hours:invalid_value,"
                                                "lines/1/delta_value:currency_mismatch"));
        // The budget has no CONSULTANT hours to take away.
        r = submit(*pm, p, {line("-5", "0.00")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("lines/0/delta_hours:below_zero"));
        r = submit(*pm, p, {line("5", "100.00")}, {{"new_end_date", "2025-12-31"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("new_end_date:before_start"));
        // Another project manager may not submit on this project.
        QCOMPARE(submit(*f.client("pm2", "pm2 password"), p, {line("5", "100.00")}).status, 403);
        QCOMPARE(f.scalar("SELECT count(*) FROM project_change_requests"), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM approval_requests"), 0);
    }

    void approvalAmendsTheContract()
    {
        const auto [contract, p] = signedContractProject();
        QVERIFY(p.value("id").toString() != QStringLiteral("0"));
        auto pm = f.client("pm", "pm password");
        auto seller = f.client("seller", "seller password");
        const QString contractPath = "/api/v1/crm/contracts/" + contract;
        QCOMPARE(seller->get(contractPath)
                     .json()
                     .value("total_value")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("31200.00"));
        HttpResult r = submit(*pm, p, {line("40", "4000.50")});
        QCOMPARE(r.status, 201);
        const QString cr = r.json().value("id").toString();
        QCOMPARE(approve(*f.client("pm2", "pm2 password"), approvalOf(*pm, cr)).status, 200);

        // Value rose by exactly the delta, as contract version 2; version 1 keeps the old value.
        const QJsonObject c = seller->get(contractPath).json();
        QCOMPARE(c.value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("35200.50"));
        QCOMPARE(c.value("contract_version").toInt(), 2);
        QCOMPARE(c.value("status").toString(), QStringLiteral("amended"));
        const QJsonArray lines = c.value("lines").toArray();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[2].toObject().value("billing_model").toString(),
                 QStringLiteral("fixed_fee"));
        QCOMPARE(lines[2].toObject().value("value").toObject().value("amount").toString(),
                 QStringLiteral("4000.50"));
        QCOMPARE(lines[2].toObject().value("description").toString(),
                 QStringLiteral("Change request %1: Extra data sources").arg(cr));
        r = seller->get(contractPath + "/versions/1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("31200.00"));
        r = seller->get(contractPath + "/versions/2");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("35200.50"));
        // One budget version from the change request, not a second one from the contract.
        QCOMPARE(f.scalar("SELECT count(*) FROM project_budget_versions WHERE project_id = ?",
                          {p.value("id").toString()}),
                 2);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'contract.amend'"), 1);

        // A reduction lowers the value (version 3) without touching the lines.
        r = submit(*pm, p, {line("-10", "-1000.25")});
        QCOMPARE(r.status, 201);
        QCOMPARE(approve(*f.client("pm2", "pm2 password"),
                         approvalOf(*pm, r.json().value("id").toString()))
                     .status,
                 200);
        const QJsonObject c3 = seller->get(contractPath).json();
        QCOMPARE(c3.value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("34200.25"));
        QCOMPARE(c3.value("contract_version").toInt(), 3);
        // It came off the change request's line, so the lines still add up to the contract and
        // the line's schedule to the line.
        QCOMPARE(c3.value("lines")
                     .toArray()[2]
                     .toObject()
                     .value("value")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("3000.25"));
        QCOMPARE(f.text("SELECT (sum(value) = (SELECT total_value FROM contracts WHERE id = ?))"
                        "::text FROM contract_lines WHERE contract_id = ?",
                        {contract, contract}),
                 QStringLiteral("true"));
        QCOMPARE(f.scalar("SELECT count(*) FROM contract_lines l WHERE billing_model = "
                          "'fixed_fee' AND value <> (SELECT sum(amount) FROM contract_line_items "
                          "i WHERE i.line_id = l.id)"),
                 0);
        QCOMPARE(seller->get(contractPath + "/versions/2")
                     .json()
                     .value("total_value")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QStringLiteral("35200.50"));
    }

    void rejectionLeavesTheContract()
    {
        const auto [contract, p] = signedContractProject();
        auto pm = f.client("pm", "pm password");
        const QString cr = submit(*pm, p, {line("8", "1000.00")}).json().value("id").toString();
        QCOMPARE(f.client("pm2", "pm2 password")
                     ->post("/api/v1/approvals/" + approvalOf(*pm, cr) + "/reject",
                            {{"comment", "Not now"}})
                     .status,
                 200);
        QCOMPARE(f.text("SELECT total_value::text FROM contracts WHERE id = ?", {contract}),
                 QStringLiteral("31200.0000"));
        QCOMPARE(f.scalar("SELECT contract_version FROM contracts WHERE id = ?", {contract}), 1);
        QCOMPARE(f.scalar("SELECT count(*) FROM contract_versions"), 1);
    }

    void projectWithoutContractApproves()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString cr = submit(*pm, p, {line("8", "1000.00")}).json().value("id").toString();
        QCOMPARE(approve(*f.client("pm2", "pm2 password"), approvalOf(*pm, cr)).status, 200);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("approved"));
        QCOMPARE(f.scalar("SELECT count(*) FROM contract_versions"), 0);
    }

    void approverMustBeOfTheSamePractice()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm); // practice DATA
        f.server->createUser("cloud.pm", "cloud password", {{"project_manager", "UK"}});
        db::exec(f.db->sql(),
                 "UPDATE users SET practice_id = (SELECT id FROM practices WHERE code = 'CLOUD') "
                 "WHERE username = 'cloud.pm'");
        const QString cr = submit(*pm, p, {line("8", "1000.00")}).json().value("id").toString();
        const QString approval = approvalOf(*pm, cr);
        auto cloud = f.client("cloud.pm", "cloud password");
        auto pm2 = f.client("pm2", "pm2 password");
        // Not in the other practice's inbox, and not decidable by them.
        const auto inboxIds = [](HttpClient &c) {
            QStringList ids;
            for (const QJsonValue &v :
                 c.get("/api/v1/approvals/inbox").json().value("items").toArray())
                ids.append(v.toObject().value("id").toString());
            return ids;
        };
        QVERIFY(!inboxIds(*cloud).contains(approval));
        QCOMPARE(cloud->get("/api/v1/approvals/inbox/count").json().value("count").toInt(), 0);
        HttpResult r = approve(*cloud, approval);
        QCOMPARE(r.status, 403);
        QVERIFY(r.json().value("detail").toString().contains(QStringLiteral("practice DATA")));
        QCOMPARE(
            cloud->post("/api/v1/approvals/" + approval + "/reject", {{"comment", "no"}}).status,
            403);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("submitted"));
        // A project manager without a practice may not either.
        db::exec(f.db->sql(), "UPDATE users SET practice_id = NULL WHERE username = 'cloud.pm'");
        QCOMPARE(approve(*cloud, approval).status, 403);
        // The project manager of DATA sees and approves it.
        QVERIFY(inboxIds(*pm2).contains(approval));
        QCOMPARE(approve(*pm2, approval).status, 200);
        QCOMPARE(f.text("SELECT status FROM project_change_requests"), QStringLiteral("approved"));
        // The policy row says so.
        QCOMPARE(f.text("SELECT string_agg(same_practice::text, ',' ORDER BY priority) FROM "
                        "approval_policies WHERE document_type = 'change_request'"),
                 QStringLiteral("true,false,false"));
    }
};

QTEST_MAIN(ChangeRequestsTest)
#include "tst_change_requests.moc"
