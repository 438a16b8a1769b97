// Intercompany charges at month end: a DE consultant's approved hours on a UK project are charged
// by DE to UK at cost plus the group's markup, on both ledgers at their own rates, once — a
// repeated run charges only time approved (or adjusted) since — and the reconciliation shows
// both sides of the pair in the group currency.

#include "tst_intercompany_fixture.h"

using namespace keel;
using namespace keel::test;

class IntercompanyTest : public QObject, public IntercompanyFixture
{
    Q_OBJECT

    qint64 anna = 0, ukProject = 0;
    const QDate october{2026, 10, 1};

    // anna (DE, 60.00 EUR/h) works 10 h on the UK project in October; noise around it.
    void seedOctober()
    {
        anna = employee("anna", de, "DE");
        ukProject = makeProject(uk, "Thames");
        time(anna, ukProject, "2026-10-05", "6", "60.00", "EUR");
        time(anna, ukProject, "2026-10-06", "4", "60.00", "EUR");
        time(anna, ukProject, "2026-10-07", "5", "60.00", "EUR", "submitted"); // not approved
        time(anna, ukProject, "2026-09-30", "3", "60.00", "EUR");              // September
        const qint64 deProject = makeProject(de, "Isar");
        time(anna, deProject, "2026-10-08", "8", "60.00", "EUR"); // her own entity's project
    }

    qint64 entryOf(const QString &purpose, int n = 0)
    {
        return scalar("SELECT id FROM journal_entries WHERE source_type = 'intercompany_charge' "
                      "AND purpose = ? ORDER BY id OFFSET ?",
                      {purpose, n});
    }

private slots:
    void init() { setUpGroup(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void chargesCostPlusMarkupOnBothSides()
    {
        seedOctober();
        const IntercompanyRunResult r = charge(de, october);
        QCOMPARE(r.charges, 1);
        QCOMPARE(r.entries, 2);
        QCOMPARE(r.hours.toString(), QString("10"));
        QCOMPARE(r.amounts, (QList<Money>{money("660.00", "EUR")}));
        QCOMPARE(text("SELECT hours || ' ' || cost::numeric(20,2) || ' ' || cost_currency || ' ' "
                      "|| markup::numeric(8,2) || ' ' || amount::numeric(20,2) FROM "
                      "intercompany_charges WHERE employee_id = ? AND project_id = ? AND "
                      "period_start = '2026-10-01' AND employing_entity_id = ? AND "
                      "contracting_entity_id = ?",
                      {anna, ukProject, de, uk}),
                 QString("10.00 600.00 EUR 0.10 660.00"));

        // DE: Dr 1300 / Cr 4100 660.00 EUR; UK: Dr 5050 (the project) / Cr 2400 in GBP at 0.88.
        const qint64 employing = entryOf("charge"), contracting = entryOf("cost");
        QCOMPARE(linesOf(employing),
                 (QStringList{"1300 Dr 660.00 EUR / 660.00 p-", "4100 Cr 660.00 EUR / 660.00 p-"}));
        QCOMPARE(text("SELECT string_agg(a.number || ' ' || (l.functional_debit - "
                      "l.functional_credit)::numeric(20,2) || ' ' || le.functional_currency || "
                      "' ' || coalesce(l.project_id = ?, false), ', ' ORDER BY l.seq) FROM "
                      "journal_lines l JOIN ledger_accounts a ON a.id = l.ledger_account_id JOIN "
                      "legal_entities le ON le.id = l.legal_entity_id WHERE l.entry_id = ?",
                      {ukProject, contracting}),
                 QString("5050 580.80 GBP true, 2400 -580.80 GBP false"));
        QCOMPARE(scalar("SELECT legal_entity_id FROM journal_entries WHERE id = ?", {employing}),
                 de);
        QCOMPARE(scalar("SELECT legal_entity_id FROM journal_entries WHERE id = ?", {contracting}),
                 uk);
        QCOMPARE(text("SELECT string_agg(DISTINCT entry_date::text, ',') FROM journal_entries "
                      "WHERE id IN (?, ?)",
                      {employing, contracting}),
                 QString("2026-10-31"));
        QCOMPARE(scalar("SELECT employing_entry_id FROM intercompany_charges"), employing);
        QCOMPARE(scalar("SELECT contracting_entry_id FROM intercompany_charges"), contracting);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'intercompany.charge'"), 1);
    }

    void aRepeatedRunChargesOnlyWhatIsNew()
    {
        seedOctober();
        charge(de, october);
        // Again, from either side: nothing new.
        IntercompanyRunResult r = charge(uk, october);
        QCOMPARE(r.charges, 0);
        QCOMPARE(r.entries, 0);
        QCOMPARE(charge(de, october).entries, 0);
        QCOMPARE(charge(us, october).charges, 0); // not a party
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'intercompany_charge'"),
                 2);

        // Two hours approved since: 2 × 60.00 × 1.10 = 132.00 more, charged once.
        time(anna, ukProject, "2026-10-20", "2", "60.00", "EUR");
        r = charge(uk, october);
        QCOMPARE(r.charges, 1);
        QCOMPARE(r.entries, 2);
        QCOMPARE(r.amounts, (QList<Money>{money("132.00", "EUR")}));
        QCOMPARE(linesOf(entryOf("charge", 1)),
                 (QStringList{"1300 Dr 132.00 EUR / 132.00 p-", "4100 Cr 132.00 EUR / 132.00 p-"}));
        QCOMPARE(charge(de, october).entries, 0);
        QCOMPARE(text("SELECT hours || ' ' || amount::numeric(20,2) FROM intercompany_charges"),
                 QString("12.00 792.00"));
        QCOMPARE(balance(de, "4100"), QString("-792.00"));
        QCOMPARE(balance(uk, "5050"), QString("696.96")); // 792.00 EUR at 0.88

        // Three hours taken back by an approved adjustment: the charge falls by 198.00.
        time(anna, ukProject, "2026-10-21", "-3", "60.00", "EUR");
        r = charge(de, october);
        QCOMPARE(r.amounts, (QList<Money>{money("-198.00", "EUR")}));
        QCOMPARE(linesOf(entryOf("charge", 2)),
                 (QStringList{"4100 Dr 198.00 EUR / 198.00 p-", "1300 Cr 198.00 EUR / 198.00 p-"}));
        QCOMPARE(balance(de, "1300"), QString("594.00"));
        QCOMPARE(balance(uk, "2400"), QString("-522.72"));
        QCOMPARE(scalar("SELECT count(*) FROM intercompany_charges"), 1);
        QCOMPARE(charge(uk, october).charges, 0);
    }

    void theMarkupOfTheGroupApplies()
    {
        db::exec(db->sql(), "UPDATE group_settings SET intercompany_markup = 0.125");
        anna = employee("anna", de, "DE");
        ukProject = makeProject(uk, "Thames");
        time(anna, ukProject, "2026-10-05", "7.5", "61.37", "EUR");
        // 7.5 × 61.37 = 460.275 × 1.125 = 517.809375 → 517.81
        QCOMPARE(charge(de, october).amounts, (QList<Money>{money("517.81", "EUR")}));
    }

    void aHardClosedSideRefusesTheWholeRun()
    {
        seedOctober();
        db::exec(db->sql(), "SELECT keel_ledger_ensure_periods(id, '2026-10-01', '2026-10-31') "
                            "FROM legal_entities");
        db::query(db->sql(),
                  "UPDATE accounting_periods SET status = 'hard_closed' WHERE legal_entity_id = ? "
                  "AND period_start = '2026-10-01'",
                  {uk});
        int status = 0;
        try {
            charge(de, october);
        } catch (const ApiError &e) {
            status = e.problem().status;
        }
        QCOMPARE(status, 423);
        QCOMPARE(scalar("SELECT count(*) FROM intercompany_charges"), 0);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 0);
        // A period is the first of a month.
        status = 0;
        try {
            charge(de, QDate(2026, 10, 2));
        } catch (const ApiError &e) {
            status = e.problem().status;
        }
        QCOMPARE(status, 422);
    }

    void theReconciliationShowsBothSides()
    {
        seedOctober();
        charge(de, october);
        auto g = login("grp");
        HttpResult r = g->get("/api/v1/close/intercompany?period=2026-10");
        QVERIFY2(r.status == 200, r.body.constData());
        QJsonObject o = r.json();
        QCOMPARE(o.value("group_currency").toString(), QString("USD"));
        QCOMPARE(o.value("as_of").toString(), QString("2026-10-31"));
        QCOMPARE(o.value("balanced").toBool(), true);
        QJsonArray pairs = o.value("pairs").toArray();
        QCOMPARE(pairs.size(), 1);
        const QJsonObject p = pairs.at(0).toObject();
        QCOMPARE(p.value("due_from_entity").toObject().value("code").toString(), QString("DE"));
        QCOMPARE(p.value("due_to_entity").toObject().value("code").toString(), QString("UK"));
        QCOMPARE(amountOf(p.value("due_from_functional")), QString("660.00 EUR"));
        QCOMPARE(amountOf(p.value("due_to_functional")), QString("580.80 GBP"));
        QCOMPARE(amountOf(p.value("due_from")), QString("726.00 USD")); // 660.00 × 1.10
        QCOMPARE(amountOf(p.value("due_to")), QString("726.00 USD"));
        QCOMPARE(amountOf(p.value("difference")), QString("0.00 USD"));
        QCOMPARE(amountOf(p.value("charged_in_period")), QString("726.00 USD"));
        // November: the balance carried, nothing charged in the month.
        r = g->get("/api/v1/close/intercompany?period=2026-11");
        QCOMPARE(amountOf(r.json().value("pairs").toArray().at(0).toObject().value("due_from")),
                 QString("726.00 USD"));
        QCOMPARE(
            amountOf(r.json().value("pairs").toArray().at(0).toObject().value("charged_in_period")),
            QString("0.00 USD"));
        // September: nothing yet.
        QCOMPARE(g->get("/api/v1/close/intercompany?period=2026-09")
                     .json()
                     .value("pairs")
                     .toArray()
                     .size(),
                 0);

        // UK finance sees its side's pair; US finance is no party to it.
        auto ukfin = login("ukfin");
        QCOMPARE(ukfin->get("/api/v1/close/intercompany?period=2026-10")
                     .json()
                     .value("pairs")
                     .toArray()
                     .size(),
                 1);
        auto fin = login("fin");
        r = fin->get("/api/v1/close/intercompany?period=2026-10");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("pairs").toArray().size(), 0);
        auto amy = login("amy");
        QCOMPARE(amy->get("/api/v1/close/intercompany?period=2026-10").status, 403);

        r = g->get("/api/v1/close/intercompany?period=2026-13");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("period:invalid_value"));
        r = g->get("/api/v1/close/intercompany");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("period:required"));
    }

    void aReversedSideShowsAsADifference()
    {
        seedOctober();
        charge(de, october);
        auto g = login("grp");
        HttpResult r =
            g->post(QStringLiteral("/api/v1/ledger/entries/%1/reverse").arg(entryOf("cost")), {});
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject o = g->get("/api/v1/close/intercompany?period=2026-10").json();
        QCOMPARE(o.value("balanced").toBool(), false);
        const QJsonObject p = o.value("pairs").toArray().at(0).toObject();
        QCOMPARE(amountOf(p.value("due_from")), QString("726.00 USD"));
        QCOMPARE(amountOf(p.value("due_to")), QString("0.00 USD"));
        QCOMPARE(amountOf(p.value("difference")), QString("726.00 USD"));
        QCOMPARE(p.value("balanced").toBool(), false);
    }

    void bothSidesConvertAtThePeriodEndsRate()
    {
        seedOctober();
        charge(de, october);
        // A EUR→USD rate on the period end moves both sides alike: still no difference.
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('EUR', 'USD', '2026-10-31', 1.2)");
        auto g = login("grp");
        const QJsonObject p = g->get("/api/v1/close/intercompany?period=2026-10")
                                  .json()
                                  .value("pairs")
                                  .toArray()
                                  .at(0)
                                  .toObject();
        QCOMPARE(amountOf(p.value("due_from")), QString("792.00 USD"));
        QCOMPARE(amountOf(p.value("due_to")), QString("792.00 USD"));
        QCOMPARE(amountOf(p.value("difference")), QString("0.00 USD"));
    }
};

QTEST_GUILESS_MAIN(IntercompanyTest)
#include "tst_intercompany.moc"
