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

private Q_SLOTS:
    void init() { f.setUpDelivery(QTest::currentTestFunction()); }
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
};

QTEST_MAIN(ChangeRequestsTest)
#include "tst_change_requests.moc"
