// The ledger's guarantees: the database itself refuses an unbalanced entry and a posting into a
// hard-closed period; each posting rule of DESIGN.md section 7 to the cent; each operational
// event posts exactly once; the approval flows of vendor bills and expense reports post.

#include "tst_ledger_fixture.h"

#include <QThread>

#include <functional>

using namespace keel;
using namespace keel::test;

class LedgerPostingsTest : public QObject, public LedgerFixture
{
    Q_OBJECT

    // An entry by raw SQL, as a careless script would write it; true when COMMIT succeeded.
    bool rawEntry(const QString &date, const QString &debit, const QString &credit,
                  QString *error = nullptr)
    {
        QSqlDatabase sql = db->sql();
        QSqlQuery q(sql);
        const auto run = [&](const QString &s) {
            if (!q.exec(s)) {
                if (error)
                    *error = q.lastError().text();
                return false;
            }
            return true;
        };
        if (!run("BEGIN"))
            return false;
        const QString acc = QStringLiteral("(SELECT id FROM ledger_accounts WHERE "
                                           "legal_entity_id = %1 AND number = '%2')");
        const bool ok =
            run(QStringLiteral("INSERT INTO journal_entries (legal_entity_id, entry_date, "
                               "source_type, source_id, description) VALUES (%1, '%2', "
                               "'manual_journal', 'raw-%2-%3', 'raw')")
                    .arg(us)
                    .arg(date, debit)) &&
            run(QStringLiteral("INSERT INTO journal_lines (entry_id, legal_entity_id, "
                               "entry_date, seq, ledger_account_id, currency, debit, fx_rate, "
                               "functional_debit) VALUES (currval('journal_entries_id_seq'), "
                               "%1, '%2', 1, %3, 'USD', %4, 1, %4)")
                    .arg(us)
                    .arg(date, acc.arg(us).arg("1000"), debit)) &&
            run(QStringLiteral("INSERT INTO journal_lines (entry_id, legal_entity_id, "
                               "entry_date, seq, ledger_account_id, currency, credit, fx_rate, "
                               "functional_credit) VALUES (currval('journal_entries_id_seq'), "
                               "%1, '%2', 2, %3, 'USD', %4, 1, %4)")
                    .arg(us)
                    .arg(date, acc.arg(us).arg("4000"), credit)) &&
            run("COMMIT");
        if (!ok)
            q.exec("ROLLBACK");
        return ok;
    }

    int statusOf(const std::function<void()> &f)
    {
        try {
            f();
        } catch (const ApiError &e) {
            return e.problem().status;
        }
        return 200;
    }

    posting_rules::VendorBillApproved bill(qint64 id)
    {
        return {us,
                id,
                ctl,
                fin,
                QDate(2026, 2, 28),
                "BD-1",
                {{project, money("1000.00", "EUR"), std::nullopt, "Data engineering"},
                 {project2, money("384.53", "EUR"), std::nullopt, "Data engineering"}}};
    }

    bool q1Line(QString *error)
    {
        QSqlQuery q(db->sql());
        q.exec("BEGIN");
        bool ok = q.exec(QStringLiteral("INSERT INTO journal_entries (legal_entity_id, entry_date, "
                                        "source_type, source_id, description) VALUES (%1, "
                                        "'2026-01-10', 'manual_journal', 'one', 'one')")
                             .arg(us));
        ok = ok && q.exec("COMMIT");
        if (!ok) {
            *error = q.lastError().text();
            q.exec("ROLLBACK");
        }
        return ok;
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void theDatabaseRejectsAnUnbalancedEntry()
    {
        QString error;
        QVERIFY(!rawEntry("2026-01-10", "10.00", "9.99", &error));
        QVERIFY2(error.contains("unbalanced"), qPrintable(error));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 0);
        // A single-sided "entry" is not a posting either.
        QVERIFY(!q1Line(&error));
        QVERIFY2(error.contains("at least two"), qPrintable(error));
        QVERIFY(rawEntry("2026-01-10", "10.00", "10.00"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines"), 2);
        // Posted lines never change.
        QSqlQuery q(db->sql());
        QVERIFY(
            !q.exec("UPDATE journal_lines SET functional_debit = 11, debit = 11 WHERE seq = 1"));
        QVERIFY(!q.exec("DELETE FROM journal_entries"));
        // Through the service an imbalance beyond rounding is a 422 and nothing is written.
        Posting p{us, QDate(2026, 1, 12), "manual_journal", "x1", "post", "x", {}, fin};
        PostingLine d, c;
        d.accountNumber = "1000";
        d.debit = money("10.00", "USD");
        c.accountNumber = "4000";
        c.credit = money("9.00", "USD");
        p.lines = {d, c};
        QCOMPARE(statusOf([&] { inTx([&] { return ledger->post(p); }); }), 422);
        // A cent off without any conversion is an error too, not rounding.
        p.lines[1].credit = money("9.99", "USD");
        QCOMPARE(statusOf([&] { inTx([&] { return ledger->post(p); }); }), 422);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 1);
    }

    void nothingPostsIntoAHardClosedPeriod()
    {
        QCOMPARE(ledger->ensureFiscalYear(us, 2026), 12);
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed' "
                                           "WHERE legal_entity_id = %1 AND period_start = "
                                           "'2026-02-01'; UPDATE accounting_periods SET status = "
                                           "'soft_closed' WHERE legal_entity_id = %1 AND "
                                           "period_start = '2026-03-01'")
                                .arg(us));
        QString error;
        QVERIFY(!rawEntry("2026-02-10", "10.00", "10.00", &error));
        QVERIFY2(error.contains("hard-closed"), qPrintable(error));
        // Soft close stops time and expenses, not the close's own postings.
        QVERIFY(rawEntry("2026-03-10", "10.00", "10.00"));

        // A posting rule dated in it: 423, nothing written.
        QCOMPARE(statusOf([&] {
                     inTx([&] { return posting_rules::vendorBillApproved(*ledger, bill(7)); });
                 }),
                 423);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = 'vendor_bill'"),
                 0);

        // A manual journal through the API: 423.
        auto fin = login("fin");
        const HttpResult r = fin->post(
            "/api/v1/ledger/entries",
            {{"legal_entity_id", QString::number(us)},
             {"date", "2026-02-15"},
             {"description", "Accrual"},
             {"lines",
              QJsonArray{
                  QJsonObject{{"account", "5000"},
                              {"debit", QJsonObject{{"amount", "5.00"}, {"currency", "USD"}}}},
                  QJsonObject{{"account", "2000"},
                              {"credit", QJsonObject{{"amount", "5.00"}, {"currency", "USD"}}}}}}});
        QCOMPARE(r.status, 423);
        QCOMPARE(r.json().value("type").toString().endsWith("period-closed"), true);
    }

    void vendorBillApprovedToTheCent()
    {
        const PostingResult r =
            inTx([&] { return posting_rules::vendorBillApproved(*ledger, bill(41)); });
        QVERIFY(r.created);
        // 1000.00 × 1.0834 = 1083.40; 384.53 × 1.0834 = 416.60; 1384.53 × 1.0834 = 1500.00.
        QCOMPARE(linesOf(r.entryId),
                 (QStringList{"5100 Dr 1000.00 EUR / 1083.40 p1", "5100 Dr 384.53 EUR / 416.60 p2",
                              "2000 Cr 1384.53 EUR / 1500.00 p-"}));
        QCOMPARE(text("SELECT fx_rate::numeric(20,4)::text FROM journal_lines WHERE entry_id = ? "
                      "AND seq = 1",
                      {r.entryId}),
                 QString("1.0834"));
        // The project's client and practice are the lines' dimensions.
        QCOMPARE(
            scalar("SELECT client_account_id FROM journal_lines WHERE entry_id = ? AND seq = 1",
                   {r.entryId}),
            client);
    }

    void conversionRoundingGoesToTheRoundingAccount()
    {
        posting_rules::VendorBillApproved b = bill(42);
        b.lines = {{project, money("0.05", "EUR"), std::nullopt, {}},
                   {project, money("0.05", "EUR"), std::nullopt, {}},
                   {project, money("0.05", "EUR"), std::nullopt, {}}};
        const PostingResult r = inTx([&] { return posting_rules::vendorBillApproved(*ledger, b); });
        QCOMPARE(linesOf(r.entryId),
                 (QStringList{"5100 Dr 0.05 EUR / 0.05 p1", "5100 Dr 0.05 EUR / 0.05 p1",
                              "5100 Dr 0.05 EUR / 0.05 p1", "2000 Cr 0.15 EUR / 0.16 p-",
                              "7900 Dr 0.01 USD / 0.01 p-"}));
    }

    void eachEventPostsExactlyOnce()
    {
        const PostingResult first =
            inTx([&] { return posting_rules::vendorBillApproved(*ledger, bill(43)); });
        const PostingResult again =
            inTx([&] { return posting_rules::vendorBillApproved(*ledger, bill(43)); });
        QVERIFY(first.created);
        QVERIFY(!again.created);
        QCOMPARE(again.entryId, first.entryId);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = 'vendor_bill' "
                        "AND source_id = '43'"),
                 1);
        // Even a raw second insert of the same event is refused by the database.
        QSqlQuery q(db->sql());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO journal_entries (legal_entity_id, entry_date, "
                                       "source_type, source_id, purpose, description) VALUES (%1, "
                                       "'2026-02-28', 'vendor_bill', '43', 'approval', 'again')")
                            .arg(us)));
    }

    void postManyPostsLikePostInTwoStatements()
    {
        // One event posted before, two new ones, and the second of them twice in the batch.
        inTx([&] { return posting_rules::vendorBillApproved(*ledger, bill(50)); });
        const QList<PostingResult> r = inTx([&] {
            return ledger->postMany({posting_rules::buildVendorBillApproved(*ledger, bill(50)),
                                     posting_rules::buildVendorBillApproved(*ledger, bill(51)),
                                     posting_rules::buildVendorBillApproved(*ledger, bill(52)),
                                     posting_rules::buildVendorBillApproved(*ledger, bill(52))});
        });
        QCOMPARE(r.size(), 4);
        QVERIFY(!r.at(0).created);
        QVERIFY(r.at(1).created);
        QVERIFY(r.at(2).created);
        QVERIFY(!r.at(3).created);
        QCOMPARE(r.at(3).entryId, r.at(2).entryId);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = 'vendor_bill'"),
                 3);
        // The same lines, to the cent, as one posting of the same bill.
        QCOMPARE(linesOf(r.at(1).entryId), linesOf(r.at(0).entryId));
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines WHERE entry_id = ?", {r.at(2).entryId}),
                 3);
    }

    void postManyRefusesAHardClosedPeriodAndWritesNothing()
    {
        QCOMPARE(ledger->ensureFiscalYear(us, 2026), 12);
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed' "
                                           "WHERE legal_entity_id = %1 AND period_start = "
                                           "'2026-02-01'")
                                .arg(us));
        posting_rules::VendorBillApproved march = bill(61);
        march.billDate = QDate(2026, 3, 2);
        QCOMPARE(statusOf([&] {
                     inTx([&] {
                         return ledger->postMany(
                             {posting_rules::buildVendorBillApproved(*ledger, march),
                              posting_rules::buildVendorBillApproved(*ledger, bill(60))});
                     });
                 }),
                 423);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 0);
    }

    void concurrentPostingsOfOneEventMakeOneEntry()
    {
        // Two workers post the same ten bills at once, each holding its transaction open a
        // moment after posting: the second waits on the first's unique key and gets its entry.
        QList<QList<bool>> created(2);
        QList<QString> errors(2);
        QList<QThread *> threads;
        for (int t = 0; t < 2; ++t)
            threads.append(QThread::create([&, t] {
                try {
                    for (int i = 0; i < 10; ++i) {
                        db::Transaction tx(ledger->store().db());
                        const PostingResult r =
                            posting_rules::vendorBillApproved(*ledger, bill(100 + i));
                        QThread::msleep(10);
                        tx.commit();
                        created[t].append(r.created);
                    }
                } catch (const std::exception &e) {
                    errors[t] = QString::fromUtf8(e.what());
                }
            }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(errors, (QList<QString>{QString(), QString()}));
        int firsts = 0;
        for (int i = 0; i < 10; ++i)
            firsts += int(created[0].at(i)) + int(created[1].at(i));
        QCOMPARE(firsts, 10);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = 'vendor_bill'"),
                 10);
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines"), 30);
    }

    void expenseReportApprovedToTheCent()
    {
        const qint64 emp = scalar("INSERT INTO employees (user_id, legal_entity_id, country, "
                                  "job_role_id) SELECT ?, ?, 'US', id FROM job_roles WHERE code = "
                                  "'CONSULTANT' RETURNING id",
                                  {amy, us});
        posting_rules::ExpenseReportApproved e{
            us,
            9,
            emp,
            fin,
            QDate(2026, 3, 5),
            "Client visit",
            {{project, money("120.00", "EUR"), money("130.01", "USD"), "Hotel"},
             {0, money("45.50", "USD"), money("45.50", "USD"), "Books"}}};
        const PostingResult r =
            inTx([&] { return posting_rules::expenseReportApproved(*ledger, e); });
        QCOMPARE(linesOf(r.entryId),
                 (QStringList{"5200 Dr 120.00 EUR / 130.01 p1", "6000 Dr 45.50 USD / 45.50 p-",
                              "2300 Cr 175.51 USD / 175.51 p-"}));
        QCOMPARE(scalar("SELECT count(*) FROM journal_lines WHERE entry_id = ? AND employee_id = ?",
                        {r.entryId, emp}),
                 3);
    }

    void invoiceIssuedAndRevenueRecognised()
    {
        // UK in GBP: 1,000.00 recognised before, 500.00 billed ahead, VAT 20% 300.00.
        const qint64 ukProject = makeProject(uk, "Gamma");
        posting_rules::RevenueRecognised rr{
            uk,
            client,
            fin,
            "P1:2026-01",
            QDate(2026, 1, 31),
            {{ukProject, money("1000.00", "GBP"), std::nullopt, {}}},
            {}};
        const PostingResult rec =
            inTx([&] { return posting_rules::revenueRecognised(*ledger, rr); });
        posting_rules::InvoiceIssued inv{uk,
                                         5001,
                                         client,
                                         fin,
                                         QDate(2026, 2, 1),
                                         "INV-UK-2026-000001",
                                         {{ukProject, money("1000.00", "GBP"), std::nullopt, {}}},
                                         {{ukProject, money("500.00", "GBP"), std::nullopt, {}}},
                                         money("300.00", "GBP")};
        const PostingResult issued =
            inTx([&] { return posting_rules::invoiceIssued(*ledger, inv); });
        QCOMPARE(
            linesOf(issued.entryId),
            (QStringList{"1100 Dr 1800.00 GBP / 1800.00 p-", "1150 Cr 1000.00 GBP / 1000.00 p2",
                         "2200 Cr 500.00 GBP / 500.00 p2", "2100 Cr 300.00 GBP / 300.00 p-"}));
        // Later, the billed-ahead part is earned.
        posting_rules::RevenueRecognised later{
            uk,
            client,
            fin,
            "P1:2026-02",
            QDate(2026, 2, 28),
            {},
            {{ukProject, money("500.00", "GBP"), std::nullopt, {}}}};
        const PostingResult rec2 =
            inTx([&] { return posting_rules::revenueRecognised(*ledger, later); });
        QCOMPARE(linesOf(rec.entryId), (QStringList{"1150 Dr 1000.00 GBP / 1000.00 p2",
                                                    "4000 Cr 1000.00 GBP / 1000.00 p2"}));
        QCOMPARE(linesOf(rec2.entryId),
                 (QStringList{"2200 Dr 500.00 GBP / 500.00 p2", "4000 Cr 500.00 GBP / 500.00 p2"}));
        // Unbilled and deferred are cleared, revenue 1,500.00, receivable 1,800.00.
        QCOMPARE(text("SELECT string_agg(a.number || '=' || (sum)::numeric(20,2), ' ' ORDER BY "
                      "a.number) FROM (SELECT ledger_account_id, sum(functional_debit - "
                      "functional_credit) FROM journal_lines WHERE legal_entity_id = ? GROUP BY 1) "
                      "t JOIN ledger_accounts a ON a.id = t.ledger_account_id",
                      {uk}),
                 QString("1100=1800.00 1150=0.00 2100=-300.00 2200=0.00 4000=-1500.00"));
    }

    void customerReceiptWithRealisedFx()
    {
        // A EUR invoice of 1,000.00 issued on 2026-02-15 at 1.0834: receivable 1,083.40 USD.
        posting_rules::InvoiceIssued inv{us,
                                         6001,
                                         client,
                                         fin,
                                         QDate(2026, 2, 15),
                                         "INV-US-2026-000007",
                                         {{project, money("1000.00", "EUR"), std::nullopt, {}}},
                                         {},
                                         Money()};
        const PostingResult issued =
            inTx([&] { return posting_rules::invoiceIssued(*ledger, inv); });
        QCOMPARE(linesOf(issued.entryId), (QStringList{"1100 Dr 1000.00 EUR / 1083.40 p-",
                                                       "1150 Cr 1000.00 EUR / 1083.40 p1"}));
        // Paid on 2026-03-10 at 1.1000: the bank gets 1,100.00 USD, a realised gain of 16.60.
        posting_rules::CustomerReceipt rc{us,
                                          77,
                                          client,
                                          fin,
                                          QDate(2026, 3, 10),
                                          money("1000.00", "EUR"),
                                          money("1083.40", "USD"),
                                          "Wire 4711"};
        const PostingResult paid =
            inTx([&] { return posting_rules::customerReceipt(*ledger, rc); });
        QCOMPARE(linesOf(paid.entryId),
                 (QStringList{"1000 Dr 1000.00 EUR / 1100.00 p-",
                              "1100 Cr 1000.00 EUR / 1083.40 p-", "7000 Cr 16.60 USD / 16.60 p-"}));
        // Paid at a lower rate than invoiced: a realised loss.
        posting_rules::CustomerReceipt low{us,
                                           78,
                                           client,
                                           fin,
                                           QDate(2026, 3, 11),
                                           money("500.00", "EUR"),
                                           money("560.00", "USD"),
                                           "Wire 4712"};
        const PostingResult lost =
            inTx([&] { return posting_rules::customerReceipt(*ledger, low); });
        QCOMPARE(linesOf(lost.entryId),
                 (QStringList{"1000 Dr 500.00 EUR / 550.00 p-", "1100 Cr 500.00 EUR / 560.00 p-",
                              "7010 Dr 10.00 USD / 10.00 p-"}));
    }

    void intercompanyChargeMakesEliminatingPairs()
    {
        // A US consultant works 1,000.00 EUR (transfer price) on a DE project.
        const qint64 deProject = makeProject(de, "Delta");
        posting_rules::IntercompanyCharge ic{
            us, de, fin, deProject, 0, "amy:2026-02", QDate(2026, 2, 28), money("1000.00", "EUR")};
        const auto r = inTx([&] { return posting_rules::intercompanyCharge(*ledger, ic); });
        QCOMPARE(linesOf(r.employing.entryId), (QStringList{"1300 Dr 1000.00 EUR / 1083.40 p-",
                                                            "4100 Cr 1000.00 EUR / 1083.40 p-"}));
        QCOMPARE(text("SELECT string_agg(a.number || ' ' || (l.functional_debit - "
                      "l.functional_credit)::numeric(20,2) || ' ' || l.currency, ', ' ORDER BY "
                      "l.seq) FROM journal_lines l JOIN ledger_accounts a ON a.id = "
                      "l.ledger_account_id WHERE l.entry_id = ?",
                      {r.contracting.entryId}),
                 QString("5050 1000.00 EUR, 2400 -1000.00 EUR"));
        QCOMPARE(scalar("SELECT legal_entity_id FROM journal_entries WHERE id = ?",
                        {r.contracting.entryId}),
                 de);
        // Once per charge, on both sides.
        const auto again = inTx([&] { return posting_rules::intercompanyCharge(*ledger, ic); });
        QVERIFY(!again.employing.created && !again.contracting.created);
    }

    void aMissingRateIs422()
    {
        posting_rules::VendorBillApproved b = bill(44);
        b.billDate = QDate(2025, 12, 31);
        QCOMPARE(
            statusOf([&] { inTx([&] { return posting_rules::vendorBillApproved(*ledger, b); }); }),
            422);
    }
};

QTEST_GUILESS_MAIN(LedgerPostingsTest)
#include "tst_ledger_postings.moc"
