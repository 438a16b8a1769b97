#pragma once

#include "statements_query.h"
#include "statements_store.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace keel {

// The group's statement in group_settings.group_currency. Each entity's account balances are
// translated on their own (a balance sheet's at the column end's closing rate; profit and loss
// at the average of the daily rates over the column, and the balance sheet's current-year
// earnings at the average over the year to date; earnings of prior years not closed at the
// closing rate). Accounts of the intercompany roles (due from / due to affiliates,
// intercompany revenue and cost) are eliminated: left out of the sections and listed under
// "eliminations". What the translation and the eliminations leave unbalanced on the balance
// sheet is the translation reserve (equity); in the P&L, eliminated revenue and cost that
// differ only by their translation show as the intercompany elimination difference, so the
// group's net income is the sum of the entities' translated net incomes.
QJsonObject consolidatedFinancialStatement(QSqlDatabase db, const FinancialStatementQuery &query,
                                           const QList<FinancialStatementEntity> &entities);

} // namespace keel
