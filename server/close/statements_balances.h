#pragma once

#include "decimal.h"
#include "statements_query.h"
#include "statements_store.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace keel {

// The functional balances a statement needs, per account and column (debit-positive): a P&L's
// movements from..to; a balance sheet's balances up to `to`, and for its earnings the revenue
// and expense accounts' movements of the year to `to` (currentYear) and before it (priorYears).
struct FinancialStatementBalances
{
    QHash<qint64, FinancialStatementAccount> accounts;
    QHash<qint64, QList<Decimal>> main, currentYear, priorYears;
};

// One pass over the entities' journal lines for every column.
FinancialStatementBalances
loadFinancialStatementBalances(QSqlDatabase db, const QList<qint64> &entityIds, bool balanceSheet,
                               const QList<FinancialStatementColumn> &columns);

bool isProfitAndLossType(const QString &type);
// +1 for debit-natural types (asset, expense), -1 for the others.
int naturalSign(const QString &type);
// The first day of the (calendar) financial year `date` falls in.
QDate financialYearStart(QDate date);

} // namespace keel
