#pragma once

#include "currency.h"
#include "statements_query.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace keel {

// A line of a statement in the statement's currency: an account number (the entities' accounts
// of that number for the group) or a computed line (earnings, translation reserve).
struct FinancialStatementRow
{
    QString key; // the number, or current_year_earnings, prior_years_earnings,
                 // translation_reserve, intercompany_difference
    QString number, name, type;
    QList<std::pair<qint64, qint64>> accounts; // (legal entity, ledger account) for drill-down
    QList<qint64> amounts;                     // per column, minor units, natural sign
    bool keep = false;                         // shown even when zero in every column
};

// A computed row (earnings, translation reserve, intercompany difference): zero in each column.
FinancialStatementRow computedStatementRow(const QString &key, const QString &name,
                                           const QString &type, qsizetype columns,
                                           bool keep = false);

// A balance sheet's current_year_earnings (always shown) and prior_years_earnings rows.
std::pair<FinancialStatementRow, FinancialStatementRow> earningsStatementRows(qsizetype columns);

// The answer of GET /close/statements (server/close/README.md, "Statements"): sections by
// account type with totals, net income or the balance sheet's totals, and the eliminations for
// the group. Rows zero in every column are left out unless kept.
QJsonObject financialStatementJson(const FinancialStatementQuery &query, const Currency &currency,
                                   const QList<FinancialStatementRow> &rows,
                                   const QList<FinancialStatementRow> &eliminations);

} // namespace keel
