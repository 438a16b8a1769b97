#include "revenue_live_forecast.h"

#include "db/database.h"
#include "db/pg_array.h"
#include "revenue/revenue_forecast_store.h"
#include "revenue_analytics_sql.h"

#include <QSqlQuery>

namespace keel::revenue_analytics {

namespace {

QList<qint64> staleEntities(QSqlDatabase db, const QString &ids, QDate current, QDate to)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT e FROM unnest(?::bigint[]) AS e WHERE NOT EXISTS (SELECT 1 FROM "
                       "analytics_live_forecast_runs r WHERE r.legal_entity_id = e AND "
                       "r.from_month = ? AND r.to_month >= ? AND r.computed_at > now() - "
                       "interval '5 minutes') ORDER BY e"),
        {ids, current, to});
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

} // namespace

void refreshLiveForecast(QSqlDatabase db, const QList<qint64> &entityIds, QDate to)
{
    const QDate current = currentMonth();
    if (to < current)
        return;
    db::PgArray all;
    for (qint64 id : entityIds)
        all.add(id);
    if (staleEntities(db, all.literal(), current, to).isEmpty())
        return;
    db::Transaction tx(db);
    db::query(db,
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('analytics:live_forecast'))"),
              {});
    // Another reader may have computed them while this one waited.
    const QList<qint64> stale = staleEntities(db, all.literal(), current, to);
    if (stale.isEmpty())
        return;
    db::PgArray ids;
    for (qint64 id : stale)
        ids.add(id);
    const QDate until = std::max(to, current.addMonths(23));
    // An obligation that ended before this month can only add a late milestone or the rest of a
    // completion method's price.
    const QList<RevenueMonthRow> rows = revenue_forecast_store::months(
        db,
        QStringLiteral("o.legal_entity_id = ANY(?::bigint[]) AND (o.end_date >= ? OR o.method IN "
                       "('poc_cost', 'poc_effort', 'milestone'))"),
        {ids.literal(), current}, current, until);
    db::PgArray entities, months, contracts, amounts, currencies;
    for (const RevenueMonthRow &r : rows) {
        entities.add(r.entityId);
        months.add(r.month);
        contracts.add(r.contractId);
        amounts.add(r.amount);
        currencies.add(r.currency);
    }
    db::query(db,
              QStringLiteral("DELETE FROM analytics_live_forecast WHERE legal_entity_id = "
                             "ANY(?::bigint[])"),
              {ids.literal()});
    // Summed per contract and month first, then converted once at today's rate (a contract
    // currency without one is left out, as GET /revenue/forecast leaves it).
    db::query(db, QStringLiteral(R"(
INSERT INTO analytics_live_forecast (legal_entity_id, month, contract_id, amount, currency,
                                     functional)
SELECT g.legal_entity_id, g.month, g.contract_id, g.amount, g.currency,
       round(g.amount * r.rate, 2)
FROM (SELECT legal_entity_id, month, contract_id, currency, sum(amount) AS amount
      FROM unnest(?::bigint[], ?::date[], ?::bigint[], ?::numeric[], ?::text[])
           AS u(legal_entity_id, month, contract_id, amount, currency)
      GROUP BY 1, 2, 3, 4) g
JOIN legal_entities le ON le.id = g.legal_entity_id
CROSS JOIN LATERAL (
    SELECT analytics_fx_rate(g.currency::char(3), le.functional_currency, current_date) AS rate) r
WHERE r.rate IS NOT NULL)"),
              {entities.literal(), months.literal(), contracts.literal(), amounts.literal(),
               currencies.literal()});
    db::query(db,
              QStringLiteral("INSERT INTO analytics_live_forecast_runs (legal_entity_id, "
                             "from_month, to_month, computed_at) SELECT e, ?, ?, now() FROM "
                             "unnest(?::bigint[]) AS e ON CONFLICT (legal_entity_id) DO UPDATE "
                             "SET from_month = EXCLUDED.from_month, to_month = "
                             "EXCLUDED.to_month, computed_at = EXCLUDED.computed_at"),
              {current, until, ids.literal()});
    tx.commit();
}

} // namespace keel::revenue_analytics
