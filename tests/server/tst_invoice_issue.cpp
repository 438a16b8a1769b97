// Issuing invoices: gapless numbers per entity and year (also under two concurrent issuers),
// the posting to the cent (receivable incl. tax, tax payable, unbilled vs deferred), functional
// amounts at the invoice date's rate, the frozen document, the batch entry point, and what a
// bad request gets.

#include "tst_invoice_fixture.h"

#include <thread>

using namespace keel;
using namespace keel::test;

class InvoiceIssueTest : public QObject, public InvoiceFixture
{
    Q_OBJECT

    QString numberOf(qint64 invoice)
    {
        return text("SELECT number FROM invoices WHERE id = ?", {invoice});
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void numbersAreGaplessPerEntityAndYear()
    {
        const qint64 a = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        const qint64 b = ukDraft("2026-03-31", {{lake, "50.00", "20"}});
        const qint64 c = ukDraft("2027-01-05", {{lake, "10.00", "20"}});
        const qint64 d = draft(us,
                               scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, "
                                      "country, billing_currency, tax_profile) VALUES (?, "
                                      "'Initech', 'initech', 'US', 'USD', 'STANDARD') "
                                      "RETURNING id",
                                      {us}),
                               "USD", "US_STANDARD", "2026-02-27", {{0, "75.00"}});
        // No USD→GBP rate before 2026: issuing fails and takes no number.
        const qint64 noRate =
            draft(uk, globex, "USD", "EXPORT_EXEMPT", "2025-12-31", {{sea, "10.00"}});
        for (const qint64 i : {a, b, c, d, noRate})
            setApproved(i);
        auto http = login("fin");
        HttpResult r = http->post(path(noRate, "/issue"), {});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("invoice_date:no_fx_rate"));
        QCOMPARE(scalar("SELECT count(*) FROM invoice_number_counters"), 0);

        r = http->post(path(a, "/issue"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("number").toString(), QString("INV-UK-2026-000001"));
        KEEL_COVERS_TRANSITION("invoice", "approved", "issue", r.json().value("status").toString());
        QCOMPARE(http->post(path(c, "/issue"), {}).json().value("number").toString(),
                 QString("INV-UK-2027-000001"));
        QCOMPARE(http->post(path(d, "/issue"), {}).json().value("number").toString(),
                 QString("INV-US-2026-000001"));
        QCOMPARE(http->post(path(b, "/issue"), {}).json().value("number").toString(),
                 QString("INV-UK-2026-000002"));
        // Issued once: a second issue is a conflict and draws nothing.
        QCOMPARE(http->post(path(b, "/issue"), {}).status, 409);
        QCOMPARE(scalar("SELECT last_number FROM invoice_number_counters WHERE legal_entity_id = ? "
                        "AND kind = 'invoice' AND year = 2026",
                        {uk}),
                 2);
    }

    void twoConcurrentIssuersGetConsecutiveNumbers()
    {
        const qint64 a = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        const qint64 b = ukDraft("2026-02-27", {{lake, "200.00", "20"}});
        const DbConfig config = db->config();
        const qint64 user = fin;
        QString numberA, numberB;
        QAtomicInt aHasNumber = 0;
        qint64 bWaitedMs = 0;
        // A draws its number and holds the counter's row lock for 400 ms before it commits; B
        // starts meanwhile, waits for the lock and continues after A's number.
        std::thread ta([&] {
            InvoiceService service(config, nullptr);
            QSqlDatabase c = db::connection(config);
            db::Transaction tx(c);
            service.approveAndIssueMany(c, {a}, user, {});
            aHasNumber = 1;
            QThread::msleep(400);
            tx.commit();
        });
        while (!aHasNumber.loadAcquire())
            QThread::msleep(5);
        std::thread tb([&] {
            InvoiceService service(config, nullptr);
            QSqlDatabase c = db::connection(config);
            QElapsedTimer t;
            t.start();
            db::Transaction tx(c);
            service.approveAndIssueMany(c, {b}, user, {});
            tx.commit();
            bWaitedMs = t.elapsed();
        });
        ta.join();
        tb.join();
        numberA = numberOf(a);
        numberB = numberOf(b);
        QCOMPARE(numberA, QString("INV-UK-2026-000001"));
        QCOMPARE(numberB, QString("INV-UK-2026-000002"));
        QVERIFY2(bWaitedMs >= 200, qPrintable(QString::number(bWaitedMs)));
    }

    void thePostingToTheCent()
    {
        // 600.00 recognised on lake before billing. The invoice bills 1,000.00 of arrears
        // (clears the 600.00, the other 400.00 is billed ahead of recognition) and a 500.00
        // retainer ahead, each with VAT 20%.
        recognise(uk, lake, acme, "600.00", "GBP");
        const qint64 inv = ukDraft(
            "2026-02-28", {{lake, "1000.00", "20", "arrears"}, {lake, "500.00", "20", "ahead"}});
        const QStringList time = billTime(inv, 1, lake, 2);
        setApproved(inv);
        auto http = login("fin");
        const HttpResult r = http->post(path(inv, "/issue"), {});
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value("total").toObject(), m("1800.00", "GBP"));
        QCOMPARE(o.value("tax_total").toObject(), m("300.00", "GBP"));
        QCOMPARE(o.value("functional_total").toObject(), m("1800.00", "GBP"));
        QCOMPARE(o.value("fx_rate").toString(), QString("1"));
        const qint64 entry = o.value("journal_entry_id").toString().toLongLong();
        QVERIFY(entry > 0);
        QCOMPARE(
            linesOf(entry),
            (QStringList{"1100 Dr 1800.00 GBP / 1800.00 -", "1150 Cr 600.00 GBP / 600.00 lake",
                         "2200 Cr 400.00 GBP / 400.00 lake", "2200 Cr 500.00 GBP / 500.00 lake",
                         "2100 Cr 300.00 GBP / 300.00 -"}));
        QCOMPARE(balance(uk, "1150"), QString("0.00"));
        QCOMPARE(balance(uk, "1100", acme), QString("1800.00"));
        QCOMPARE(balance(uk, "2100"), QString("-300.00"));
        // Its time is invoiced, pointing at the invoice.
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'invoiced' AND "
                        "invoice_id = ?",
                        {inv}),
                 2);
        Q_UNUSED(time);

        // Nothing left unbilled on lake: the next arrears all go to deferred revenue.
        const qint64 next = ukDraft("2026-02-28", {{lake, "100.00", "20"}});
        setApproved(next);
        const qint64 entry2 = http->post(path(next, "/issue"), {})
                                  .json()
                                  .value("journal_entry_id")
                                  .toString()
                                  .toLongLong();
        QCOMPARE(linesOf(entry2),
                 (QStringList{"1100 Dr 120.00 GBP / 120.00 -", "2200 Cr 100.00 GBP / 100.00 lake",
                              "2100 Cr 20.00 GBP / 20.00 -"}));
    }

    void aUsdInvoiceOfTheUkEntityCarriesGbpAtTheInvoiceDatesRate()
    {
        // 1,234.56 USD on 15 March at 0.80 (0.79 was February's) = 987.648 → 987.65 GBP.
        recognise(uk, sea, globex, "2000.00", "GBP");
        const qint64 inv =
            draft(uk, globex, "USD", "EXPORT_EXEMPT", "2026-03-15", {{sea, "1234.56"}});
        setApproved(inv);
        auto http = login("fin");
        const QJsonObject o = http->post(path(inv, "/issue"), {}).json();
        QCOMPARE(o.value("currency").toString(), QString("USD"));
        QCOMPARE(o.value("fx_rate").toString(), QString("0.8"));
        QCOMPARE(o.value("functional_total").toObject(), m("987.65", "GBP"));
        QCOMPARE(o.value("tax_note").toString().left(27), QString("Services supplied outside t"));
        QCOMPARE(
            linesOf(o.value("journal_entry_id").toString().toLongLong()),
            (QStringList{"1100 Dr 1234.56 USD / 987.65 -", "1150 Cr 1234.56 USD / 987.65 sea"}));
        QCOMPARE(balance(uk, "1100", globex), QString("987.65"));
        QCOMPARE(balance(uk, "1150"), QString("1012.35"));
    }

    void anIssuedInvoiceIsFrozen()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        setApproved(inv);
        auto http = login("fin");
        const QJsonObject issued = http->post(path(inv, "/issue"), {}).json();
        HttpResult r = http->send("PATCH", path(inv),
                                  QJsonDocument(QJsonObject{{"notes", "late change"},
                                                            {"version", issued.value("version")}})
                                      .toJson());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QString("status:not_draft"));
        QCOMPARE(
            http->post(path(inv, "/lines/" + QString::number(lineId(inv, 1)) + "/hold"), {}).status,
            409);
        // The database refuses too, whoever asks.
        QSqlQuery q(db->sql());
        QVERIFY(!q.exec(QStringLiteral("UPDATE invoices SET total = total + 1, subtotal = subtotal "
                                       "+ 1 WHERE id = %1")
                            .arg(inv)));
        QVERIFY2(q.lastError().text().contains("frozen"), qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(
            QStringLiteral("UPDATE invoice_lines SET amount = 1 WHERE invoice_id = %1").arg(inv)));
        QCOMPARE(text("SELECT total::numeric(20,2)::text FROM invoices WHERE id = ?", {inv}),
                 QString("120.00"));
    }

    void theBatchEntryPointIssuesManyAtOnce()
    {
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << ukDraft("2026-02-27", {{lake, "100.00", "20"}, {lake, "33.33", "20", "ahead"}});
        setApproved(ids.at(2)); // approved and drafts alike
        InvoiceService service(db->config(), nullptr);
        {
            QSqlDatabase c = db::connection(db->config());
            db::Transaction tx(c);
            service.approveAndIssueMany(c, ids, fin, QDate(2026, 3, 1));
            tx.commit();
        }
        QSqlQuery q = db::query(db->sql(),
                                "SELECT number, status, total::numeric(20,2)::text, "
                                "issued_at::date::text, journal_entry_id IS NOT NULL FROM invoices "
                                "WHERE id = ANY(?::bigint[]) ORDER BY id",
                                {QStringLiteral("{%1,%2,%3,%4,%5}")
                                     .arg(ids[0])
                                     .arg(ids[1])
                                     .arg(ids[2])
                                     .arg(ids[3])
                                     .arg(ids[4])});
        int n = 0;
        while (q.next()) {
            QCOMPARE(q.value(0).toString(),
                     QStringLiteral("INV-UK-2026-%1").arg(++n, 6, 10, QChar('0')));
            QCOMPARE(q.value(1).toString(), QString("issued"));
            QCOMPARE(q.value(2).toString(), QString("160.00")); // 100 + 20 + 33.33 + 6.67 (6.666)
            QCOMPARE(q.value(3).toString(), QString("2026-03-01"));
            QVERIFY(q.value(4).toBool());
        }
        QCOMPARE(n, 5);
        QCOMPARE(balance(uk, "1100", acme), QString("800.00"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'invoice.issue'"), 5);
        // Issued ones are not issued again.
        QSqlDatabase c = db::connection(db->config());
        db::Transaction tx(c);
        bool refused = false;
        try {
            service.approveAndIssueMany(c, {ids.first()}, fin, {});
        } catch (const ApiError &e) {
            refused = e.problem().status == 409;
        }
        QVERIFY(refused);
    }

    void badRequests()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        auto http = login("fin");
        // Another entity's invoice does not exist for US finance; a consultant may not look.
        QCOMPARE(login("usfin")->get(path(inv)).status, 404);
        QCOMPARE(login("amy")->get(path(inv)).status, 403);
        QCOMPARE(http->get(path(999999)).status, 404);
        // A draft is not issued; an approved one in a hard-closed month is 423 and draws nothing.
        QCOMPARE(http->post(path(inv, "/issue"), {}).status, 409);
        setApproved(inv);
        ledger->ensureFiscalYear(uk, 2026);
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed' "
                                           "WHERE legal_entity_id = %1 AND period_start = "
                                           "'2026-02-01'")
                                .arg(uk));
        HttpResult r = http->post(path(inv, "/issue"), {});
        QCOMPARE(r.status, 423);
        QCOMPARE(text("SELECT status FROM invoices WHERE id = ?", {inv}), QString("approved"));
        QCOMPARE(scalar("SELECT coalesce(sum(last_number), 0) FROM invoice_number_counters"), 0);
        // Stale version.
        r = http->post(path(inv, "/issue"), {{"version", 99}});
        QCOMPARE(r.status, 412);
    }
};

KEEL_INVOICE_TEST_MAIN(InvoiceIssueTest)
#include "tst_invoice_issue.moc"
