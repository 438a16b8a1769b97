// The generic side of analytics: the ledger aggregate follows journal lines through the stale
// partitions (a posting marks its entity's month, a reader rebuilds it, a full rebuild agrees),
// and what a request for an unknown metric or with a bad filter gets.

#include "analytics/analytics_facts.h"
#include "tst_ledger_fixture.h"

using namespace keel;
using namespace keel::test;

class AnalyticsCoreTest : public QObject, public LedgerFixture
{
    Q_OBJECT

    void recognise(qint64 entity, const char *sourceId, QDate date, const char *amount,
                   const char *currency)
    {
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger, {entity,
                          client,
                          fin,
                          QString::fromLatin1(sourceId),
                          date,
                          {{entity == us ? project : 0, money(amount, currency), std::nullopt, {}}},
                          {}});
        });
    }

    // Revenue (credit − debit on the revenue role) of one entity-month in the aggregate.
    QString aggregatedRevenue(qint64 entity, const char *month)
    {
        return text("SELECT coalesce(sum(functional_credit - functional_debit), 0)::text FROM "
                    "analytics_ledger_month WHERE legal_entity_id = ? AND month = ?::date AND "
                    "account_role = 'revenue'",
                    {entity, QString::fromLatin1(month)});
    }

    qint64 staleCount()
    {
        return scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = 'ledger_month'");
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void aPostingMarksItsMonthAndAReaderRebuildsIt()
    {
        recognise(us, "core:1", QDate(2026, 10, 15), "1000.00", "USD");
        recognise(us, "core:2", QDate(2026, 10, 20), "250.50", "USD");
        recognise(de, "core:3", QDate(2026, 9, 3), "400.00", "EUR");
        QCOMPARE(staleCount(), 2); // (US, October) and (DE, September), once each
        QCOMPARE(aggregatedRevenue(us, "2026-10-01"), QString("0"));

        refreshStaleFacts(db->sql(), {QStringLiteral("ledger_month")});
        QCOMPARE(staleCount(), 0);
        QCOMPARE(aggregatedRevenue(us, "2026-10-01"), QString("1250.5000"));
        QCOMPARE(aggregatedRevenue(de, "2026-09-01"), QString("400.0000"));
        QCOMPARE(scalar("SELECT sum(lines) FROM analytics_ledger_month WHERE legal_entity_id = ? "
                        "AND month = '2026-10-01' AND account_role = 'revenue'",
                        {us}),
                 2);

        // A later posting marks only its month; the rebuild replaces, never doubles.
        recognise(us, "core:4", QDate(2026, 10, 31), "49.50", "USD");
        QCOMPARE(staleCount(), 1);
        refreshStaleFacts(db->sql(), {QStringLiteral("ledger_month")});
        QCOMPARE(aggregatedRevenue(us, "2026-10-01"), QString("1300.0000"));
        QCOMPARE(aggregatedRevenue(de, "2026-09-01"), QString("400.0000"));
    }

    void aFullRebuildEqualsTheMaintainedAggregate()
    {
        recognise(us, "core:1", QDate(2026, 8, 15), "1000.00", "USD");
        recognise(uk, "core:2", QDate(2026, 10, 1), "700.00", "GBP");
        refreshStaleFacts(db->sql(), {QStringLiteral("ledger_month")});
        db::exec(db->sql(), QStringLiteral("CREATE TEMP TABLE kept AS SELECT * FROM "
                                           "analytics_ledger_month"));
        const int partitions = rebuildAllFacts(db->sql(), QDate(2026, 1, 1), QDate(2026, 12, 1));
        QCOMPARE(partitions, 3 * 12);
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM "
                        "analytics_ledger_month) d"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM analytics_ledger_month EXCEPT ALL "
                        "SELECT * FROM kept) d"),
                 0);
        QCOMPARE(scalar("SELECT months FROM analytics_fact_builds WHERE fact = 'ledger_month'"),
                 36);
    }

    void unknownMetricsAndBadFiltersAreExplained()
    {
        auto f = login("fin");
        const HttpResult list = f->get("/api/v1/analytics/metrics");
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value("items").isArray());

        const HttpResult missing = f->get("/api/v1/analytics/metrics/happiness");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value("detail").toString(),
                 QString("There is no metric happiness."));
        const HttpResult records = f->get("/api/v1/analytics/metrics/happiness/records");
        QCOMPARE(records.status, 404);

        // A consultant has no dashboards.
        auto a = login("amy");
        QCOMPARE(a->get("/api/v1/analytics/metrics").status, 403);
    }
};

QTEST_GUILESS_MAIN(AnalyticsCoreTest)
#include "tst_analytics_core.moc"
