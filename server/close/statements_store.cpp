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
                                        const QList<QDate> &thresholds,
                                        const QList<std::pair<QDate, QDate>> &ranges)
{
    db::PgArray ids;
    for (const qint64 id : entityIds)
        ids.add(id);
    // The trial balance's pass over the covering index, one index range per date range read
    // (a month's P&L and its comparisons skip the year between them). One sum per bucket
    // grouped by account only keeps the aggregate a small hash table.
    QStringList sums, reads;
    QVariantList binds;
    const qsizetype n = thresholds.size();
    for (qsizetype k = 0; k <= n; ++k) {
        QString filter;
        if (k > 0) {
            filter += QStringLiteral("entry_date >= ?");
            binds.append(thresholds.at(k - 1));
        }
        if (k < n) {
            filter +=
                k > 0 ? QStringLiteral(" AND entry_date < ?") : QStringLiteral("entry_date < ?");
            binds.append(thresholds.at(k));
        }
        sums.append(QStringLiteral("trim_scale(sum(functional_debit - functional_credit) "
                                   "FILTER (WHERE %1))::text")
                        .arg(filter));
    }
    for (const auto &[from, to] : ranges) {
        reads.append(QStringLiteral(
            "SELECT legal_entity_id, ledger_account_id, entry_date, functional_debit, "
            "functional_credit FROM journal_lines WHERE legal_entity_id = ANY(?::bigint[]) "
            "AND entry_date >= coalesce(?::date, '-infinity') AND entry_date <= ?::date"));
        binds << ids.literal()
              << (from.isValid() ? QVariant(from) : QVariant(QMetaType::fromType<QDate>())) << to;
    }
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT legal_entity_id, ledger_account_id, %1 FROM "
                       "(%2) l GROUP BY 1, 2")
            .arg(sums.join(QStringLiteral(", ")), reads.join(QStringLiteral(" UNION ALL "))),
        binds);
    QList<FinancialStatementBucket> out;
    while (q.next())
        for (int k = 0; k <= n; ++k)
            if (!q.isNull(2 + k))
                out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), k,
                            q.value(2 + k).toString()});
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
