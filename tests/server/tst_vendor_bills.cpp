// Subcontractor costs: vendors, agreements (rate, cap), vendor bills with hours × rate per line
// to the cent, the cap enforced with what is left, and approval by the project's manager or
// finance, never the bill's creator.

#include "tst_expense_fixture.h"

using namespace keel;
using namespace keel::test;

class VendorBillsTest : public QObject, public ExpenseFixture
{
    Q_OBJECT

    qint64 project = 0, otherProject = 0, ukProject = 0;

    qint64 makeProject(const char *entity, const char *name, qint64 pm)
    {
        const qint64 account =
            scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                   "billing_currency, tax_profile) SELECT id, ?, lower(?), 'US', 'USD', "
                   "'STANDARD' FROM legal_entities WHERE code = ? RETURNING id",
                   {name, name, entity});
        return scalar(
            "INSERT INTO projects (legal_entity_id, account_id, project_manager_id, "
            "name, currency, start_date, end_date, status) SELECT id, ?, ?, ?, 'USD', "
            "'2026-01-01', '2026-12-31', 'active' FROM legal_entities WHERE code = ? "
            "RETURNING id",
            {account, pm ? QVariant(pm) : QVariant(QMetaType::fromType<qint64>()), name, entity});
    }

    QJsonObject vendor(HttpClient &http)
    {
        const HttpResult r = http.post("/api/v1/vendors", {{"legal_entity", "US"},
                                                           {"name", "Berlin Data GmbH"},
                                                           {"country", "DE"},
                                                           {"currency", "EUR"},
                                                           {"payment_terms_days", 14}});
        if (r.status != 201)
            qWarning() << r.body;
        return r.json();
    }

    QJsonObject agreement(HttpClient &http, const QJsonObject &v)
    {
        const HttpResult r =
            http.post("/api/v1/subcontract-agreements", {{"vendor_id", v.value("id")},
                                                         {"project_id", QString::number(project)},
                                                         {"reference", "SUB-2026-01"},
                                                         {"hourly_rate", "93.333333"},
                                                         {"currency", "EUR"},
                                                         {"cap_amount", "1500.00"},
                                                         {"start_date", "2026-01-01"},
                                                         {"end_date", "2026-12-31"}});
        if (r.status != 201)
            qWarning() << r.body;
        return r.json();
    }

    static QJsonObject line(qint64 project, const char *hours, const char *rate = nullptr)
    {
        QJsonObject l{{"project_id", QString::number(project)},
                      {"description", "Data engineering"},
                      {"hours", hours}};
        if (rate)
            l.insert("rate", rate);
        return l;
    }

    static HttpResult bill(HttpClient &http, const QJsonObject &v, const QJsonValue &agreementId,
                           const char *ref, const QJsonArray &lines)
    {
        return http.post("/api/v1/vendor-bills", {{"vendor_id", v.value("id")},
                                                  {"agreement_id", agreementId},
                                                  {"vendor_ref", ref},
                                                  {"bill_date", "2026-02-28"},
                                                  {"lines", lines}});
    }

    static HttpResult act(HttpClient &http, const QJsonObject &b, const char *what,
                          const QJsonObject &extra = {})
    {
        QJsonObject body{{"version", b.value("version")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return http.post("/api/v1/vendor-bills/" + b.value("id").toString() + "/" + what, body);
    }

private slots:
    void init()
    {
        setUp(QTest::currentTestFunction());
        const qint64 pm2 =
            server->createUser("pm2", "pm2 password", {{"project_manager", "US"}}, "US");
        project = makeProject("US", "Acme lake", max);
        otherProject = makeProject("US", "Beta lake", pm2);
        ukProject = makeProject("UK", "Gamma lake", 0);
    }
    void cleanup() { tearDown(); }

    void vendorsAndAgreements()
    {
        auto fin = client("fin");
        const QJsonObject v = vendor(*fin);
        QCOMPARE(v.value("currency").toString(), QString("EUR"));
        HttpResult r = fin->post("/api/v1/vendors", {{"legal_entity", "US"},
                                                     {"name", "berlin data gmbh"},
                                                     {"country", "DE"},
                                                     {"currency", "EUR"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("name:duplicate"));
        auto bob = client("bob");
        QCOMPARE(bob->get("/api/v1/vendors").status, 403);
        auto ukfin = client("ukfin");
        QCOMPARE(
            ukfin
                ->post(
                    "/api/v1/vendors",
                    {{"legal_entity", "US"}, {"name", "X"}, {"country", "DE"}, {"currency", "EUR"}})
                .status,
            403);
        QCOMPARE(ukfin->get("/api/v1/vendors").json().value("items").toArray().size(), 0);

        const QJsonObject a = agreement(*fin, v);
        QCOMPARE(a.value("cap").toObject(),
                 (QJsonObject{{"amount", "1500.00"}, {"currency", "EUR"}}));
        QCOMPARE(a.value("remaining").toObject().value("amount").toString(), QString("1500.00"));
        QCOMPARE(a.value("hourly_rate").toString(), QString("93.333333"));
        r = fin->post("/api/v1/subcontract-agreements", {{"vendor_id", v.value("id")},
                                                         {"project_id", QString::number(ukProject)},
                                                         {"reference", "X"},
                                                         {"hourly_rate", "1"},
                                                         {"currency", "EUR"},
                                                         {"cap_amount", "10.001"},
                                                         {"start_date", "2026-02-01"},
                                                         {"end_date", "2026-01-01"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(),
                 QString("cap_amount:invalid_value,end_date:before_start,project_id:unknown"));
        QCOMPARE(ukfin
                     ->post("/api/v1/subcontract-agreements", {{"vendor_id", v.value("id")},
                                                               {"reference", "X"},
                                                               {"hourly_rate", "1"},
                                                               {"currency", "EUR"},
                                                               {"start_date", "2026-02-01"},
                                                               {"end_date", "2026-03-01"}})
                     .status,
                 404);
    }

    void amountsToTheCentAndTheCap()
    {
        auto fin2 = client("fin2");
        const QJsonObject v = vendor(*fin2);
        const QJsonObject a = agreement(*fin2, v);
        // 7.5 h × 93.333333 = 699.9999975 → 700.00; 3.25 h × 120.125 = 390.40625 → 390.41.
        HttpResult r = bill(*fin2, v, a.value("id"), "INV-1",
                            {line(project, "7.5"), line(project, "3.25", "120.125")});
        QCOMPARE(r.status, 201);
        QJsonObject b1 = r.json();
        const QJsonArray lines = b1.value("lines").toArray();
        QCOMPARE(lines.at(0).toObject().value("amount").toObject(),
                 (QJsonObject{{"amount", "700.00"}, {"currency", "EUR"}}));
        QCOMPARE(lines.at(0).toObject().value("rate").toString(), QString("93.333333"));
        QCOMPARE(lines.at(1).toObject().value("amount").toObject().value("amount").toString(),
                 QString("390.41"));
        QCOMPARE(b1.value("total").toObject(),
                 (QJsonObject{{"amount", "1090.41"}, {"currency", "EUR"}}));
        QCOMPARE(b1.value("due_date").toString(), QString("2026-03-14")); // 14 days' terms
        QCOMPARE(b1.value("status").toString(), QString("draft"));

        // 5 h × 93.333333 = 466.67 is beyond what is left (1500.00 − 1090.41 = 409.59).
        r = bill(*fin2, v, a.value("id"), "INV-2", {line(project, "5")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines:cap_exceeded"));
        QVERIFY2(r.body.contains("466.67 EUR is beyond the agreement's cap of 1500.00 EUR: "
                                 "409.59 EUR is left"),
                 r.body);
        // 4.38 h → 408.80 fits.
        r = bill(*fin2, v, a.value("id"), "INV-2", {line(project, "4.38")});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("total").toObject().value("amount").toString(), QString("408.80"));
        const QJsonObject agreements = fin2->get("/api/v1/subcontract-agreements")
                                           .json()
                                           .value("items")
                                           .toArray()
                                           .at(0)
                                           .toObject();
        QCOMPARE(agreements.value("billed").toObject().value("amount").toString(),
                 QString("1499.21"));
        QCOMPARE(agreements.value("remaining").toObject().value("amount").toString(),
                 QString("0.79"));

        // Lines: the agreement's project only; tasks on their project; no rate without one.
        r = bill(*fin2, v, a.value("id"), "INV-3", {line(otherProject, "0.01")});
        QCOMPARE(r.fieldCodes(), QString("lines/0/project_id:outside_agreement"));
        r = bill(*fin2, v, QJsonValue(), "INV-3", {line(otherProject, "1")});
        QCOMPARE(r.fieldCodes(), QString("lines/0/rate:required"));
        r = bill(*fin2, v, QJsonValue(), "INV-3", {line(ukProject, "1", "10")});
        QCOMPARE(r.fieldCodes(), QString("lines/0/project_id:unknown"));
        r = bill(*fin2, v, QJsonValue(), "INV-1", {line(otherProject, "1.005", "10")});
        QCOMPARE(r.fieldCodes(), QString("vendor_ref:duplicate,lines/0/hours:invalid_value"));
        r = bill(*fin2, v, QJsonValue(), "INV-3", {});
        QCOMPARE(r.fieldCodes(), QString("lines:required"));
        const qint64 task = scalar("INSERT INTO project_tasks (project_id, seq, name) VALUES (?, "
                                   "1, 'Pipelines') RETURNING id",
                                   {project});
        QJsonObject onTask = line(otherProject, "1", "10");
        onTask.insert("task_id", QString::number(task));
        r = bill(*fin2, v, QJsonValue(), "INV-3", {onTask});
        QCOMPARE(r.fieldCodes(), QString("lines/0/task_id:not_on_project"));
        // Without an agreement there is no cap: 0.5 h × 99.99 = 49.995 → 50.00.
        r = bill(*fin2, v, QJsonValue(), "INV-3", {line(otherProject, "0.5", "99.99")});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("total").toObject().value("amount").toString(), QString("50.00"));
    }

    void approvalByTheProjectManagerOrFinanceNotTheCreator()
    {
        auto fin2 = client("fin2");
        const QJsonObject v = vendor(*fin2);
        const QJsonObject a = agreement(*fin2, v);
        QJsonObject b = bill(*fin2, v, a.value("id"), "INV-1", {line(project, "8")}).json();

        QCOMPARE(act(*fin2, b, "decide", {{"decision", "approve"}}).status, 409); // a draft
        HttpResult r = act(*fin2, b, "submit");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("vendor_bill", "draft", "submit",
                               r.json().value("status").toString());
        QCOMPARE(act(*fin2, b, "submit").status, 409);
        b = r.json();

        QCOMPARE(act(*fin2, b, "decide", {{"decision", "approve"}}).status, 403); // creator
        auto pm2 = client("pm2");
        QCOMPARE(act(*pm2, b, "decide", {{"decision", "approve"}}).status, 403); // other project
        auto bob = client("bob");
        QCOMPARE(act(*bob, b, "decide", {{"decision", "approve"}}).status, 403);
        auto ukfin = client("ukfin");
        QCOMPARE(act(*ukfin, b, "decide", {{"decision", "approve"}}).status, 404);
        auto max = client("max");
        QCOMPARE(max->post("/api/v1/vendor-bills/" + b.value("id").toString() + "/decide",
                           {{"decision", "approve"}, {"version", 1}})
                     .status,
                 412);
        r = act(*max, b, "decide", {{"decision", "approve"}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("vendor_bill", "submitted", "approve",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("approved_by").toString(), QString::number(this->max));
        QCOMPARE(act(*max, r.json(), "decide", {{"decision", "reject"}, {"comment", "no"}}).status,
                 409);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'vendor_bill'"), 3);
    }

    void rejectionFreesTheCapAndResubmissionChecksItAgain()
    {
        auto fin2 = client("fin2");
        const QJsonObject v = vendor(*fin2);
        const QJsonObject a = agreement(*fin2, v);
        QJsonObject b1 = bill(*fin2, v, a.value("id"), "INV-1", {line(project, "12")}).json();
        QCOMPARE(b1.value("total").toObject().value("amount").toString(), QString("1120.00"));
        b1 = act(*fin2, b1, "submit").json();
        auto fin = client("fin");
        HttpResult r = act(*fin, b1, "decide", {{"decision", "reject"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("comment:required"));
        r = act(*fin, b1, "decide", {{"decision", "reject"}, {"comment", "Hours not agreed"}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("vendor_bill", "submitted", "reject",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("rejection_reason").toString(), QString("Hours not agreed"));
        b1 = r.json();

        // The rejected bill no longer counts: 10 h (933.33) fits now.
        r = bill(*fin2, v, a.value("id"), "INV-2", {line(project, "10")});
        QCOMPARE(r.status, 201);
        // Resubmitting the rejected one would go beyond the cap.
        r = act(*fin2, b1, "submit");
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("1120.00 EUR is beyond the agreement's cap of 1500.00 EUR: "
                                 "566.67 EUR is left"),
                 r.body);

        // A bill without an agreement goes back and forth freely.
        QJsonObject b3 =
            bill(*fin2, v, QJsonValue(), "INV-3", {line(otherProject, "1", "10")}).json();
        b3 = act(*fin2, b3, "submit").json();
        b3 = act(*fin, b3, "decide", {{"decision", "reject"}, {"comment", "Wrong project"}}).json();
        r = act(*fin2, b3, "submit");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("vendor_bill", "rejected", "submit",
                               r.json().value("status").toString());
        QVERIFY(r.json().value("rejection_reason").isNull());
        // pm2 manages the bill's only project: may approve.
        auto pm2 = client("pm2");
        QCOMPARE(act(*pm2, r.json(), "decide", {{"decision", "approve"}}).status, 200);
        QCOMPARE(
            fin->get("/api/v1/vendor-bills?status=approved").json().value("items").toArray().size(),
            1);
        QCOMPARE(fin->get("/api/v1/vendor-bills?status=nope").status, 400);
        QCOMPARE(fin->get("/api/v1/vendor-bills/" + b1.value("id").toString()).status, 200);
    }
};

QTEST_GUILESS_MAIN(VendorBillsTest)
#include "tst_vendor_bills.moc"
