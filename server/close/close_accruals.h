#pragma once

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

// README "Accruals": the contractors' approved time of an agreement, from its start to the
// period end, beyond the hours of its approved bills dated up to the period end, at the
// agreement's rate: Dr 5100 Subcontractor cost (per project) / Cr 2600 Accrued liabilities
// dated the period end, one entry per currency, each reversed on the first day of the next
// period. A repeated run cancels the current accrual (mirrors of both entries) first.
struct CloseAccrualResult
{
    qint64 accrualId = 0;
    int itemCount = 0;
    QJsonObject json; // {accrual_id, item_count, totals: [money], entries: [ids]}
};

// Inside the caller's transaction on `db` (the thread's db::connection()).
CloseAccrualResult accrueSubcontractors(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                        qint64 userId, qint64 closeRunId = 0);

} // namespace keel
