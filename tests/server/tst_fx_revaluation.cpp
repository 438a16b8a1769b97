// The month-end FX revaluation to the cent, on the UK entity (GBP) with USD business: USD→GBP
// 0.79 through February 2026 and 0.80 on its last day. An invoice, a vendor bill and a bank
// balance in USD are revalued at 0.80 against what the books carry them at; the unrealised
// gain and loss post on 28 February and reverse on 1 March. A partly paid invoice revalues its
// open part as it stood at the period end, a repeated run replaces the earlier one, and a
// hard-closed period is not revalued.

#include "close/fx_revaluation.h"
#include "tst_receivables_fixture.h"

#include <QThread>

#include <atomic>
#include <thread>

using namespace keel;
using namespace keel::test;

class FxRevaluationTest : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    qint64 vendor = 0;
    int billNo = 0;
    const QDate february{2026, 2, 1};

    FxRevaluationResult revalue(QDate periodStart)
    {
        return inTx([&] { return revalueForeignCurrency(db->sql(), uk, periodStart, fin); });
    }

    // An approved USD vendor bill as timeexpense approves it: functional at the bill date's
    // rate, AP posted.
    qint64 usdBill(const char *total, QDate date)
    {
        const QString ref = QStringLiteral("YD-%1").arg(++billNo);
        const Money t = money(total, "USD");
        const FxRate rate = requireFxRate(db->sql(), "USD", "GBP", date, "x");
        const Money ft = t.convert(rate.rate, Currency::fromCode(u"GBP").value()).value();
        const qint64 id = scalar(
            "INSERT INTO vendor_bills (legal_entity_id, vendor_id, vendor_ref, bill_date, "
            "due_date, currency, total, status, fx_rate, functional_total, created_by, "
            "approved_by) VALUES (?, ?, ?, ?, ?, 'USD', ?, 'approved', ?, ?, ?, ?) RETURNING id",
            {uk, vendor, ref, date, date.addDays(30), t.toString(), rate.rate.toString(),
             ft.toString(), fin, ctl});
        inTx([&] {
            return posting_rules::vendorBillApproved(
                *ledger, {uk, id, ctl, fin, date, ref, {{0, t, std::nullopt, {}}}});
        });
        return id;
    }

    // USD paid into the UK bank's ledger account (1000) as share capital, at the day's rate.
    void usdDeposit(const char *amount, QDate date)
    {
        PostingLine bank;
        bank.accountNumber = QStringLiteral("1000");
        bank.debit = money(amount, "USD");
        PostingLine capital;
        capital.role = QStringLiteral("share_capital");
        capital.credit = money(amount, "USD");
        inTx([&] {
            return ledger->post(Posting{uk,
                                        date,
                                        "test_deposit",
                                        QString::number(++billNo),
                                        "post",
                                        "USD capital",
                                        {bank, capital},
                                        fin});
        });
    }

    // Functional balance (debit − credit) of an account number on the UK books up to a day.
    QString balance(const char *number, QDate upTo, qint64 client = 0)
    {
        return text("SELECT coalesce(sum(l.functional_debit - l.functional_credit), "
                    "0)::numeric(20,2)::text FROM journal_lines l JOIN ledger_accounts a ON "
                    "a.id = l.ledger_account_id WHERE l.legal_entity_id = ? AND a.number = ? AND "
                    "l.entry_date <= ? AND (? = 0 OR l.client_account_id = ?)",
                    {uk, number, upTo, client, client});
    }

    QString entryDate(qint64 entry)
    {
        return text("SELECT entry_date::text FROM journal_entries WHERE id = ?", {entry});
    }

    static QString item(const QJsonObject &o)
    {
        return QStringLiteral("%1 %2: %3 at %4 → %5 (carried %6) %7 %8")
            .arg(o.value("kind").toString(), o.value("reference").toString(),
                 amt(o.value("open_amount")), o.value("rate").toString(),
                 amt(o.value("revalued_functional")), amt(o.value("carried_functional")),
                 amt(o.value("difference")), o.value("gain_loss").toString());
    }

    QStringList itemsOf(HttpClient &http, const QString &query = {})
    {
        const HttpResult r =
            http.get(QStringLiteral("/api/v1/close/entities/%1/periods/2026-02/fx-revaluation%2")
                         .arg(uk)
                         .arg(query));
        QStringList out;
        for (const QJsonValue &v : r.json().value("items").toArray())
            out << item(v.toObject());
        return out;
    }

private slots:
    void init()
    {
        setUpReceivables(QTest::currentTestFunction());
        invoiceNo = billNo = 0;
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('USD', 'GBP', '2026-02-28', 0.80)");
        vendor = scalar("INSERT INTO vendors (legal_entity_id, name, country, currency) VALUES "
                        "(?, 'Yankee Data', 'US', 'USD') RETURNING id",
                        {uk});
    }
    void cleanup()
    {
        ukfin.reset();
        tearDown();
    }

    void invoiceBillAndBankAreRevaluedAndReversedToTheCent()
    {
        // USD 1,000.00 invoiced at 0.79 (AR 790.00), a USD 500.00 bill at 0.79 (AP 395.00),
        // USD 2,000.00 in the bank at 0.79 (1,580.00).
        const qint64 inv =
            invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        const qint64 bill = usdBill("500.00", QDate(2026, 2, 5));
        usdDeposit("2000.00", QDate(2026, 2, 3));

        const FxRevaluationResult r = revalue(february);
        QCOMPARE(r.items, 3);
        // At 0.80: AR 800.00 (gain 10.00), AP 400.00 (loss 5.00), bank 1,600.00 (gain 20.00).
        QCOMPARE(r.gain.toString() + u' ' + r.gain.currency().code(), QString("30.00 GBP"));
        QCOMPARE(r.loss.toString(), QString("5.00"));
        QVERIFY(r.entryId && r.reversalEntryId);
        QCOMPARE(linesOf(r.entryId),
                 (QStringList{"1000 Dr 20.00 GBP / 20.00 p-", "2000 Cr 5.00 GBP / 5.00 p-",
                              "1100 Dr 10.00 GBP / 10.00 p-", "7100 Cr 30.00 GBP / 30.00 p-",
                              "7110 Dr 5.00 GBP / 5.00 p-"}));
        QCOMPARE(entryDate(r.entryId), QString("2026-02-28"));
        // The receivable's line is the client's.
        QCOMPARE(text("SELECT l.client_account_id FROM journal_lines l JOIN ledger_accounts a ON "
                      "a.id = l.ledger_account_id WHERE l.entry_id = ? AND a.number = '1100'",
                      {r.entryId}),
                 QString::number(globex));
        // The reversal on the first of March mirrors it.
        QCOMPARE(linesOf(r.reversalEntryId),
                 (QStringList{"1000 Cr 20.00 GBP / 20.00 p-", "2000 Dr 5.00 GBP / 5.00 p-",
                              "1100 Cr 10.00 GBP / 10.00 p-", "7100 Dr 30.00 GBP / 30.00 p-",
                              "7110 Cr 5.00 GBP / 5.00 p-"}));
        QCOMPARE(entryDate(r.reversalEntryId), QString("2026-03-01"));
        QCOMPARE(
            scalar("SELECT reverses_id FROM journal_entries WHERE id = ?", {r.reversalEntryId}),
            r.entryId);
        QCOMPARE(text("SELECT source_type || ' ' || source_id || ' ' || purpose FROM "
                      "journal_entries WHERE id = ?",
                      {r.entryId}),
                 QStringLiteral("fx_revaluation %1:2026-02:1 revaluation").arg(uk));

        // At the period end the books carry the period end's rate; after the reversal the
        // historical amounts again, and the unrealised accounts net to zero.
        const QDate end(2026, 2, 28), first(2026, 3, 1);
        QCOMPARE(balance("1100", end, globex), QString("800.00"));
        QCOMPARE(balance("2000", end), QString("-400.00"));
        QCOMPARE(balance("7100", end), QString("-30.00"));
        QCOMPARE(balance("7110", end), QString("5.00"));
        QCOMPARE(balance("1100", first, globex), QString("790.00"));
        QCOMPARE(balance("2000", first), QString("-395.00"));
        QCOMPARE(balance("7100", first), QString("0.00"));
        QCOMPARE(balance("7110", first), QString("0.00"));

        // What finance sees, item by item.
        HttpResult page = ukfin->get(
            QStringLiteral("/api/v1/close/entities/%1/periods/2026-02/fx-revaluation").arg(uk));
        QVERIFY2(page.status == 200, page.body);
        const QJsonObject rev = page.json().value("revaluation").toObject();
        QCOMPARE(rev.value("id").toString(), QString::number(r.revaluationId));
        QCOMPARE(amt(rev.value("gain")), QString("30.00 GBP"));
        QCOMPARE(amt(rev.value("loss")), QString("5.00 GBP"));
        QCOMPARE(rev.value("journal_entry_id").toString(), QString::number(r.entryId));
        QCOMPARE(rev.value("superseded_count").toInt(), 0);
        QCOMPARE(itemsOf(*ukfin),
                 (QStringList{"bank UK USD: 2000.00 USD at 0.8 → 1600.00 GBP (carried 1580.00 "
                              "GBP) 20.00 GBP gain",
                              "payable YD-1: 500.00 USD at 0.8 → 400.00 GBP (carried 395.00 GBP) "
                              "5.00 GBP loss",
                              "receivable INV-T-000001: 1000.00 USD at 0.8 → 800.00 GBP (carried "
                              "790.00 GBP) 10.00 GBP gain"}));
        QCOMPARE(page.json().value("items").toArray().at(1).toObject().value("document_id"),
                 QJsonValue(QString::number(bill)));
        QCOMPARE(page.json().value("items").toArray().at(2).toObject().value("document_id"),
                 QJsonValue(QString::number(inv)));
        QCOMPARE(itemsOf(*ukfin, "?kind=payable").size(), 1);
        page = ukfin->get(
            QStringLiteral("/api/v1/close/entities/%1/periods/2026-02/fx-revaluation?limit=2")
                .arg(uk));
        QCOMPARE(page.json().value("next_after").toString(),
                 QStringLiteral("payable:%1").arg(bill));
        QCOMPARE(itemsOf(*ukfin, QStringLiteral("?after=payable:%1").arg(bill)).size(), 1);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'fx_revaluation.run' AND "
                        "record_id = ?",
                        {QString::number(r.revaluationId)}),
                 qint64(1));
    }

    void itemsAreTheEntitysOwn()
    {
        invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        revalue(february);
        const QString path =
            QStringLiteral("/api/v1/close/entities/%1/periods/2026-02/fx-revaluation").arg(uk);
        QCOMPARE(login("fin")->get(path).status, 404); // finance of the US entity only
        QCOMPARE(login("amy")->get(path).status, 403); // a consultant
        QCOMPARE(ukfin->get(QString(path).replace("2026-02", "2026-2")).fieldCodes(),
                 QString("period:invalid_value"));
        // A period never revalued answers no revaluation.
        const HttpResult none = ukfin->get(
            QStringLiteral("/api/v1/close/entities/%1/periods/2026-01/fx-revaluation").arg(uk));
        QVERIFY2(none.status == 200, none.body);
        QVERIFY(none.json().value("revaluation").isNull());
        QCOMPARE(none.json().value("items").toArray().size(), 0);
    }

    void partlyPaidInvoiceRevaluesItsOpenPartAtThePeriodEnd()
    {
        // USD 600.00 at 0.79 (AR 474.00); 200.00 received on 20 February at 0.79, 100.00 on
        // 5 March at 0.81 (after the period end: still open on 28 February).
        const qint64 inv =
            invoice(uk, globex, "USD", "600.00", QDate(2026, 2, 12), QDate(2026, 3, 14));
        HttpResult r = receipt(*ukfin, uk, globex, ukUsdBank, "2026-02-20", m("200.00", "USD"),
                               {alloc(inv, "200.00", "USD")});
        QVERIFY2(r.status == 201, r.body);
        r = receipt(*ukfin, uk, globex, ukUsdBank, "2026-03-05", m("100.00", "USD"),
                    {alloc(inv, "100.00", "USD")});
        QVERIFY2(r.status == 201, r.body);

        const FxRevaluationResult rev = revalue(february);
        // Open 400.00 USD carried at 316.00 (474.00 − 158.00) → 320.00: gain 4.00; the bank's
        // 200.00 USD carried at 158.00 → 160.00: gain 2.00.
        QCOMPARE(itemsOf(*ukfin),
                 (QStringList{"bank UK USD: 200.00 USD at 0.8 → 160.00 GBP (carried 158.00 GBP) "
                              "2.00 GBP gain",
                              "receivable INV-T-000001: 400.00 USD at 0.8 → 320.00 GBP (carried "
                              "316.00 GBP) 4.00 GBP gain"}));
        QCOMPARE(rev.gain.toString(), QString("6.00"));
        QCOMPARE(rev.loss.toString(), QString("0.00"));
        QCOMPARE(linesOf(rev.entryId),
                 (QStringList{"1000 Dr 2.00 GBP / 2.00 p-", "1100 Dr 4.00 GBP / 4.00 p-",
                              "7100 Cr 6.00 GBP / 6.00 p-"}));
        QCOMPARE(balance("1100", QDate(2026, 2, 28), globex), QString("320.00"));

        // Paid in full by the end of March: March has nothing open on the invoice.
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('USD', 'GBP', '2026-03-31', 0.82)");
        r = receipt(*ukfin, uk, globex, ukUsdBank, "2026-03-20", m("300.00", "USD"),
                    {alloc(inv, "300.00", "USD")});
        QVERIFY2(r.status == 201, r.body);
        const FxRevaluationResult march = revalue(QDate(2026, 3, 1));
        QCOMPARE(march.items, 1); // the bank only
        QCOMPARE(text("SELECT kind FROM fx_revaluation_items WHERE revaluation_id = ?",
                      {march.revaluationId}),
                 QString("bank"));
    }

    void aRepeatedRunSupersedesTheEarlierOne()
    {
        invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        const FxRevaluationResult first = revalue(february);
        QCOMPARE(first.gain.toString(), QString("10.00"));
        // The period end's rate is corrected to 0.81, and the revaluation run again.
        db::exec(db->sql(), "UPDATE fx_rates SET rate = 0.81 WHERE from_currency = 'USD' AND "
                            "rate_date = '2026-02-28'");
        const FxRevaluationResult second = revalue(february);
        QCOMPARE(second.supersededId, first.revaluationId);
        QCOMPARE(second.gain.toString(), QString("20.00"));
        QCOMPARE(linesOf(second.entryId),
                 (QStringList{"1100 Dr 20.00 GBP / 20.00 p-", "7100 Cr 20.00 GBP / 20.00 p-"}));
        QCOMPARE(
            text("SELECT string_agg(id::text || ' ' || superseded::text, ',' ORDER BY id) "
                 "FROM fx_revaluations"),
            QStringLiteral("%1 true,%2 false").arg(first.revaluationId).arg(second.revaluationId));
        // Both entries of the first are undone on their own dates; one revaluation is live.
        QCOMPARE(text("SELECT string_agg(purpose || ' ' || status || ' ' || entry_date, ', ' "
                      "ORDER BY id) FROM journal_entries WHERE source_type = 'fx_revaluation'"),
                 QString("revaluation reversed 2026-02-28, reverse reversed 2026-03-01, "
                         "supersede posted 2026-02-28, supersede_reverse posted 2026-03-01, "
                         "revaluation posted 2026-02-28, reverse posted 2026-03-01"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'fx_revaluation' AND purpose = 'revaluation' AND status = 'posted'"),
                 qint64(1));
        QCOMPARE(balance("1100", QDate(2026, 2, 28), globex), QString("810.00"));
        QCOMPARE(balance("7100", QDate(2026, 2, 28)), QString("-20.00"));
        QCOMPARE(balance("1100", QDate(2026, 3, 1), globex), QString("790.00"));
        QCOMPARE(balance("7100", QDate(2026, 3, 1)), QString("0.00"));
        const HttpResult page = ukfin->get(
            QStringLiteral("/api/v1/close/entities/%1/periods/2026-02/fx-revaluation").arg(uk));
        QCOMPARE(page.json().value("revaluation").toObject().value("superseded_count").toInt(), 1);
        QCOMPARE(itemsOf(*ukfin),
                 QStringList{"receivable INV-T-000001: 1000.00 USD at 0.81 → 810.00 GBP (carried "
                             "790.00 GBP) 20.00 GBP gain"});
    }

    void concurrentRunsOfAPeriodTakeTurns()
    {
        invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        // Two runs at once, each on its own connection, each holding its transaction open a
        // moment: the second waits for the first and supersedes it (without the lock both
        // would find no current revaluation and one would fail on the unique index).
        std::atomic<int> failures = 0;
        const auto run = [&] {
            try {
                QSqlDatabase c = db::connection(db->config());
                db::Transaction tx(c);
                revalueForeignCurrency(c, uk, february, fin);
                QThread::msleep(300);
                tx.commit();
            } catch (...) {
                ++failures;
            }
        };
        std::thread a(run), b(run);
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(text("SELECT count(*) || ' ' || count(*) FILTER (WHERE NOT superseded) FROM "
                      "fx_revaluations"),
                 QString("2 1"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'fx_revaluation' AND purpose = 'revaluation' AND status = 'posted'"),
                 qint64(1));
        QCOMPARE(balance("7100", QDate(2026, 2, 28)), QString("-10.00"));
        QCOMPARE(balance("7100", QDate(2026, 3, 1)), QString("0.00"));
    }

    void aHardClosedPeriodIsNotRevalued()
    {
        invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        const FxRevaluationResult first = revalue(february);
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed' "
                                           "WHERE legal_entity_id = %1 AND period_start = "
                                           "'2026-02-01'")
                                .arg(uk));
        const qint64 entries = scalar("SELECT count(*) FROM journal_entries");
        int status = 0;
        try {
            revalue(february);
        } catch (const ApiError &e) {
            status = e.problem().status;
        }
        QCOMPARE(status, 423);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), entries);
        QCOMPARE(text("SELECT string_agg(id::text || ' ' || superseded::text, ',') FROM "
                      "fx_revaluations"),
                 QStringLiteral("%1 false").arg(first.revaluationId));
    }

    void nothingForeignPostsNothing()
    {
        invoice(uk, initech, "GBP", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        const FxRevaluationResult r = revalue(february);
        QCOMPARE(r.items, 0);
        QCOMPARE(r.entryId, qint64(0));
        QCOMPARE(r.gain.toString(), QString("0.00"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'fx_revaluation'"),
                 qint64(0));
        // A rerun with nothing before is just another run; a day other than the first is no
        // period.
        QCOMPARE(revalue(february).supersededId, r.revaluationId);
        int status = 0;
        QString field;
        try {
            revalue(QDate(2026, 2, 2));
        } catch (const ApiError &e) {
            status = e.problem().status;
            field = e.problem().errors.value(0).field;
        }
        QCOMPARE(status, 422);
        QCOMPARE(field, QString("period"));
    }
};

QTEST_GUILESS_MAIN(FxRevaluationTest)
#include "tst_fx_revaluation.moc"
