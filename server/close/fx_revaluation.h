#pragma once

#include "money.h"

#include <QDate>
#include <QSqlDatabase>

namespace keel {

// What a month-end FX revaluation did (see server/close/README.md, "FX revaluation").
struct FxRevaluationResult
{
    qint64 revaluationId = 0;
    int items = 0;
    Money gain, loss;           // functional currency, gross over the items
    qint64 entryId = 0;         // dated the period end; 0 when nothing differed
    qint64 reversalEntryId = 0; // dated the first day of the next period
    qint64 supersededId = 0;    // the earlier revaluation of the period this one replaced
};

// Revalues the entity's open foreign-currency items at the period end's rate and posts the
// unrealised gain / loss and its reversal; a revaluation of the period made before is reversed
// first (both its entries) and marked superseded. Runs inside the caller's transaction (a
// savepoint of it) on `db`, which must be the calling thread's db::connection() (the one the
// ledger posts on; another throws std::logic_error). `periodStart` is the first of a month.
// Throws ApiError: 404 unknown entity, 422 a bad period or a missing rate (no_fx_rate), 423
// when the period is hard-closed. closeRunId links the close run that asked for it (0: none).
FxRevaluationResult revalueForeignCurrency(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                           qint64 userId, qint64 closeRunId = 0);

} // namespace keel
