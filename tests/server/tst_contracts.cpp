#include "tst_contracts_fixture.h"

using namespace keel;
using namespace keel::test;

class ContractsTest : public QObject
{
    Q_OBJECT
    ContractFixture f;

    QString createDirect(HttpClient &http, const QString &entity, const char *currency)
    {
        const qint64 acc = f.account(entity, QStringLiteral("Client ") + entity, currency);
        const HttpResult r =
            http.post("/api/v1/crm/contracts", f.directContract(entity, acc, currency));
        if (r.status != 201)
            qWarning() << r.body;
        return r.json().value("id").toString();
    }

    // Signs and submits a change order adding a 5,000.00 fixed-fee line; returns the CO.
    QJsonObject changeOrder(HttpClient &http, const QString &id, int version)
    {
        const HttpResult co = http.post(
            QStringLiteral("/api/v1/crm/contracts/%1/change-orders").arg(id),
            {{"version", version},
             {"reason", "Extra migration wave"},
             {"end_date", "2026-07-31"},
             {"add_lines",
              QJsonArray{QJsonObject{
                  {"description", "Wave 2"},
                  {"billing_model", "fixed_fee"},
                  {"value", ContractFixture::money("5000.00")},
                  {"schedule",
                   QJsonArray{QJsonObject{{"date", "2026-07-31"},
                                          {"amount", ContractFixture::money("5000.00")}}}}}}}});
        if (co.status != 201)
            qWarning() << co.body;
        return co.json();
    }

private Q_SLOTS:
    void init() { f.setUp(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void fixedFeeScheduleMustSumToLineValue()
    {
        auto http = f.client("seller", "seller password");
        const qint64 acc = f.account("UK", "Acme", "GBP");
        QJsonObject body = f.directContract("UK", acc, "GBP");
        QJsonArray lines = body.value("lines").toArray();
        QJsonObject fixed = lines[1].toObject();
        fixed.insert(
            "schedule",
            QJsonArray{
                QJsonObject{{"date", "2026-03-31"}, {"amount", ContractFixture::money("600.00")}},
                QJsonObject{{"date", "2026-06-30"}, {"amount", ContractFixture::money("599.99")}}});
        lines[1] = fixed;
        body.insert("lines", lines);
        const HttpResult r = http->post("/api/v1/crm/contracts", body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("lines/1/schedule:sum_mismatch"));

        // A bad entry is named by its own path; a wrong currency too.
        fixed.insert(
            "schedule",
            QJsonArray{
                QJsonObject{{"date", "2026-03-31"}, {"amount", ContractFixture::money("1200.00")}},
                QJsonObject{{"date", "2026-06-30"}, {"amount", ContractFixture::money("0.00")}}});
        lines[1] = fixed;
        QJsonObject milestones = lines[0].toObject();
        milestones.insert("value", ContractFixture::money("30000.00", "EUR"));
        lines[0] = milestones;
        body.insert("lines", lines);
        const HttpResult r2 = http->post("/api/v1/crm/contracts", body);
        QCOMPARE(r2.status, 422);
        QVERIFY2(r2.fieldCodes().contains("lines/1/schedule/1/amount:invalid_value"), r2.body);
        QVERIFY2(r2.fieldCodes().contains("lines/0/value:currency_mismatch"), r2.body);
        QCOMPARE(f.scalar("SELECT count(*) FROM contracts"), 0);
    }

    void modelFieldsAreValidated()
    {
        auto http = f.client("seller", "seller password");
        const qint64 acc = f.account("UK", "Acme", "GBP");
        QJsonObject body = f.directContract("UK", acc, "GBP");
        body.insert(
            "lines",
            QJsonArray{QJsonObject{{"description", "Retainer"},
                                   {"billing_model", "retainer"},
                                   {"value", ContractFixture::money("12000.00")},
                                   {"monthly_amount", ContractFixture::money("1000.00")},
                                   {"start_date", "2026-01-01"},
                                   {"end_date", "2025-12-31"},
                                   {"drawdown_hours", "10"},
                                   {"rollover", "forever"}},
                       QJsonObject{{"description", "Licence"},
                                   {"billing_model", "subscription"},
                                   {"value", ContractFixture::money("1200.00")},
                                   {"period", "week"},
                                   {"start_date", "2026-01-01"},
                                   {"end_date", "2026-12-31"}},
                       QJsonObject{{"description", "T&M"},
                                   {"billing_model", "time_and_materials"},
                                   {"value", ContractFixture::money("1000.00")},
                                   {"not_to_exceed", ContractFixture::money("900.00")},
                                   {"rates", QJsonArray{QJsonObject{{"job_role_id", "999999"},
                                                                    {"rate", "100"}}}}}});
        const HttpResult r = http->post("/api/v1/crm/contracts", body);
        QCOMPARE(r.status, 422);
        const QString codes = r.fieldCodes();
        QVERIFY2(codes.contains("lines/0/end_date:invalid_value"), qPrintable(codes));
        QVERIFY2(codes.contains("lines/0/rollover:invalid_value"), qPrintable(codes));
        QVERIFY2(codes.contains("lines/1/fee_per_period:required"), qPrintable(codes));
        QVERIFY2(codes.contains("lines/1/period:invalid_value"), qPrintable(codes));
        QVERIFY2(codes.contains("lines/2/not_to_exceed:below_value"), qPrintable(codes));
    }

    void contractFromQuoteNeedsAcceptedQuote()
    {
        auto http = f.client("seller", "seller password");
        const qint64 submitted = f.quote("submitted");
        const HttpResult early =
            http->post(QStringLiteral("/api/v1/crm/quotes/%1/contract").arg(submitted),
                       {{"start_date", "2026-12-01"}, {"end_date", "2027-02-28"}});
        QCOMPARE(early.status, 409);

        const qint64 accepted = f.quote("accepted");
        const HttpResult created =
            http->post(QStringLiteral("/api/v1/crm/quotes/%1/contract").arg(accepted),
                       {{"start_date", "2026-12-01"}, {"end_date", "2027-02-28"}});
        QCOMPARE(created.status, 201);
        const QJsonObject c = created.json();
        QCOMPARE(c.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(c.value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("22145.38"));
        QCOMPARE(c.value("lines").toArray().size(), 4);
        QCOMPARE(c.value("lines").toArray()[3].toObject().value("billing_model").toString(),
                 QStringLiteral("fixed_fee"));
        // A second contract for the same quote is refused.
        QCOMPARE(http->post(QStringLiteral("/api/v1/crm/quotes/%1/contract").arg(accepted),
                            {{"start_date", "2026-12-01"}, {"end_date", "2027-02-28"}})
                     .status,
                 409);

        // The quote was revised (no longer approved and accepted): signing is refused.
        db::query(f.db->sql(), "UPDATE quotes SET status = 'superseded' WHERE id = ?", {accepted});
        const QString id = c.value("id").toString();
        const HttpResult signing = ContractFixture::sign(*http, id, 1);
        QCOMPARE(signing.status, 409);
        QCOMPARE(f.text("SELECT status FROM contracts WHERE id = ?", {id}),
                 QStringLiteral("draft"));
        QCOMPARE(f.scalar("SELECT count(*) FROM projects"), 0);
    }

    void signAssignsGaplessNumbersPerEntity()
    {
        auto http = f.client("seller", "seller password");
        const QString uk1 = createDirect(*http, "UK", "GBP");
        const QString de1 = createDirect(*http, "DE", "EUR");
        const QString uk2 = createDirect(*http, "UK", "GBP");
        const QString de2 = createDirect(*http, "DE", "EUR");
        const QString year = QString::number(QDate::currentDate().year());

        // A stale sign is refused and takes no number.
        QCOMPARE(ContractFixture::sign(*http, uk1, 7).status, 412);
        const HttpResult a = ContractFixture::sign(*http, uk1, 1);
        QCOMPARE(a.status, 200);
        KEEL_COVERS_TRANSITION("contract", "draft", "sign", a.json().value("status").toString());
        QCOMPARE(a.json().value("number").toString(), "SOW-UK-" + year + "-0001");
        QCOMPARE(ContractFixture::sign(*http, de1, 1).json().value("number").toString(),
                 "SOW-DE-" + year + "-0001");
        QCOMPARE(ContractFixture::sign(*http, uk2, 1).json().value("number").toString(),
                 "SOW-UK-" + year + "-0002");
        QCOMPARE(ContractFixture::sign(*http, de2, 1).json().value("number").toString(),
                 "SOW-DE-" + year + "-0002");
        // Signing twice: the contract is no longer a draft.
        QCOMPARE(ContractFixture::sign(*http, uk1, 2).status, 409);

        // The UK-only seller sees UK contracts only.
        auto ukSeller = f.client("uk.seller", "seller password");
        const QJsonArray items =
            ukSeller->get("/api/v1/crm/contracts").json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(ukSeller->get("/api/v1/crm/contracts/" + de1).status, 404);
        QCOMPARE(f.client("consultant", "consultant password")->get("/api/v1/crm/contracts").status,
                 403);
    }

    void changeOrderApprovalCreatesVersionTwo()
    {
        auto http = f.client("seller", "seller password");
        const QString id = createDirect(*http, "UK", "GBP");
        QCOMPARE(ContractFixture::sign(*http, id, 1).status, 200);

        // Stale contract version → 412, nothing submitted.
        const HttpResult stale =
            http->post(QStringLiteral("/api/v1/crm/contracts/%1/change-orders").arg(id),
                       {{"version", 1}, {"reason", "x"}, {"end_date", "2026-07-31"}});
        QCOMPARE(stale.status, 412);

        const QJsonObject co = changeOrder(*http, id, 2);
        QCOMPARE(co.value("status").toString(), QStringLiteral("submitted"));
        QCOMPARE(co.value("value_change").toObject().value("amount").toString(),
                 QStringLiteral("5000.00"));
        const QString requestId = co.value("approval_request_id").toString();
        QVERIFY(!requestId.isEmpty());
        // Until approved, the contract is unchanged.
        QCOMPARE(http->get("/api/v1/crm/contracts/" + id).json().value("contract_version").toInt(),
                 1);

        auto director = f.client("director", "director password");
        const HttpResult approved = director->post(
            QStringLiteral("/api/v1/approvals/%1/approve").arg(requestId), {{"comment", "fine"}});
        QCOMPARE(approved.status, 200);

        const QJsonObject c = http->get("/api/v1/crm/contracts/" + id).json();
        QCOMPARE(c.value("contract_version").toInt(), 2);
        QCOMPARE(c.value("status").toString(), QStringLiteral("amended"));
        KEEL_COVERS_TRANSITION("contract", "signed", "amend", c.value("status").toString());
        QCOMPARE(c.value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("36200.00"));
        QCOMPARE(c.value("end_date").toString(), QStringLiteral("2026-07-31"));
        QCOMPARE(c.value("lines").toArray().size(), 3);
        const QJsonObject after =
            http->get(QStringLiteral("/api/v1/crm/change-orders/%1").arg(co.value("id").toString()))
                .json();
        KEEL_COVERS_TRANSITION("contract_change_order", "submitted", "approve",
                               after.value("status").toString());

        const QJsonObject v1 =
            http->get(QStringLiteral("/api/v1/crm/contracts/%1/versions/1").arg(id)).json();
        QCOMPARE(v1.value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("31200.00"));
        QCOMPARE(v1.value("lines").toArray().size(), 2);
        QCOMPARE(v1.value("end_date").toString(), QStringLiteral("2026-06-26"));
        const QJsonObject v2 =
            http->get(QStringLiteral("/api/v1/crm/contracts/%1/versions/2").arg(id)).json();
        QCOMPARE(v2.value("total_value").toObject().value("amount").toString(),
                 QStringLiteral("36200.00"));
        QCOMPARE(http->get(QStringLiteral("/api/v1/crm/contracts/%1/versions/3").arg(id)).status,
                 404);

        // Delivery re-baselined: the project's budget is at version 2.
        QCOMPARE(f.scalar("SELECT max(budget_version) FROM project_budget_versions"), 2);

        // A second amendment from version 2, then the contract completes.
        const QJsonObject co2 = changeOrder(*http, id, c.value("version").toInt());
        QCOMPARE(director
                     ->post(QStringLiteral("/api/v1/approvals/%1/approve")
                                .arg(co2.value("approval_request_id").toString()),
                            {})
                     .status,
                 200);
        const QJsonObject c3 = http->get("/api/v1/crm/contracts/" + id).json();
        QCOMPARE(c3.value("contract_version").toInt(), 3);
        KEEL_COVERS_TRANSITION("contract", "amended", "amend", c3.value("status").toString());
        const HttpResult done =
            http->post(QStringLiteral("/api/v1/crm/contracts/%1/complete").arg(id),
                       {{"version", c3.value("version").toInt()}});
        QCOMPARE(done.status, 200);
        KEEL_COVERS_TRANSITION("contract", "amended", "complete",
                               done.json().value("status").toString());
        // A completed contract takes no change orders.
        QCOMPARE(http->post(QStringLiteral("/api/v1/crm/contracts/%1/change-orders").arg(id),
                            {{"version", done.json().value("version").toInt()},
                             {"reason", "late"},
                             {"end_date", "2026-08-31"}})
                     .status,
                 409);
    }

    void changeOrderRejectionLeavesContractUnchanged()
    {
        auto http = f.client("seller", "seller password");
        const QString id = createDirect(*http, "UK", "GBP");
        QCOMPARE(ContractFixture::sign(*http, id, 1).status, 200);
        const QJsonObject before = http->get("/api/v1/crm/contracts/" + id).json();
        const QJsonObject co = changeOrder(*http, id, 2);
        // The seller cannot approve their own change order.
        QVERIFY(http->post(QStringLiteral("/api/v1/approvals/%1/approve")
                               .arg(co.value("approval_request_id").toString()),
                           {})
                    .status >= 403);
        auto director = f.client("director", "director password");
        QCOMPARE(director
                     ->post(QStringLiteral("/api/v1/approvals/%1/reject")
                                .arg(co.value("approval_request_id").toString()),
                            {{"comment", "not this quarter"}})
                     .status,
                 200);
        const QJsonObject after = http->get("/api/v1/crm/contracts/" + id).json();
        QCOMPARE(after, before);
        const QJsonObject rejected =
            http->get(QStringLiteral("/api/v1/crm/change-orders/%1").arg(co.value("id").toString()))
                .json();
        KEEL_COVERS_TRANSITION("contract_change_order", "submitted", "reject",
                               rejected.value("status").toString());
        QCOMPARE(rejected.value("decision_comment").toString(), QStringLiteral("not this quarter"));
        QCOMPARE(f.scalar("SELECT count(*) FROM contract_versions WHERE contract_id = ?", {id}), 1);

        // Signed contracts end: completed or terminated.
        const HttpResult done =
            http->post(QStringLiteral("/api/v1/crm/contracts/%1/complete").arg(id),
                       {{"version", after.value("version").toInt()}});
        KEEL_COVERS_TRANSITION("contract", "signed", "complete",
                               done.json().value("status").toString());
        const QString other = createDirect(*http, "UK", "GBP");
        QCOMPARE(ContractFixture::sign(*http, other, 1).status, 200);
        const HttpResult ended =
            http->post(QStringLiteral("/api/v1/crm/contracts/%1/terminate").arg(other),
                       {{"version", 2}, {"reason", "client insolvent"}});
        KEEL_COVERS_TRANSITION("contract", "signed", "terminate",
                               ended.json().value("status").toString());
        QCOMPARE(http->post(QStringLiteral("/api/v1/crm/contracts/%1/terminate").arg(other),
                            {{"version", 3}})
                     .status,
                 409);
    }

    void amendedContractCanBeTerminated()
    {
        auto http = f.client("seller", "seller password");
        const QString id = createDirect(*http, "UK", "GBP");
        QCOMPARE(ContractFixture::sign(*http, id, 1).status, 200);
        const QJsonObject co = changeOrder(*http, id, 2);
        auto director = f.client("director", "director password");
        QCOMPARE(director
                     ->post(QStringLiteral("/api/v1/approvals/%1/approve")
                                .arg(co.value("approval_request_id").toString()),
                            {})
                     .status,
                 200);
        const QJsonObject c = http->get("/api/v1/crm/contracts/" + id).json();
        const HttpResult ended =
            http->post(QStringLiteral("/api/v1/crm/contracts/%1/terminate").arg(id),
                       {{"version", c.value("version").toInt()}});
        QCOMPARE(ended.status, 200);
        KEEL_COVERS_TRANSITION("contract", "amended", "terminate",
                               ended.json().value("status").toString());
    }
};

QTEST_GUILESS_MAIN(ContractsTest)
#include "tst_contracts.moc"
