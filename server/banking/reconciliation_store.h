#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>

namespace keel {

struct ReconciliationSums
{
    QString statement, unmatched, ignored; // Σ statement lines up to the date, by status
    QString ledger, ledgerFunctional;      // the bank's ledger account in the account's currency
    QString notOnStatement;                // receipts (+) and payments (−) on no line
};

// SQL of a bank reconciliation, on the caller's connection. Amounts are decimal text.
class ReconciliationStore
{
public:
    explicit ReconciliationStore(QSqlDatabase db) : m_db(std::move(db)) {}

    ReconciliationSums sums(qint64 bankAccountId, qint64 ledgerAccountId, const QString &currency,
                            QDate asOf) const;
    QJsonArray unmatchedLines(qint64 bankAccountId, QDate asOf, int limit) const;
    // Receipts and vendor payments of the account, up to the date, that no line matches.
    QJsonArray notOnStatement(qint64 bankAccountId, QDate asOf, int limit) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel
