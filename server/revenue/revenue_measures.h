#pragma once

#include <QDate>
#include <QSqlDatabase>

namespace keel::revenue_measures {

// The set-based measuring of a recognition run (server/revenue/README.md), inside the caller's
// transaction, into the temporary table rr_obl (dropped at commit): one row per obligation of
// the entity with its measure to date, measure at completion, percent complete, cumulative
// revenue to the period end and loss provision, in the contract currency. A handful of
// statements whatever the number of contracts. Throws ApiError 422 no_fx_rate when a cost or
// expense needs a rate that is missing.
void measure(QSqlDatabase db, qint64 entityId, QDate periodEnd);

} // namespace keel::revenue_measures
