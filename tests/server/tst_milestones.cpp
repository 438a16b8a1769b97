#include "tst_delivery_fixture.h"

using namespace keel;
using namespace keel::test;

class MilestonesTest : public QObject
{
    Q_OBJECT
    DeliveryFixture f;

    static HttpResult move(HttpClient &http, const QString &id, const char *action, int version,
                           const char *date = nullptr)
    {
        QJsonObject body{{"action", action}, {"version", version}};
        if (date)
            body.insert("date", date);
        return http.post("/api/v1/delivery/milestones/" + id + "/transition", body);
    }

    QString milestone(HttpClient &pm, const QJsonObject &project)
    {
        const HttpResult r = pm.post(DeliveryFixture::path(project, "/milestones"),
                                     {{"name", "Design signed off"},
                                      {"amount", ContractFixture::money("7500.00")},
                                      {"planned_date", "2026-02-13"}});
        if (r.status != 201)
            qWarning() << r.body;
        return r.json().value("id").toString();
    }

private Q_SLOTS:
    void init() { f.setUpDelivery(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void pendingToBillable()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString id = milestone(*pm, p);
        HttpResult r = pm->get(DeliveryFixture::path(p));
        const QJsonObject ms = r.json().value("milestones").toArray()[0].toObject();
        QCOMPARE(ms.value("state").toString(), QStringLiteral("pending"));
        QCOMPARE(ms.value("amount").toObject().value("amount").toString(),
                 QStringLiteral("7500.00"));

        r = move(*pm, id, "complete", 1, "2026-02-12");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("actual_date").toString(), QStringLiteral("2026-02-12"));
        KEEL_COVERS_TRANSITION("milestone", "pending", "complete",
                               r.json().value("state").toString());
        // Finance records the client's acceptance and makes it billable.
        auto fin = f.client("fin", "fin password");
        QCOMPARE(move(*fin, id, "accept", 1, "2026-02-16").status, 412); // stale
        r = move(*fin, id, "accept", 2, "2026-02-16");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("accepted_date").toString(), QStringLiteral("2026-02-16"));
        KEEL_COVERS_TRANSITION("milestone", "completed", "accept",
                               r.json().value("state").toString());
        r = move(*fin, id, "bill", 3);
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("milestone", "accepted", "bill", r.json().value("state").toString());
        QCOMPARE(move(*fin, id, "bill", 4).status, 409); // billable is the end
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action LIKE "
                          "'project_milestone.%'"),
                 4);
    }

    void acceptedBeforeCompletedIsAConflict()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString id = milestone(*pm, p);
        HttpResult r = move(*pm, id, "accept", 1);
        QCOMPARE(r.status, 409);
        QCOMPARE(move(*f.client("fin", "fin password"), id, "accept", 1).status, 409);
        QCOMPARE(move(*pm, id, "bill", 1).status, 409);
        QCOMPARE(f.text("SELECT state FROM project_milestones WHERE id = ?", {id}),
                 QStringLiteral("pending"));
        // Acceptance before the completion date: 422.
        QCOMPARE(move(*pm, id, "complete", 1, "2026-02-12").status, 200);
        r = move(*pm, id, "accept", 2, "2026-02-01");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("date:before_completion"));
    }

    void whoMayMoveIt()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        const QString id = milestone(*pm, p);
        // Completion is the project manager's: not finance's, not another PM's.
        QCOMPARE(move(*f.client("fin", "fin password"), id, "complete", 1).status, 403);
        QCOMPARE(move(*f.client("pm2", "pm2 password"), id, "complete", 1).status, 403);
        QCOMPARE(move(*f.client("de.fin", "fin password"), id, "complete", 1).status, 404);
        QCOMPARE(move(*pm, id, "complete", 1).status, 200);
        QCOMPARE(move(*f.client("pm2", "pm2 password"), id, "accept", 2).status, 403);
        QCOMPARE(move(*f.client("de.fin", "fin password"), id, "accept", 2).status, 404);
        QCOMPARE(move(*pm, id, "accept", 2).status, 200); // the PM records acceptance too
    }

    void editsAndBadInput()
    {
        auto pm = f.client("pm", "pm password");
        const QJsonObject p = f.blankProject(*pm);
        HttpResult r = pm->post(DeliveryFixture::path(p, "/milestones"),
                                {{"name", "Go live"},
                                 {"amount", ContractFixture::money("100.00", "EUR")},
                                 {"planned_date", "2026-13-01"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(),
                 QStringLiteral("amount:currency_mismatch,planned_date:invalid_value"));
        const QString id = milestone(*pm, p);
        const QString path = "/api/v1/delivery/milestones/" + id;
        r = DeliveryFixture::put(*pm, path,
                                 {{"amount", ContractFixture::money("8000.25")}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("amount").toObject().value("amount").toString(),
                 QStringLiteral("8000.25"));
        QCOMPARE(DeliveryFixture::put(*pm, path, {{"name", "x"}, {"version", 1}}).status, 412);
        QCOMPARE(move(*pm, id, "complete", 2).status, 200);
        // A completed milestone is no longer edited.
        QCOMPARE(DeliveryFixture::put(*pm, path, {{"name", "x"}, {"version", 3}}).status, 409);
        QCOMPARE(move(*pm, id, "approve", 3).status, 422);
    }
};

QTEST_MAIN(MilestonesTest)
#include "tst_milestones.moc"
