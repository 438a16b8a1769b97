#pragma once

#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace keel {

// What one intercompany run charged: rows of intercompany_charges new or changed, the journal
// entries posted (two per changed row: the employing and the contracting side), and the
// transfer price charged by this run per currency (negative when time was adjusted down).
struct IntercompanyRunResult
{
    int charges = 0;
    int entries = 0;
    Decimal hours;
    QList<Money> amounts; // one per currency, in the charging entities' cost currencies
    QJsonObject toJson() const;
};

// Charges the period's approved (or invoiced) time of employees of one entity on projects of
// another, where `entityId` is either side, at cost × (1 + group_settings.intercompany_markup):
// one intercompany_charges row per employee, project and period. A repeated run posts only the
// difference to what the row charged before (time approved since, adjustments), so no hour is
// charged twice. Inside the caller's transaction; both sides posted dated the period end through
// posting_rules::buildIntercompanyCharge and LedgerService::postMany (423 when a side's period is
// hard-closed, 422 when a rate is missing). `closeRunId` (optional) is stamped on the rows.
IntercompanyRunResult chargeIntercompany(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                         qint64 userId, qint64 closeRunId = 0);

} // namespace keel
