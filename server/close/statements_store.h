#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

struct FinancialStatementAccount
{
    qint64 id = 0, entityId = 0;
    QString number, name, type, role;
};

// Debit-positive functional sum of one account's lines in one date bucket (decimal text).
struct FinancialStatementBucket
{
    qint64 entityId = 0, accountId = 0;
    int bucket = 0;
    QString net;
};

// A legal entity as the statements need it.
struct FinancialStatementEntity
{
    qint64 id = 0;
    QString code, currency;
};

// SQL of the financial statements: one pass over journal_lines_tb_idx.
namespace financial_statement_store {

QList<FinancialStatementEntity> entities(QSqlDatabase db);
QHash<qint64, FinancialStatementAccount> accounts(QSqlDatabase db, const QList<qint64> &entityIds);

// Lines of the entities dated within `ranges` (disjoint, ascending; a range's first date may
// be invalid: from the beginning) summed per entity, account and bucket, where bucket k holds
// dates in [thresholds[k-1], thresholds[k]) (thresholds ascending; bucket 0 everything before
// the first, the last everything from the last on).
QList<FinancialStatementBucket> buckets(QSqlDatabase db, const QList<qint64> &entityIds,
                                        const QList<QDate> &thresholds,
                                        const QList<std::pair<QDate, QDate>> &ranges);

// Daily rates from → to (rounded to 6 places as fx_rates.h reads them) dated from the last one
// on or before `from` up to `to`, ascending.
QList<std::pair<QDate, QString>> rates(QSqlDatabase db, const QString &fromCurrency,
                                       const QString &toCurrency, QDate from, QDate to);

} // namespace financial_statement_store

} // namespace keel
