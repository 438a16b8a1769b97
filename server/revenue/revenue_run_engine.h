#pragma once

#include "money.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace keel {

// What one recognition run did, for the close, the demo and the run's row.
struct RevenueRunResult
{
    qint64 runId = 0;
    int obligations = 0; // obligations measured
    int entries = 0;     // journal entries posted (contracts whose figures changed)
    Money revenue;       // functional currency: revenue recognised by this run (may be < 0)
    Money lossProvision; // functional currency: change of the loss provision by this run
};

using RevenueRunProgress = std::function<void(int percent, const QString &step)>;

// The recognition run of an entity and period (server/revenue/README.md "Recognition run"),
// synchronously inside the caller's transaction on `db` (a savepoint of it): the run's row, the
// obligations the entity's contract lines still lack, the measures, one journal entry per contract
// whose figures changed, the revenue_recognitions rows, status completed. Throws ApiError (404
// unknown entity, 422 a missing exchange rate, 423 hard-closed period) and DbError; nothing of the
// run stays then.
RevenueRunResult runRevenueRecognition(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                       qint64 userId, const RevenueRunProgress &progress = {});

// The same for a run whose row (status running) exists already: the job of POST /revenue/runs.
RevenueRunResult executeRevenueRun(QSqlDatabase db, qint64 runId,
                                   const RevenueRunProgress &progress = {});

} // namespace keel
