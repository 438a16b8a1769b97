// Expense reports: submission with the policy check and justifications, the approval chain
// (the employee's manager, else an approver of the entity; then finance), who may do what,
// self-approval, rejection back to the employee, versions and states.

#include "tst_expense_fixture.h"

#include <QThread>

#include <algorithm>

using namespace keel;
using namespace keel::test;

class ExpenseReportsTest : public QObject, public ExpenseFixture
{
    Q_OBJECT

    static QString ids(const QJsonObject &report) { return report.value("id").toString(); }

    static HttpResult submit(HttpClient &http, const QStringList &expenseIds,
                             const QJsonObject &justifications = {})
    {
        QJsonObject body{{"title", "February travel"},
                         {"expense_ids", QJsonArray::fromStringList(expenseIds)}};
        if (!justifications.isEmpty())
            body.insert("justifications", justifications);
        return http.post("/api/v1/expense-reports", body);
    }

    static HttpResult decide(HttpClient &http, const QJsonObject &report, const char *decision,
                             const QString &comment = {}, int version = 0)
    {
        return http.post("/api/v1/expense-reports/" + report.value("id").toString() + "/decide",
                         {{"decision", decision},
                          {"comment", comment},
                          {"version", version ? version : report.value("version").toInt()}});
    }

    QString expenseStatus(const QString &id)
    {
        return text("SELECT status FROM expenses WHERE id = ?", {id});
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void managerThenFinanceApprove()
    {
        auto amy = client("amy");
        const QString taxiId = newId(), hotelId = newId();
        QCOMPARE(expense(*amy, taxiId, taxi, "2026-02-10", "30.00").status, 201);
        QCOMPARE(expense(*amy, hotelId, hotel, "2026-02-10", "110.00", "EUR").status, 201);
        const QString hotelReceipt = newId();
        QCOMPARE(receipt(*amy, hotelId, hotelReceipt, pngBytes()).status, 201);

        HttpResult r = submit(*amy, {taxiId, hotelId});
        QCOMPARE(r.status, 201);
        QJsonObject report = r.json();
        KEEL_COVERS_TRANSITION("expense_report", "draft", "submit",
                               report.value("status").toString());
        KEEL_COVERS_TRANSITION("expense", "draft", "submit", expenseStatus(taxiId));
        // 30.00 + 110.00 EUR × 1.0834 (119.17) = 149.17 USD.
        QCOMPARE(report.value("total").toObject(),
                 (QJsonObject{{"amount", "149.17"}, {"currency", "USD"}}));
        QCOMPARE(report.value("next_step").toString(), QString("manager"));
        QCOMPARE(report.value("expenses").toArray().size(), 2);
        // Submitted expenses no longer change.
        QCOMPARE(expense(*amy, newId(), taxi, "2026-02-10", "1.00").status, 201);
        QCOMPARE(put(*amy, "/api/v1/expenses/" + taxiId,
                     {{"category_id", QString::number(taxi)},
                      {"expense_date", "2026-02-10"},
                      {"description", "x"},
                      {"amount", money("1.00", "USD")},
                      {"version", 2}})
                     .status,
                 409);
        QCOMPARE(submit(*amy, {taxiId}).status, 409);

        // Who may decide the manager step: amy's manager max, nobody else.
        auto bob = client("bob");
        QCOMPARE(decide(*bob, report, "approve").status, 403); // no expenses.approve
        QCOMPARE(decide(*amy, report, "approve").status, 403);
        auto rita = client("rita");
        QCOMPARE(decide(*rita, report, "approve").status, 403); // approver, not the manager
        auto fin = client("fin");
        QCOMPARE(decide(*fin, report, "approve").status, 403); // finance comes second
        auto ukfin = client("ukfin");
        QCOMPARE(decide(*ukfin, report, "approve").status, 404);
        auto max = client("max");
        r = max->get("/api/v1/expense-reports?scope=to_approve");
        QCOMPARE(r.json().value("items").toArray().size(), 1);
        QCOMPARE(fin->get("/api/v1/expense-reports?scope=to_approve")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(amy->get("/api/v1/expense-reports?scope=to_approve").status, 403);
        QCOMPARE(decide(*max, report, "approve", {}, 7).status, 412);
        // The manager reads the receipt.
        QCOMPARE(max->get("/api/v1/expenses/receipts/" + hotelReceipt).status, 200);
        r = decide(*max, report, "approve");
        QCOMPARE(r.status, 200);
        const QJsonObject managed = r.json();
        KEEL_COVERS_TRANSITION("expense_report", "submitted", "approve",
                               managed.value("status").toString());
        QCOMPARE(managed.value("manager_id").toString(), QString::number(this->max));
        QCOMPARE(managed.value("next_step").toString(), QString("finance"));
        QCOMPARE(expenseStatus(taxiId), QString("submitted"));

        // Finance of US now; a stale version is 412; max cannot take the finance step.
        QCOMPARE(decide(*max, managed, "approve").status, 403);
        QCOMPARE(decide(*fin, report, "approve").status, 412);
        QCOMPARE(fin->get("/api/v1/expense-reports?scope=to_approve")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        r = decide(*fin, managed, "approve");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("expense_report", "manager_approved", "approve",
                               r.json().value("status").toString());
        KEEL_COVERS_TRANSITION("expense", "submitted", "approve", expenseStatus(taxiId));
        QCOMPARE(expenseStatus(hotelId), QString("approved"));
        QCOMPARE(r.json().value("finance_id").toString(), QString::number(this->fin));
        // Decided: any further decision is a wrong state.
        QCOMPARE(decide(*client("fin2"), r.json(), "approve").status, 409);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'expense_report'"), 3);
        // The employee sees it.
        r = amy->get("/api/v1/expense-reports?scope=mine");
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("status").toString(),
                 QString("approved"));
        QCOMPARE(amy->get("/api/v1/expense-reports/" + ids(managed)).status, 200);
        QCOMPARE(bob->get("/api/v1/expense-reports/" + ids(managed)).status, 404);
    }

    void breachesNeedAJustification()
    {
        auto amy = client("amy");
        const QString big = newId(), noReceipt = newId(), fine = newId();
        QCOMPARE(expense(*amy, big, hotel, "2026-02-10", "250.00").status, 201);
        QCOMPARE(receipt(*amy, big, newId(), pngBytes()).status, 201);
        QCOMPARE(expense(*amy, noReceipt, taxi, "2026-02-10", "80.00").status, 201);
        QCOMPARE(expense(*amy, fine, taxi, "2026-02-11", "75.00").status, 201); // not above 75

        HttpResult r = submit(*amy, {fine, big, noReceipt});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("expense_ids/1:justification_required,"
                                         "expense_ids/2:justification_required"));
        QVERIFY2(r.body.contains("250.00 USD is above the Hotel cap of 200.00 USD per item"),
                 r.body);
        QVERIFY2(r.body.contains("no receipt, which Taxi requires above 75.00 USD"), r.body);
        QCOMPARE(expenseStatus(big), QString("draft"));
        QCOMPARE(scalar("SELECT count(*) FROM expense_reports"), 0);

        // One justified in the report, the other on the expense itself.
        r = put(*amy, "/api/v1/expenses/" + noReceipt,
                {{"category_id", QString::number(taxi)},
                 {"expense_date", "2026-02-10"},
                 {"description", "Night taxi"},
                 {"amount", money("80.00", "USD")},
                 {"justification", "Driver had no receipts"},
                 {"version", 1}});
        QCOMPARE(r.status, 200);
        r = submit(*amy, {fine, big, noReceipt}, {{big, "Only hotel near the client site"}});
        QCOMPARE(r.status, 201);
        const QJsonArray lines = r.json().value("expenses").toArray();
        QCOMPARE(lines.size(), 3);
        for (const QJsonValue &v : lines) {
            const QJsonObject e = v.toObject();
            if (e.value("id").toString() == big) {
                QCOMPARE(e.value("justification").toString(),
                         QString("Only hotel near the client site"));
                QCOMPARE(e.value("policy_breach").toString(),
                         QString("250.00 USD is above the Hotel cap of 200.00 USD per item"));
            } else if (e.value("id").toString() == noReceipt) {
                QCOMPARE(e.value("policy_breach").toString(),
                         QString("no receipt, which Taxi requires above 75.00 USD"));
            } else {
                QVERIFY(e.value("policy_breach").isNull());
            }
        }
    }

    void submissionRefusesOthersExpensesAndClosedPeriods()
    {
        auto amy = client("amy");
        auto bob = client("bob");
        const QString mine = newId(), bobs = newId();
        QCOMPARE(expense(*amy, mine, taxi, "2026-02-10", "10.00").status, 201);
        QCOMPARE(expense(*bob, bobs, taxi, "2026-02-10", "10.00").status, 201);
        HttpResult r = submit(*amy, {mine, bobs});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("expense_ids/1:unknown"));
        QCOMPARE(submit(*amy, {}).status, 422);
        QCOMPARE(submit(*amy, {mine, mine}).fieldCodes(), QString("expense_ids/1:duplicate"));
        db::exec(db->sql(), "INSERT INTO accounting_periods (legal_entity_id, period_start, "
                            "period_end, status) SELECT id, '2026-02-01', '2026-02-28', "
                            "'hard_closed' FROM legal_entities WHERE code = 'US'");
        QCOMPARE(submit(*amy, {mine}).status, 423);
    }

    void rejectionSendsTheExpensesBack()
    {
        auto amy = client("amy");
        const QString a = newId(), b = newId();
        QCOMPARE(expense(*amy, a, taxi, "2026-02-10", "10.00").status, 201);
        QCOMPARE(expense(*amy, b, taxi, "2026-02-11", "20.00").status, 201);
        const QJsonObject report = submit(*amy, {a, b}).json();
        auto max = client("max");
        HttpResult r = decide(*max, report, "reject");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("comment:required"));
        r = decide(*max, report, "reject", "Split per client, please");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("expense_report", "submitted", "reject",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("rejection_reason").toString(),
                 QString("Split per client, please"));
        KEEL_COVERS_TRANSITION("expense", "submitted", "reject", expenseStatus(a));
        const QJsonObject ea = amy->get("/api/v1/expenses/" + a).json();
        QCOMPARE(ea.value("rejection_reason").toString(), QString("Split per client, please"));
        QCOMPARE(decide(*max, r.json(), "approve").status, 409);

        // The employee edits one (back to draft) and deletes the other.
        r = put(*amy, "/api/v1/expenses/" + a,
                {{"category_id", QString::number(taxi)},
                 {"expense_date", "2026-02-10"},
                 {"description", "Taxi for Acme"},
                 {"amount", money("10.00", "USD")},
                 {"version", ea.value("version").toInt()}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("expense", "rejected", "edit", r.json().value("status").toString());
        QVERIFY(r.json().value("rejection_reason").isNull());
        const int bVersion = amy->get("/api/v1/expenses/" + b).json().value("version").toInt();
        r = amy->send("DELETE", "/api/v1/expenses/" + b + "?version=" + QString::number(bVersion),
                      {});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("expense", "rejected", "delete",
                               r.json().value("status").toString());
    }

    void rejectedExpensesGoIntoANewReportAndFinanceMayReject()
    {
        auto amy = client("amy");
        const QString a = newId();
        QCOMPARE(expense(*amy, a, taxi, "2026-02-10", "10.00").status, 201);
        auto max = client("max");
        QCOMPARE(decide(*max, submit(*amy, {a}).json(), "reject", "Wrong month").status, 200);
        HttpResult r = submit(*amy, {a});
        QCOMPARE(r.status, 201);
        KEEL_COVERS_TRANSITION("expense", "rejected", "submit", expenseStatus(a));
        r = decide(*max, r.json(), "approve");
        QCOMPARE(r.status, 200);
        auto fin = client("fin");
        r = decide(*fin, r.json(), "reject", "Duplicate of last month's claim");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("expense_report", "manager_approved", "reject",
                               r.json().value("status").toString());
        QCOMPARE(expenseStatus(a), QString("rejected"));
        QCOMPARE(text("SELECT rejection_reason FROM expenses WHERE id = ?", {a}),
                 QString("Duplicate of last month's claim"));
    }

    void twoFinanceUsersDecidingAtOnceOneWins()
    {
        auto amy = client("amy");
        const QString a = newId();
        QCOMPARE(expense(*amy, a, taxi, "2026-02-10", "10.00").status, 201);
        auto max = client("max");
        const QJsonObject report = decide(*max, submit(*amy, {a}).json(), "approve").json();
        QCOMPARE(report.value("status").toString(), QString("manager_approved"));

        // Each finance user in a thread of their own, both with the version they read.
        const QUrl base = server->baseUrl();
        QList<int> statuses(2);
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i)
            threads.append(QThread::create([&, i] {
                HttpClient http(base);
                const QString user = i == 0 ? QStringLiteral("fin") : QStringLiteral("fin2");
                http.login(user, user + QStringLiteral(" password"));
                statuses[i] = decide(http, report, i == 0 ? "approve" : "reject", "No").status;
            }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 409}));
        const QString status = text("SELECT status FROM expense_reports WHERE id = ?",
                                    {report.value("id").toString()});
        QVERIFY(status == "approved" || status == "rejected");
        QCOMPARE(expenseStatus(a), status);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'expense_report'"), 3);
    }

    void aManagerWhoMayNotApproveLeavesTheStepToTheEntitysApprovers()
    {
        // carl's manager is bob, a consultant without expenses.approve.
        const qint64 carl =
            server->createUser("carl", "carl password", {{"consultant", "US"}}, "US");
        employee(carl, bobEmp);
        auto carlHttp = client("carl");
        const QString a = newId();
        QCOMPARE(expense(*carlHttp, a, taxi, "2026-02-10", "12.00").status, 201);
        const QJsonObject report = submit(*carlHttp, {a}).json();
        auto bob = client("bob");
        QCOMPARE(decide(*bob, report, "approve").status, 403);
        auto max = client("max");
        QCOMPARE(max->get("/api/v1/expense-reports?scope=to_approve")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        const HttpResult r = decide(*max, report, "approve");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QString("manager_approved"));
    }

    void withoutAManagerAnApproverOfTheEntityDecidesButNeverTheirOwn()
    {
        // max has no manager: any approver of US (rita, finance) takes the first step, not max.
        auto max = client("max");
        const QString a = newId();
        QCOMPARE(expense(*max, a, taxi, "2026-02-10", "42.00").status, 201);
        const QJsonObject report = submit(*max, {a}).json();
        HttpResult r = decide(*max, report, "approve");
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("their own"));
        QCOMPARE(max->get("/api/v1/expense-reports?scope=to_approve")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        auto rita = client("rita");
        QCOMPARE(rita->get("/api/v1/expense-reports?scope=to_approve")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        r = decide(*rita, report, "approve");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QString("manager_approved"));
        QCOMPARE(decide(*rita, r.json(), "approve").status, 403); // not finance
        auto fin2 = client("fin2");
        r = decide(*fin2, r.json(), "approve");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QString("approved"));

        // Finance's own report: finance cannot take its finance step either.
        auto fin = client("fin");
        const QString f = newId();
        QCOMPARE(expense(*fin, f, taxi, "2026-02-12", "5.00").status, 201);
        const QJsonObject own = submit(*fin, {f}).json();
        r = decide(*rita, own, "approve");
        QCOMPARE(r.status, 200);
        QCOMPARE(decide(*fin, r.json(), "approve").status, 403);
        QCOMPARE(decide(*fin2, r.json(), "approve").status, 200);
    }
};

QTEST_GUILESS_MAIN(ExpenseReportsTest)
#include "tst_expense_reports.moc"
