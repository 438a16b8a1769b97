#include "statements_store.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>
#include <QVariant>

namespace keel::financial_statement_store {

QList<FinancialStatementEntity> entities(QSqlDatabase db)
{
    QSqlQuery q = db::query(
        db, QStringLiteral("SELECT id, code, functional_currency FROM legal_entities ORDER BY id"),
        {});
    QList<FinancialStatementEntity> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

QHash<qint64, FinancialStatementAccount> accounts(QSqlDatabase db, const QList<qint64> &entityIds)
{
    db::PgArray ids;
    for (const qint64 id : entityIds)
        ids.add(id);
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT id, legal_entity_id, number, name, type, "
                                           "coalesce(role, '') FROM ledger_accounts "
                                           "WHERE legal_entity_id = ANY(?::bigint[])"),
                            {ids.literal()});
    QHash<qint64, FinancialStatementAccount> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(),
                   {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    return out;
}

QList<FinancialStatementBucket> buckets(QSqlDatabase db, const QList<qint64> &entityIds,
                                        const QList<QDate> &thresholds, QDate from, QDate to)
{
    db::PgArray ids, bounds;
    for (const qint64 id : entityIds)
        ids.add(id);
    for (const QDate d : thresholds)
        bounds.add(d);
    // The trial balance's pass over the covering index, grouped by date bucket as well: every
    // column of every statement comes from the same few sums.
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT legal_entity_id, ledger_account_id, width_bucket(entry_date, ?::date[]) AS b, "
            "trim_scale(sum(functional_debit) - sum(functional_credit))::text "
            "FROM journal_lines WHERE legal_entity_id = ANY(?::bigint[]) "
            "AND entry_date >= coalesce(?::date, '-infinity') AND entry_date <= ?::date "
            "GROUP BY 1, 2, 3"),
        {bounds.literal(), ids.literal(),
         from.isValid() ? QVariant(from) : QVariant(QMetaType::fromType<QDate>()), to});
    QList<FinancialStatementBucket> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
                    q.value(3).toString()});
    return out;
}

QList<std::pair<QDate, QString>> rates(QSqlDatabase db, const QString &fromCurrency,
                                       const QString &toCurrency, QDate from, QDate to)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT rate_date, trim_scale(round(rate, 6))::text FROM fx_rates "
            "WHERE from_currency = ? AND to_currency = ? AND rate_date <= ? AND rate_date >= "
            "coalesce((SELECT max(rate_date) FROM fx_rates WHERE from_currency = ? AND "
            "to_currency = ? AND rate_date <= ?), ?) ORDER BY rate_date"),
        {fromCurrency, toCurrency, to, fromCurrency, toCurrency, from, from});
    QList<std::pair<QDate, QString>> out;
    while (q.next())
        out.append({q.value(0).toDate(), q.value(1).toString()});
    return out;
}

} // namespace keel::financial_statement_store
