// Reimbursable expenses reach the ledger when finance gives the final approval of the report:
// Dr Project / General expenses at each expense's converted amount, Cr Employee payables, once.

#include "tst_expense_fixture.h"

using namespace keel;
using namespace keel::test;

class LedgerExpensesTest : public QObject, public ExpenseFixture
{
    Q_OBJECT

    static HttpResult decide(HttpClient &http, const QJsonObject &report)
    {
        return http.post("/api/v1/expense-reports/" + report.value("id").toString() + "/decide",
                         {{"decision", "approve"}, {"version", report.value("version")}});
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void financeApprovalPostsOnce()
    {
        auto amy = client("amy");
        const QString taxiId = newId(), hotelId = newId();
        QCOMPARE(expense(*amy, taxiId, taxi, "2026-02-10", "30.00").status, 201);
        QCOMPARE(expense(*amy, hotelId, hotel, "2026-02-10", "110.00", "EUR").status, 201);
        QCOMPARE(receipt(*amy, hotelId, newId(), pngBytes()).status, 201);
        HttpResult r =
            amy->post("/api/v1/expense-reports",
                      {{"title", "February travel"}, {"expense_ids", QJsonArray{taxiId, hotelId}}});
        QCOMPARE(r.status, 201);
        auto max = client("max");
        r = decide(*max, r.json());
        QCOMPARE(r.status, 200);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 0); // the manager's step: not yet
        auto fin = client("fin");
        r = decide(*fin, r.json());
        QVERIFY2(r.status == 200, r.body.constData());
        const qint64 entry = scalar("SELECT id FROM journal_entries WHERE source_type = "
                                    "'expense_report' AND source_id = ?",
                                    {r.json().value("id").toString()});
        QVERIFY(entry > 0);
        QCOMPARE(text("SELECT string_agg(a.number || ' ' || CASE WHEN l.debit > 0 THEN 'Dr' ELSE "
                      "'Cr' END || ' ' || (l.debit + l.credit)::numeric(20,2) || ' ' || "
                      "l.currency || ' / ' || (l.functional_debit + "
                      "l.functional_credit)::numeric(20,2), ', ' ORDER BY l.credit > 0, l.currency "
                      "DESC) FROM "
                      "journal_lines l JOIN ledger_accounts a ON a.id = l.ledger_account_id "
                      "WHERE l.entry_id = ?",
                      {entry}),
                 // No project on either: general expenses. 110.00 EUR × 1.0834 = 119.17 USD.
                 // (Debits in currency order: the two expenses share a date.)
                 QString("6000 Dr 30.00 USD / 30.00, 6000 Dr 110.00 EUR / 119.17, "
                         "2300 Cr 149.17 USD / 149.17"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines WHERE entry_id = ? AND employee_id = ?",
                        {entry, amyEmp}),
                 3);
        // The US chart came with the first posting.
        QCOMPARE(scalar("SELECT count(*) FROM ledger_accounts a JOIN legal_entities e ON e.id = "
                        "a.legal_entity_id WHERE e.code = 'US'"),
                 26);
    }
};

QTEST_GUILESS_MAIN(LedgerExpensesTest)
#include "tst_ledger_expenses.moc"
