#pragma once

#include <QJsonArray>
#include <QSqlDatabase>
#include <QStringList>

namespace keel {

// SQL of the contracts a billing run can bill, as choices for the run's contract picker.
namespace billing_contract_store {

struct ContractFilter
{
    QStringList entities; // codes of the caller's grant ("*" = every entity)
    qint64 entityId = 0;  // 0 = any of them
    QString q;            // "" = any; else a substring of number, title or client name
    qint64 after = 0;
    int limit = 50;
};

// In id order; each with its lines' billing models and the approved billable time on its
// projects that no billing_sources row claims yet (entries, hours).
QJsonArray list(QSqlDatabase db, const ContractFilter &filter);

} // namespace billing_contract_store
} // namespace keel
