#include "forecast_snapshot.h"

#include "db/database.h"
#include "db/pg_array.h"
#include "http/http_types.h"
#include "revenue/revenue_forecast_store.h"
#include "revenue/revenue_obligation_store.h"

#include <QDebug>
#include <QSqlQuery>

namespace keel {

bool revenueForecastSnapshotTaken(QSqlDatabase db, qint64 entityId, QDate month)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT 1 FROM revenue_forecast_snapshot_takes WHERE "
                                           "legal_entity_id = ? AND snapshot_month = ?"),
                            {entityId, month});
    return q.next();
}

int takeRevenueForecastSnapshot(QSqlDatabase db, qint64 entityId, QDate month)
{
    month = QDate(month.year(), month.month(), 1);
    db::Transaction tx(db);
    db::query(db,
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended("
                             "'revenue_forecast_snapshot:' || ? || ':' || ?, 0))"),
              {QString::number(entityId), month.toString(Qt::ISODate)});
    if (revenueForecastSnapshotTaken(db, entityId, month))
        return 0;

    // Contract lines signed since the last run have no obligation yet; the forecast reads them.
    revenue_obligation_store::sync(db, entityId);
    const QList<RevenueMonthRow> rows = revenue_forecast_store::months(
        db, QStringLiteral("o.legal_entity_id = ?"), {entityId}, month, month.addMonths(11), month);
    db::PgArray contracts, months, amounts, currencies;
    for (const RevenueMonthRow &r : rows) {
        if (r.actual) // none as of the first day; recognised months are not forecast
            continue;
        contracts.add(r.contractId);
        months.add(r.month);
        amounts.add(r.amount);
        currencies.add(r.currency);
    }
    const QVariantList unnestBinds{contracts.literal(), months.literal(), amounts.literal(),
                                   currencies.literal()};
    const QString rate =
        QStringLiteral("CROSS JOIN LATERAL (SELECT analytics_fx_rate(u.currency::char(3), "
                       "le.functional_currency, ?) AS rate) r");
    const QString from = QStringLiteral(
        "FROM unnest(?::bigint[], ?::date[], ?::numeric[], ?::text[]) AS u(contract_id, month, "
        "amount, currency) JOIN legal_entities le ON le.id = ? ");

    QVariantList binds = unnestBinds;
    binds << entityId << month;
    QSqlQuery missing =
        db::query(db,
                  QStringLiteral("SELECT DISTINCT u.currency || '→' || le.functional_currency ") +
                      from + rate + QStringLiteral(" WHERE r.rate IS NULL"),
                  binds);
    if (missing.next())
        throw ApiError::invalidField(
            QStringLiteral("month"), QStringLiteral("no_fx_rate"),
            QStringLiteral("No %1 exchange rate on or before %2.")
                .arg(missing.value(0).toString(), month.toString(Qt::ISODate)));

    binds = {month};
    binds += unnestBinds;
    binds << entityId << month;
    QSqlQuery inserted = db::query(
        db,
        QStringLiteral("WITH ins AS (INSERT INTO revenue_forecast_snapshots (snapshot_month, "
                       "legal_entity_id, forecast_month, contract_id, amount, currency) "
                       "SELECT ?::date, le.id, u.month, u.contract_id, "
                       "round(sum(u.amount) * r.rate, 2), le.functional_currency ") +
            from + rate +
            QStringLiteral(" GROUP BY le.id, le.functional_currency, u.month, u.contract_id, "
                           "r.rate HAVING round(sum(u.amount) * r.rate, 2) <> 0 RETURNING 1) "
                           "SELECT count(*) FROM ins"),
        binds);
    const int written = inserted.next() ? inserted.value(0).toInt() : 0;
    db::query(db,
              QStringLiteral("INSERT INTO revenue_forecast_snapshot_takes (snapshot_month, "
                             "legal_entity_id, row_count) VALUES (?, ?, ?)"),
              {month, entityId, written});
    tx.commit();
    return written;
}

void ensureRevenueForecastSnapshots(QSqlDatabase db, const QList<qint64> &entityIds, QDate month)
{
    db::PgArray ids;
    for (qint64 id : entityIds)
        ids.add(id);
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT e FROM unnest(?::bigint[]) AS e WHERE NOT "
                                           "EXISTS (SELECT 1 FROM revenue_forecast_snapshot_takes "
                                           "t WHERE t.legal_entity_id = e AND t.snapshot_month = "
                                           "?) ORDER BY e"),
                            {ids.literal(), month});
    QList<qint64> lacking;
    while (q.next())
        lacking.append(q.value(0).toLongLong());
    if (lacking.isEmpty())
        return;
    db::Transaction tx(db);
    for (qint64 entity : lacking) {
        try {
            takeRevenueForecastSnapshot(db, entity, month);
        } catch (const ApiError &e) {
            qWarning().noquote() << "analytics: no revenue forecast snapshot of entity" << entity
                                 << "for" << month.toString(Qt::ISODate) << ":" << e.what();
        }
    }
    tx.commit();
}

} // namespace keel
