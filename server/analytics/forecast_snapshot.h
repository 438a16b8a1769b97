#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>

namespace keel {

// The revenue forecast of an entity as it stood when `month` began, kept in
// revenue_forecast_snapshots (migration 0023) for forecast accuracy: by contract, for forecast
// months month … month + 11, in the functional currency (each contract's months converted at the
// latest rate on or before the first of `month`). What was recognised for months before `month`
// is actual; from `month` on everything is forecast (revenue_forecast_store::months as of the
// first day), so a month in the past can be snapshotted during a replay. Plans (assignments,
// milestones) are read as they are now. Idempotent: a snapshot already taken is left alone and
// 0 returned; otherwise the rows written. One transaction (a savepoint inside the caller's)
// under an advisory lock per entity and month, so two servers never take it twice. Throws
// ApiError 422 (month, no_fx_rate) when a contract currency has no rate.
int takeRevenueForecastSnapshot(QSqlDatabase db, qint64 entityId, QDate month);

// Whether the entity's snapshot of `month` was taken.
bool revenueForecastSnapshotTaken(QSqlDatabase db, qint64 entityId, QDate month);

// The lazy side: takes `month`'s snapshot of those entities that lack it (the first analytics
// request of revenue_vs_forecast or forecast_accuracy in a month). A snapshot that cannot be
// taken (a missing rate) is logged and skipped: the answer does not depend on it.
void ensureRevenueForecastSnapshots(QSqlDatabase db, const QList<qint64> &entityIds, QDate month);

} // namespace keel
