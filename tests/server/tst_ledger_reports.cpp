// What finance reads and does in the ledger: manual journals with approval (never by their
// author), reversals instead of edits, the trial balance, P&L and balance sheet, account
// drill-down to the source, the plain-text export read by the real hledger with the same totals,
// and a vendor bill approved through the API landing in the ledger.

#include "tst_ledger_fixture.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace keel;
using namespace keel::test;

class LedgerReportsTest : public QObject, public LedgerFixture
{
    Q_OBJECT

    static QJsonObject m(const char *amount, const char *currency = "USD")
    {
        return {{"amount", amount}, {"currency", currency}};
    }

    QJsonObject manual(const char *date, const char *debitAccount, const char *creditAccount,
                       const QJsonObject &amount)
    {
        return {{"legal_entity_id", QString::number(us)},
                {"date", date},
                {"description", "Accrued audit fee"},
                {"lines", QJsonArray{QJsonObject{{"account", debitAccount}, {"debit", amount}},
                                     QJsonObject{{"account", creditAccount}, {"credit", amount}}}}};
    }

    // A little of everything: a EUR vendor bill, an invoice, recognised revenue, a receipt.
    void postSome()
    {
        inTx([&] {
            return posting_rules::vendorBillApproved(
                *ledger, {us,
                          1,
                          ctl,
                          fin,
                          QDate(2026, 2, 28),
                          "BD-1",
                          {{project, money("1384.53", "EUR"), std::nullopt, {}}}});
        });
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger, {us,
                          client,
                          fin,
                          "P:2026-02",
                          QDate(2026, 2, 28),
                          {{project, money("12500.00", "USD"), std::nullopt, {}}},
                          {}});
        });
        inTx([&] {
            return posting_rules::invoiceIssued(
                *ledger, {us,
                          2,
                          client,
                          fin,
                          QDate(2026, 3, 1),
                          "INV-US-2026-000001",
                          {{project, money("12500.00", "USD"), std::nullopt, {}}},
                          {{project, money("2000.00", "USD"), std::nullopt, {}}},
                          Money()});
        });
        inTx([&] {
            return posting_rules::customerReceipt(*ledger, {us, 3, client, fin, QDate(2026, 3, 20),
                                                            money("14500.00", "USD"),
                                                            money("14500.00", "USD"), "Wire"});
        });
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void chartFromTemplate()
    {
        auto fin = login("fin");
        HttpResult r = fin->get(QStringLiteral("/api/v1/ledger/entities/%1/accounts").arg(us));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(),
                 26); // 0014's 21 and 0021's five (provisions, accruals, intercompany)
        QCOMPARE(items.at(0).toObject().value("name").toString(), QString("Cash at bank"));
        // Same numbers, local names.
        QCOMPARE(text("SELECT name FROM ledger_accounts WHERE legal_entity_id = ? AND number = "
                      "'1100'",
                      {de}),
                 QString("Forderungen aus Lieferungen und Leistungen"));
        r = fin->post(QStringLiteral("/api/v1/ledger/entities/%1/chart").arg(us),
                      {{"template", "US"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("added").toInt(), 0); // idempotent
        QCOMPARE(fin->post(QStringLiteral("/api/v1/ledger/entities/%1/chart").arg(us),
                           {{"template", "FR"}})
                     .status,
                 422);
        // Another entity's finance does not see US.
        auto ukfin = login("ukfin");
        QCOMPARE(ukfin->get(QStringLiteral("/api/v1/ledger/entities/%1/accounts").arg(us)).status,
                 404);
        auto amy = login("amy");
        QCOMPARE(amy->get(QStringLiteral("/api/v1/ledger/entities/%1/accounts").arg(us)).status,
                 403);
    }

    void manualJournalNeedsAnotherApprover()
    {
        auto fin = login("fin");
        auto ctl = login("ctl");
        HttpResult r =
            fin->post("/api/v1/ledger/entries", manual("2026-03-31", "6000", "2000", m("2500.00")));
        QCOMPARE(r.status, 201);
        QJsonObject e = r.json();
        QCOMPARE(e.value("status").toString(), QString("pending"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines"), 0); // not in any balance yet
        const QString approval = "/api/v1/approvals/" + e.value("approval_id").toString();
        QVERIFY(!e.value("approval_id").toString().isEmpty());
        QCOMPARE(fin->post(approval + "/approve", {}).status, 403); // finance, and its author
        r = ctl->post(approval + "/approve", {});
        QVERIFY2(r.status == 200, r.body.constData());
        r = ctl->get("/api/v1/ledger/entries/" + e.value("id").toString());
        KEEL_COVERS_TRANSITION("journal_entry", "pending", "approve",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("lines").toArray().size(), 2);
        QCOMPARE(r.json().value("approved_by").toString(), QString::number(this->ctl));
        QCOMPARE(ctl->post(approval + "/approve", {}).status, 409);

        // Unbalanced or unknown accounts: 422 at once.
        QJsonObject bad = manual("2026-03-31", "6000", "2000", m("1.00"));
        QJsonArray lines = bad.value("lines").toArray();
        lines[1] = QJsonObject{{"account", "2000"}, {"credit", m("2.00")}};
        bad.insert("lines", lines);
        r = fin->post("/api/v1/ledger/entries", bad);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines:unbalanced"));
        r = fin->post("/api/v1/ledger/entries", manual("2026-03-31", "6001", "2000", m("1.00")));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines/0/account:not_found"));
        QJsonObject stray = manual("2026-03-31", "6000", "2000", m("1.00"));
        lines = stray.value("lines").toArray();
        lines[0] = QJsonObject{{"account", "6000"}, {"debit", m("1.00")}, {"project_id", "999999"}};
        stray.insert("lines", lines);
        r = fin->post("/api/v1/ledger/entries", stray);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines/0/project_id:unknown"));
        auto amy = login("amy");
        QCOMPARE(
            amy->post("/api/v1/ledger/entries", manual("2026-03-31", "6000", "2000", m("1.00")))
                .status,
            403);

        // A controller's own entry waits for another controller.
        r = ctl->post("/api/v1/ledger/entries", manual("2026-03-31", "6000", "2000", m("3.00")));
        QCOMPARE(r.status, 201);
        QCOMPARE(
            ctl->post("/api/v1/approvals/" + r.json().value("approval_id").toString() + "/approve",
                      {})
                .status,
            403);

        // Rejected with a reason; it never posts.
        r = fin->post("/api/v1/ledger/entries", manual("2026-03-31", "6000", "2000", m("7.00")));
        QCOMPARE(r.status, 201);
        e = r.json();
        const QString a2 = "/api/v1/approvals/" + e.value("approval_id").toString();
        QCOMPARE(ctl->post(a2 + "/reject", {}).status, 422);
        r = ctl->post(a2 + "/reject", {{"comment", "wrong account"}});
        QVERIFY2(r.status == 200, r.body.constData());
        r = ctl->get("/api/v1/ledger/entries/" + e.value("id").toString());
        KEEL_COVERS_TRANSITION("journal_entry", "pending", "reject",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("rejection_reason").toString(), QString("wrong account"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines"), 2);
    }

    void reversalInsteadOfEdit()
    {
        postSome();
        auto ctl = login("ctl");
        const qint64 bill =
            scalar("SELECT id FROM journal_entries WHERE source_type = 'vendor_bill'");
        const QString path = QStringLiteral("/api/v1/ledger/entries/%1").arg(bill);
        HttpResult r = ctl->post(path + "/reverse", {});
        QCOMPARE(r.status, 201);
        const QJsonObject rev = r.json();
        QCOMPARE(rev.value("reverses_id").toString(), QString::number(bill));
        QCOMPARE(rev.value("date").toString(), QString("2026-02-28"));
        r = ctl->get(path);
        KEEL_COVERS_TRANSITION("journal_entry", "posted", "reverse",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("reversed_by_id").toString(), rev.value("id").toString());
        // The pair nets to zero on every account, at the original functional amounts.
        QCOMPARE(text("SELECT string_agg(DISTINCT (sum)::text, ',') FROM (SELECT "
                      "ledger_account_id, sum(functional_debit - functional_credit) FROM "
                      "journal_lines WHERE entry_id IN (?, ?) GROUP BY 1) t",
                      {bill, rev.value("id").toString().toLongLong()}),
                 QString("0.0000"));
        QCOMPARE(ctl->post(path + "/reverse", {}).status, 409);
        QCOMPARE(ctl->post("/api/v1/ledger/entries/" + rev.value("id").toString() + "/reverse", {})
                     .status,
                 409);
        // Into a hard-closed period: 423; without a date the reversal of such an entry is dated
        // today.
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed' "
                                           "WHERE legal_entity_id = %1 AND period_start = "
                                           "'2026-03-01'")
                                .arg(us));
        const qint64 receipt =
            scalar("SELECT id FROM journal_entries WHERE source_type = 'customer_receipt'");
        r = ctl->post(QStringLiteral("/api/v1/ledger/entries/%1/reverse").arg(receipt),
                      {{"date", "2026-03-31"}});
        QCOMPARE(r.status, 423);
        auto fin = login("fin2");
        r = fin->post(QStringLiteral("/api/v1/ledger/entries/%1/reverse").arg(receipt), {});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("date").toString(), QDate::currentDate().toString(Qt::ISODate));
    }

    void trialBalanceReportsAndDrillDown()
    {
        postSome();
        auto fin = login("fin");
        HttpResult r = fin->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance?from="
                                               "2026-01-01&to=2026-12-31")
                                    .arg(us));
        QCOMPARE(r.status, 200);
        QJsonObject tb = r.json();
        QVERIFY(tb.value("balanced").toBool());
        QCOMPARE(tb.value("total_debit").toObject(), m("43000.00"));
        QCOMPARE(tb.value("total_credit").toObject(), m("43000.00"));
        QHash<QString, QString> balance;
        for (const QJsonValue &v : tb.value("items").toArray())
            balance.insert(v.toObject().value("number").toString(),
                           v.toObject().value("balance").toObject().value("amount").toString());
        QCOMPARE(balance.value("1000"), QString("14500.00"));
        QCOMPARE(balance.value("1100"), QString("0.00"));
        QCOMPARE(balance.value("1150"), QString("0.00"));
        QCOMPARE(balance.value("2000"), QString("-1500.00"));
        QCOMPARE(balance.value("2200"), QString("-2000.00"));
        QCOMPARE(balance.value("4000"), QString("-12500.00"));
        QCOMPARE(balance.value("5100"), QString("1500.00"));
        // A range: February only.
        r = fin->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance?from=2026-02-01&to="
                                    "2026-02-28")
                         .arg(us));
        QCOMPARE(r.json().value("total_debit").toObject(), m("14000.00"));
        // March: each account opens at its balance to the end of February and closes at its
        // balance to the end of March; both columns sum to zero.
        const auto balancesTo = [&](const QString &to) {
            QHash<QString, QString> out;
            const QJsonObject all =
                fin->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance?to=%2")
                             .arg(us)
                             .arg(to))
                    .json();
            for (const QJsonValue &v : all.value("items").toArray())
                out.insert(v.toObject().value("number").toString(),
                           v.toObject().value("balance").toObject().value("amount").toString());
            return out;
        };
        const QHash<QString, QString> february = balancesTo("2026-02-28");
        const QHash<QString, QString> march = balancesTo("2026-03-31");
        const QJsonObject marchTb =
            fin->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance?from=2026-03-01&"
                                    "to=2026-03-31")
                         .arg(us))
                .json();
        QVERIFY(marchTb.value("balanced").toBool());
        QCOMPARE(marchTb.value("total_opening").toObject(), m("0.00"));
        QCOMPARE(marchTb.value("total_closing").toObject(), m("0.00"));
        QVERIFY(!march.isEmpty());
        int opened = 0;
        for (const QJsonValue &v : marchTb.value("items").toArray()) {
            const QJsonObject a = v.toObject();
            const QString n = a.value("number").toString();
            QCOMPARE(a.value("opening").toObject().value("amount").toString(),
                     february.value(n, QStringLiteral("0.00")));
            QCOMPARE(a.value("closing").toObject().value("amount").toString(), march.value(n));
            opened += february.value(n, QStringLiteral("0.00")) != QLatin1String("0.00") ? 1 : 0;
        }
        QVERIFY(opened > 0); // February's postings open March
        QCOMPARE(
            fin->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance?from=march").arg(us))
                .status,
            400);

        r = fin->get(QStringLiteral("/api/v1/ledger/entities/%1/profit-and-loss?from=2026-01-01&"
                                    "to=2026-12-31")
                         .arg(us));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("net_income").toObject(), m("11000.00"));
        r = fin->get(
            QStringLiteral("/api/v1/ledger/entities/%1/balance-sheet?as_of=2026-12-31").arg(us));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value("balanced").toBool());
        QCOMPARE(r.json().value("current_earnings").toObject(), m("11000.00"));

        // Drill-down from the payables account to the vendor bill behind it.
        const qint64 ap = scalar("SELECT id FROM ledger_accounts WHERE legal_entity_id = ? AND "
                                 "number = '2000'",
                                 {us});
        r = fin->get(QStringLiteral("/api/v1/ledger/accounts/%1/lines?limit=10").arg(ap));
        QCOMPARE(r.status, 200);
        const QJsonArray lines = r.json().value("items").toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).toObject().value("source_type").toString(), QString("vendor_bill"));
        QCOMPARE(lines.at(0).toObject().value("source_id").toString(), QString("1"));
        QCOMPARE(lines.at(0).toObject().value("credit").toObject(), m("1384.53", "EUR"));
        QCOMPARE(lines.at(0).toObject().value("functional_credit").toObject(), m("1500.00"));
        auto ukfin = login("ukfin");
        QCOMPARE(ukfin->get(QStringLiteral("/api/v1/ledger/accounts/%1/lines").arg(ap)).status,
                 404);
    }

    void exportParsesInHledgerWithTheTrialBalanceTotals()
    {
        postSome();
        // A manual entry with an awkward description too.
        auto fin = login("fin");
        auto ctl = login("ctl");
        QJsonObject body = manual("2026-03-31", "6000", "2000", m("99.99"));
        body.insert("description", "Audit; fee:  Q1\nsecond line");
        const QJsonObject e = fin->post("/api/v1/ledger/entries", body).json();
        QCOMPARE(
            ctl->post("/api/v1/approvals/" + e.value("approval_id").toString() + "/approve", {})
                .status,
            200);

        HttpResult r = fin->get("/api/v1/ledger/export?entity=US&from=2026-01-01&to=2026-12-31"
                                "&format=ledger");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        QTemporaryDir dir;
        const QString file = dir.filePath("us.journal");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.body);
        f.close();

        QProcess hledger;
        hledger.start("hledger", {"-f", file, "bal", "--flat", "--no-total", "-O", "csv"});
        QVERIFY(hledger.waitForFinished(30000));
        QVERIFY2(hledger.exitCode() == 0, hledger.readAllStandardError().constData());
        QHash<QString, QString> fromHledger;
        const QStringList rows =
            QString::fromUtf8(hledger.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        for (const QString &row : rows.mid(1)) { // "account","balance"
            const QStringList cells = row.split("\",\"");
            QCOMPARE(cells.size(), 2);
            const QString account = cells.at(0).mid(1);
            QString amount = cells.at(1);
            amount.chop(1);
            fromHledger.insert(account.section(':', 1).section(' ', 0, 0),
                               amount.remove(" USD").remove(','));
        }

        const QJsonObject tb = fin->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance"
                                                       "?from=2026-01-01&to=2026-12-31")
                                            .arg(us))
                                   .json();
        QHash<QString, QString> fromTb;
        for (const QJsonValue &v : tb.value("items").toArray()) {
            const QString amount =
                v.toObject().value("balance").toObject().value("amount").toString();
            if (amount != "0.00") // hledger leaves out accounts that net to zero
                fromTb.insert(v.toObject().value("number").toString(), amount);
        }
        QCOMPARE(fromHledger, fromTb);
        QCOMPARE(fromTb.size(), 6);

        // hledger agrees that every transaction balances (it refuses the file otherwise) and the
        // whole journal nets to zero.
        QProcess total;
        total.start("hledger", {"-f", file, "bal", "-O", "csv"});
        QVERIFY(total.waitForFinished(30000));
        QVERIFY(QString::fromUtf8(total.readAllStandardOutput()).contains("\"total\",\"0\""));
    }

    void vendorBillApprovedThroughTheApiPosts()
    {
        auto fin = login("fin");
        auto fin2 = login("fin2");
        HttpResult r = fin->post("/api/v1/vendors", {{"legal_entity", "US"},
                                                     {"name", "Berlin Data GmbH"},
                                                     {"country", "DE"},
                                                     {"currency", "EUR"}});
        QCOMPARE(r.status, 201);
        r = fin->post("/api/v1/vendor-bills",
                      {{"vendor_id", r.json().value("id")},
                       {"vendor_ref", "BD-7"},
                       {"bill_date", "2026-03-02"},
                       {"currency", "EUR"},
                       {"lines", QJsonArray{QJsonObject{{"project_id", QString::number(project)},
                                                        {"description", "Pipelines"},
                                                        {"hours", "10"},
                                                        {"rate", "90.50"}}}}});
        QVERIFY2(r.status == 201, r.body.constData());
        QJsonObject bill = r.json();
        const QString path = "/api/v1/vendor-bills/" + bill.value("id").toString();
        r = fin->post(path + "/submit", {{"version", bill.value("version")}});
        QCOMPARE(r.status, 200);
        r = fin2->post(path + "/decide",
                       {{"decision", "approve"}, {"version", r.json().value("version")}});
        QVERIFY2(r.status == 200, r.body.constData());
        const qint64 entry = scalar("SELECT id FROM journal_entries WHERE source_type = "
                                    "'vendor_bill' AND source_id = ?",
                                    {bill.value("id").toString()});
        QVERIFY(entry > 0);
        // 905.00 EUR × 1.1 = 995.50 USD.
        QCOMPARE(linesOf(entry),
                 (QStringList{"5100 Dr 905.00 EUR / 995.50 p1", "2000 Cr 905.00 EUR / 995.50 p-"}));
    }
};

QTEST_GUILESS_MAIN(LedgerReportsTest)
#include "tst_ledger_reports.moc"
