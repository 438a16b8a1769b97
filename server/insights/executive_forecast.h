#pragma once

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

class Router;
struct DbConfig;
struct InsightsScope;

// Executive forecast (README.md, "executive_forecast"). The model's spec is
// executiveForecastModel() in insights_model.h.
void registerExecutiveForecastRoutes(Router &router, const DbConfig &database);

// GET /insights/forecast's answer for the scope: the twelve months from `today`'s, with the
// current model (409 not_trained without one). Dashboards may call it in-process.
QJsonObject executiveForecastJson(QSqlDatabase db, const InsightsScope &scope, QDate today);

// GET /insights/forecast/{month}/records: the records behind `part` (backlog | pipeline |
// run_rate) of `month` (one of the twelve; else 422 naming `month`), total = the month's part.
QJsonObject executiveForecastRecordsJson(QSqlDatabase db, const InsightsScope &scope, QDate today,
                                         const QString &month, const QString &part);

} // namespace keel
