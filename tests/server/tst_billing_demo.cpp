// The demo firm's billing and cash history (server/admin/demo_billing): loaded once at scale 1,
// then read the way finance reads it — a trial balance that balances for every entity,
// receivables on the ledger equal to what the invoices say is open, gapless invoice numbers,
// every billing model, credit notes, write-downs, an aging with something in every bucket, last
// month's time still waiting for the Billing workspace, and the plain-text ledger export of an
// entity parsed back to the trial balance's totals.

#include "admin/demo_firm.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>
#include <optional>

using namespace keel;
using namespace keel::test;

namespace {

// Decimal text with at most 4 places → hundredths of a cent (10^-4), exact.
qint64 units4(QString text)
{
    text = text.trimmed().remove(QLatin1Char(','));
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text.remove(0, 1);
    const QString whole = text.section(QLatin1Char('.'), 0, 0);
    const QString frac = text.section(QLatin1Char('.'), 1, 1).leftJustified(4, QLatin1Char('0'));
    const qint64 v = whole.toLongLong() * 10000 + frac.left(4).toLongLong();
    return negative ? -v : v;
}

} // namespace

class BillingDemoTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::optional<TestServer> m_server;
    QHash<QString, qint64> m_entities; // code → id

    QSqlQuery run(const QString &sql)
    {
        QSqlQuery q(m_db->sql());
        if (!q.exec(sql))
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q;
    }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q = run(sql);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    QString text(const QString &sql)
    {
        QSqlQuery q = run(sql);
        return q.next() ? q.value(0).toString() : QString();
    }

    std::unique_ptr<HttpClient> controller()
    {
        auto c = std::make_unique<HttpClient>(m_server->baseUrl());
        const HttpResult r = c->login(QStringLiteral("controller"), QStringLiteral("demo"));
        if (r.status != 200)
            qWarning("login: %d %s", r.status, r.body.constData());
        return c;
    }

private slots:
    void initTestCase()
    {
        m_db.emplace(TestDatabase::create(QStringLiteral("billing_demo")));
        QSqlDatabase sql = m_db->sql();
        QElapsedTimer timer;
        timer.start();
        const DemoLoadResult r = loadDemoFirm(sql, 1, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        qInfo("demo firm at scale 1 loaded in %.1f s", double(timer.elapsed()) / 1000.0);
        QSqlQuery q = run(QStringLiteral("SELECT code, id FROM legal_entities"));
        while (q.next())
            m_entities.insert(q.value(0).toString(), q.value(1).toLongLong());
        QCOMPARE(m_entities.size(), 3);
        qInfo("%s", qPrintable(text(QStringLiteral(
                        "SELECT format('invoices %s, credit notes %s, write-downs %s, receipts "
                        "%s, vendor bills %s, vendor payments %s, journal entries %s', "
                        "(SELECT count(*) FROM invoices WHERE kind = 'invoice' AND number IS NOT "
                        "NULL), (SELECT count(*) FROM invoices WHERE kind = 'credit_note'), "
                        "(SELECT count(*) FROM invoice_lines WHERE write_down > 0), "
                        "(SELECT count(*) FROM customer_receipts), (SELECT count(*) FROM "
                        "vendor_bills), (SELECT count(*) FROM vendor_payments), (SELECT "
                        "count(*) FROM journal_entries))"))));
        m_server.emplace(*m_db);
        m_server->start();
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_db.reset();
    }

    // Every entity's functional debits equal its credits, over all of its history, and the
    // trial balance finance reads says so too.
    void trialBalanceOfEveryEntityBalances()
    {
        QSqlQuery q = run(QStringLiteral(
            "SELECT e.code, coalesce(sum(l.functional_debit), 0), "
            "       coalesce(sum(l.functional_credit), 0), count(l.*) "
            "FROM legal_entities e LEFT JOIN journal_lines l ON l.legal_entity_id = e.id "
            "GROUP BY e.code ORDER BY e.code"));
        int entities = 0;
        while (q.next()) {
            ++entities;
            QVERIFY2(q.value(3).toLongLong() > 1000, qPrintable(q.value(0).toString()));
            QCOMPARE(q.value(1).toString(), q.value(2).toString());
        }
        QCOMPARE(entities, 3);
        auto c = controller();
        for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
            const HttpResult r = c->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance"
                                                       "?from=2024-01-01&to=2026-12-31")
                                            .arg(it.value()));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value("balanced").toBool(), true);
            QCOMPARE(r.json().value("total_debit").toObject().value("amount").toString(),
                     r.json().value("total_credit").toObject().value("amount").toString());
        }
    }

    // The vendor bills and expense reports the demo loads as approved are in the ledger, once.
    void approvedBillsAndExpenseReportsPosted()
    {
        QVERIFY(scalar("SELECT count(*) FROM vendor_bills WHERE status <> 'submitted'") > 100);
        QCOMPARE(scalar("SELECT count(*) FROM vendor_bills b WHERE b.status IN ('approved', "
                        "'partially_paid', 'paid') AND NOT EXISTS (SELECT 1 FROM "
                        "journal_entries j WHERE j.source_type = 'vendor_bill' AND j.source_id "
                        "= b.id::text)"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM vendor_bills b WHERE b.status = 'submitted' AND "
                        "EXISTS (SELECT 1 FROM journal_entries j WHERE j.source_type = "
                        "'vendor_bill' AND j.source_id = b.id::text)"),
                 0);
        QVERIFY(scalar("SELECT count(*) FROM expense_reports WHERE status = 'approved'") > 500);
        QCOMPARE(scalar("SELECT count(*) FROM expense_reports r WHERE r.status = 'approved' AND "
                        "NOT EXISTS (SELECT 1 FROM journal_entries j WHERE j.source_type = "
                        "'expense_report' AND j.source_id = r.id::text)"),
                 0);
        // Each posted at its total: AP credited with the bills' totals, employee payables with
        // the reports' converted amounts.
        QCOMPARE(text("SELECT sum(total) FROM vendor_bills WHERE status IN ('approved', "
                      "'partially_paid', 'paid')"),
                 text("SELECT sum(l.functional_credit) FROM journal_lines l JOIN "
                      "journal_entries j ON j.id = l.entry_id JOIN ledger_accounts a ON "
                      "a.id = l.ledger_account_id WHERE j.source_type = 'vendor_bill' AND "
                      "a.role = 'accounts_payable'"));
        QCOMPARE(text("SELECT sum(x.functional_amount) FROM expenses x JOIN expense_reports r "
                      "ON r.id = x.report_id WHERE r.status = 'approved'"),
                 text("SELECT sum(l.functional_credit) FROM journal_lines l JOIN "
                      "journal_entries j ON j.id = l.entry_id JOIN ledger_accounts a ON "
                      "a.id = l.ledger_account_id WHERE j.source_type = 'expense_report' AND "
                      "a.role = 'employee_payables'"));
    }

    void bankAccountsPerEntity()
    {
        QCOMPARE(scalar("SELECT count(DISTINCT legal_entity_id) FROM bank_accounts"), 3);
        // In their functional currency, but for the dollar accounts of the UK and DE companies
        // that the month-end FX revaluation revalues (demo_close).
        QCOMPARE(scalar("SELECT count(*) FROM bank_accounts b JOIN legal_entities e ON e.id = "
                        "b.legal_entity_id WHERE b.currency <> e.functional_currency"),
                 2);
    }

    // AR on the ledger is what the issued invoices leave open at the functional amounts they
    // carry, less the cash received and not yet applied, per entity, to the cent.
    void receivablesOnTheLedgerEqualOpenInvoices()
    {
        QSqlQuery q = run(QStringLiteral(
            "SELECT e.code, "
            "  (SELECT coalesce(sum(l.functional_debit - l.functional_credit), 0) "
            "   FROM journal_lines l JOIN ledger_accounts a ON a.id = l.ledger_account_id "
            "   WHERE l.legal_entity_id = e.id AND a.role = 'accounts_receivable'), "
            "  (SELECT coalesce(sum(i.functional_total - i.functional_paid), 0) FROM invoices i "
            "   WHERE i.legal_entity_id = e.id AND i.kind = 'invoice' AND i.status IN "
            "   ('issued', 'partially_paid')), "
            "  (SELECT coalesce(sum(r.functional_amount - round(r.allocated * r.fx_rate, 2)), 0) "
            "   FROM customer_receipts r WHERE r.legal_entity_id = e.id) "
            "FROM legal_entities e ORDER BY e.code"));
        int n = 0;
        while (q.next()) {
            ++n;
            const qint64 ledger = units4(q.value(1).toString());
            const qint64 open = units4(q.value(2).toString());
            const qint64 unapplied = units4(q.value(3).toString());
            QVERIFY2(open > 0, qPrintable(q.value(0).toString()));
            QVERIFY2(ledger == open - unapplied,
                     qPrintable(QStringLiteral("%1: ledger %2, open %3, unapplied %4")
                                    .arg(q.value(0).toString(), q.value(1).toString(),
                                         q.value(2).toString(), q.value(3).toString())));
        }
        QCOMPARE(n, 3);
    }

    void invoiceNumbersAreGaplessPerEntityAndYear()
    {
        QSqlQuery q = run(QStringLiteral(
            "SELECT legal_entity_id, kind, extract(year FROM invoice_date)::int, count(*), "
            "       min(substring(number FROM '([0-9]+)$')::int), "
            "       max(substring(number FROM '([0-9]+)$')::int), "
            "       count(DISTINCT number) "
            "FROM invoices WHERE number IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"));
        int groups = 0;
        while (q.next()) {
            ++groups;
            QCOMPARE(q.value(4).toInt(), 1);
            QCOMPARE(q.value(5).toLongLong(), q.value(3).toLongLong());
            QCOMPARE(q.value(6).toLongLong(), q.value(3).toLongLong());
        }
        QVERIFY(groups >= 6); // three entities, two years
        // The number names its entity, kind and year.
        QCOMPARE(scalar("SELECT count(*) FROM invoices i JOIN legal_entities e ON e.id = "
                        "i.legal_entity_id WHERE i.number IS NOT NULL AND i.number NOT LIKE "
                        "CASE i.kind WHEN 'invoice' THEN 'INV-' ELSE 'CN-' END || e.code || '-' "
                        "|| extract(year FROM i.invoice_date) || '-%'"),
                 0);
    }

    void everyBillingModelCreditNotesAndWriteDowns()
    {
        for (const char *kind :
             {"time", "expense", "milestone", "fixed_fee", "retainer_fee", "subscription"}) {
            QVERIFY2(scalar(QStringLiteral("SELECT count(*) FROM invoice_lines l JOIN invoices "
                                           "i ON i.id = l.invoice_id WHERE i.number IS NOT NULL "
                                           "AND l.kind = '%1'")
                                .arg(QLatin1String(kind))) > 0,
                     kind);
        }
        QVERIFY(scalar("SELECT count(*) FROM invoices WHERE kind = 'credit_note' AND number IS "
                       "NOT NULL") >= 2);
        QVERIFY(scalar("SELECT count(*) FROM invoices WHERE status = 'voided'") >= 1);
        QVERIFY(scalar("SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = "
                       "l.invoice_id WHERE i.number IS NOT NULL AND l.write_down > 0 AND "
                       "l.write_down_status = 'approved'") >= 3);
        // Invoices of every entity, in every month from the first billed one to the month
        // before last.
        QCOMPARE(scalar("SELECT count(DISTINCT legal_entity_id) FROM invoices WHERE number IS "
                        "NOT NULL"),
                 3);
    }

    // Most clients pay on time, some systematically late, some in parts; a few invoices are
    // still unpaid long after their due date.
    void receiptsFollowEachClientsHabit()
    {
        QVERIFY(scalar("SELECT count(*) FROM customer_receipts") > 1000);
        QVERIFY(scalar("SELECT count(*) FROM invoices WHERE status = 'paid'") > 1000);
        QVERIFY(scalar("SELECT count(*) FROM invoices WHERE status = 'partially_paid'") > 5);
        // Paid more than 30 days late, by clients who pay late every time.
        QVERIFY(scalar("SELECT count(DISTINCT i.account_id) FROM invoices i JOIN "
                       "receipt_allocations a ON a.invoice_id = i.id JOIN customer_receipts r ON "
                       "r.id = a.receipt_id WHERE r.receipt_date > i.due_date + 30") >= 5);
        // Most invoices are paid within ten days of their due date.
        QVERIFY(scalar("SELECT count(*) FROM invoices WHERE status = 'paid'") >
                2 * scalar("SELECT count(*) FROM invoices i WHERE i.status = 'paid' AND "
                           "(SELECT max(r.receipt_date) FROM receipt_allocations a JOIN "
                           "customer_receipts r ON r.id = a.receipt_id WHERE a.invoice_id = "
                           "i.id) > i.due_date + 10"));
        // Vendor bills paid when due; last month's still open.
        QVERIFY(scalar("SELECT count(*) FROM vendor_payments") > 100);
        QVERIFY(scalar("SELECT count(*) FROM vendor_bills WHERE status = 'paid'") > 100);
        QVERIFY(scalar("SELECT count(*) FROM vendor_bills WHERE status = 'approved'") > 0);
    }

    // What is overdue is being chased, harder the older it is; nothing else is.
    void overdueInvoicesAreDunned()
    {
        for (int level = 1; level <= 3; ++level)
            QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE dunning_level = %1 "
                                          "AND status IN ('issued', 'partially_paid')")
                               .arg(level)) > 0);
        QCOMPARE(scalar("SELECT count(*) FROM invoices WHERE dunning_level > 0 AND due_date >= "
                        "'2026-11-01'"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM invoices WHERE dunning_level = 3 AND due_date >= "
                        "'2026-08-31'"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM invoices i WHERE i.dunning_level > 0 AND NOT "
                        "EXISTS (SELECT 1 FROM collection_notes n WHERE n.invoice_id = i.id AND "
                        "n.dunning_level = i.dunning_level)"),
                 0);
    }

    void agingHasAmountsInEveryBucket()
    {
        auto c = controller();
        QHash<QString, qint64> buckets;
        for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
            const HttpResult r = c->get(QStringLiteral("/api/v1/receivables/aging"
                                                       "?legal_entity_id=%1&as_of=2026-11-15")
                                            .arg(it.value()));
            QCOMPARE(r.status, 200);
            // One total per currency (the entity's functional one here).
            for (const QJsonValue &t : r.json().value("totals").toArray())
                for (const char *b : {"current", "d1_30", "d31_60", "d61_90", "d90_plus"})
                    buckets[QLatin1String(b)] += units4(
                        t.toObject().value(QLatin1String(b)).toObject().value("amount").toString());
        }
        for (const char *b : {"current", "d1_30", "d31_60", "d61_90", "d90_plus"})
            QVERIFY2(buckets.value(QLatin1String(b)) > 0, b);
    }

    // The same scale gives the same billing history: a second load into a fresh database has
    // the same invoices, receipts, payments and journal, row for row.
    void deterministic()
    {
        const QString digest = QStringLiteral(
            "SELECT concat_ws('/', "
            " (SELECT md5(string_agg(concat_ws('|', id, number, kind, status, account_id, "
            "   contract_id, invoice_date, due_date, total, tax_total, amount_paid, "
            "   credits_invoice_id), ',' ORDER BY id)) FROM invoices), "
            " (SELECT md5(string_agg(concat_ws('|', invoice_id, line_no, kind, amount, "
            "   write_down, tax_amount), ',' ORDER BY id)) FROM invoice_lines), "
            " (SELECT md5(string_agg(concat_ws('|', id, account_id, receipt_date, amount, "
            "   allocated, reference), ',' ORDER BY id)) FROM customer_receipts), "
            " (SELECT md5(string_agg(concat_ws('|', receipt_id, invoice_id, amount), ',' "
            "   ORDER BY id)) FROM receipt_allocations), "
            " (SELECT md5(string_agg(concat_ws('|', id, vendor_id, payment_date, amount), ',' "
            "   ORDER BY id)) FROM vendor_payments), "
            " (SELECT md5(string_agg(concat_ws('|', id, entry_date, source_type, source_id, "
            "   purpose), ',' ORDER BY id)) FROM journal_entries), "
            " (SELECT md5(string_agg(concat_ws('|', entry_id, ledger_account_id, "
            "   functional_debit, functional_credit, project_id, client_account_id), ',' "
            "   ORDER BY id)) FROM journal_lines))");
        const QString first = text(digest);
        QVERIFY(!first.isEmpty());
        auto again = TestDatabase::create(QStringLiteral("billing_demo_again"));
        QSqlDatabase sql = again.sql();
        const DemoLoadResult r = loadDemoFirm(sql, 1, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QSqlQuery q(sql);
        QVERIFY(q.exec(digest) && q.next());
        QCOMPARE(q.value(0).toString(), first);
    }

    // The operating accounts' statements: last month reconciled (receipts, payments and the
    // bank's fee as a journal), this month waiting, with two client payments nobody recorded
    // that the suggestions trace to their invoice by number and amount.
    void bankStatementsLastMonthReconciled()
    {
        QCOMPARE(scalar("SELECT count(DISTINCT s.bank_account_id) FROM bank_statement_lines s"), 3);
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines WHERE booking_date < "
                        "'2026-11-01' AND status <> 'matched'"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines WHERE booking_date >= "
                        "'2026-11-01' AND status <> 'unmatched'"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines WHERE status = 'matched' AND "
                        "journal_entry_id IS NOT NULL"),
                 3);
        QVERIFY(scalar("SELECT count(*) FROM bank_statement_lines WHERE status = 'matched' AND "
                       "customer_receipt_id IS NOT NULL") > 50);
        QVERIFY(scalar("SELECT count(*) FROM bank_statement_lines WHERE status = 'matched' AND "
                       "vendor_payment_id IS NOT NULL") > 5);
        const qint64 line = scalar("SELECT min(id) FROM bank_statement_lines WHERE reference "
                                   "LIKE 'Payment INV-%' AND status = 'unmatched'");
        QVERIFY(line > 0);
        auto c = controller();
        const HttpResult r =
            c->get(QStringLiteral("/api/v1/banking/statement-lines/%1/suggestions").arg(line));
        QCOMPARE(r.status, 200);
        const QJsonObject best = r.json().value("items").toArray().first().toObject();
        QCOMPARE(best.value("kind").toString(), QStringLiteral("invoice"));
        QCOMPARE(best.value("reason").toString(), QStringLiteral("amount_and_reference"));
        QCOMPARE(QStringLiteral("Payment ") + best.value("number").toString(),
                 text(QStringLiteral("SELECT reference FROM bank_statement_lines WHERE id = %1")
                          .arg(line)));
    }

    // Last month's approved time is not issued yet: its runs left drafts for the billing review
    // (demo_invoice_errors.cpp), the rest of the time waits for the Billing workspace.
    void lastMonthIsLeftForTheBillingWorkspace()
    {
        QVERIFY(scalar("SELECT count(*) FROM time_entries t WHERE t.status = 'approved' AND "
                       "t.billable AND t.work_date BETWEEN '2026-10-01' AND '2026-10-31' AND NOT "
                       "EXISTS (SELECT 1 FROM billing_sources s WHERE s.source_kind = "
                       "'time_entry' AND s.source_key = t.id::text AND s.released_at IS NULL)") >
                10000);
        QCOMPARE(scalar("SELECT count(*) FROM invoices WHERE period_start >= '2026-10-01' AND "
                        "status <> 'draft'"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM invoices WHERE status = 'approved' OR (status = "
                        "'draft' AND period_start < '2026-10-01')"),
                 0);
    }

    // The export of one entity, read back with a small parser of the ledger format (dated
    // transactions, one posting per line, amounts with their commodity), has the trial
    // balance's totals per account, and every transaction balances.
    void ledgerExportParsesWithTheTrialBalanceTotals()
    {
        auto c = controller();
        const qint64 uk = m_entities.value(QStringLiteral("UK"));
        const HttpResult r =
            c->get(QStringLiteral("/api/v1/ledger/export?entity=%1&from=2024-01-01&to=2026-12-31"
                                  "&format=ledger")
                       .arg(uk));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));

        static const QRegularExpression header(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}) "));
        static const QRegularExpression posting(
            QStringLiteral("^\\s+([a-z]+:(\\d{4})[^;]*?)\\s{2,}(-?[0-9][0-9,]*(?:\\.[0-9]+)?) "
                           "([A-Z]{3})\\s*(;.*)?$"));
        QHash<QString, qint64> perAccount;
        int transactions = 0;
        qint64 open = 0; // the running sum of the current transaction
        bool inTransaction = false;
        const QStringList lines = QString::fromUtf8(r.body).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char(';')))
                continue;
            if (header.match(line).hasMatch()) {
                if (inTransaction)
                    QVERIFY2(open == 0, qPrintable(line));
                QVERIFY(QDate::fromString(line.left(10), Qt::ISODate).isValid());
                ++transactions;
                open = 0;
                inTransaction = true;
                continue;
            }
            const QRegularExpressionMatch m = posting.match(line);
            QVERIFY2(m.hasMatch() && inTransaction, qPrintable(line));
            QCOMPARE(m.captured(4), QStringLiteral("GBP"));
            const qint64 amount = units4(m.captured(3));
            perAccount[m.captured(2)] += amount;
            open += amount;
        }
        QVERIFY(!inTransaction || open == 0);
        QCOMPARE(qint64(transactions),
                 scalar(QStringLiteral("SELECT count(*) FROM journal_entries WHERE "
                                       "legal_entity_id = %1 AND status <> 'pending' AND "
                                       "status <> 'rejected'")
                            .arg(uk)));

        // The trial balance over the same dates, as finance reads it.
        const HttpResult tb = c->get(QStringLiteral("/api/v1/ledger/entities/%1/trial-balance"
                                                    "?from=2024-01-01&to=2026-12-31")
                                         .arg(uk));
        QCOMPARE(tb.status, 200);
        QHash<QString, qint64> fromTb;
        for (const QJsonValue &v : tb.json().value("items").toArray()) {
            const qint64 balance =
                units4(v.toObject().value("balance").toObject().value("amount").toString());
            if (balance != 0)
                fromTb.insert(v.toObject().value("number").toString(), balance);
        }
        QHash<QString, qint64> fromExport;
        for (auto it = perAccount.cbegin(); it != perAccount.cend(); ++it)
            if (it.value() != 0)
                fromExport.insert(it.key(), it.value());
        QVERIFY(fromTb.size() >= 8);
        QCOMPARE(fromExport, fromTb);
    }
};

QTEST_GUILESS_MAIN(BillingDemoTest)
#include "tst_billing_demo.moc"
