#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>

namespace keel::revenue_analytics {

// Brings analytics_live_forecast up to date for the entities: recomputed from
// revenue_forecast_store::months (as now) for the current month to two years on (or `to` when
// later) when older than five minutes or computed in an earlier month, one transaction under an
// advisory lock so concurrent readers wait for one computation.
void refreshLiveForecast(QSqlDatabase db, const QList<qint64> &entityIds, QDate to);

} // namespace keel::revenue_analytics
