#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace keel {

class Router;
struct DbConfig;
struct Request;

// Margin-risk alerts (README.md, "margin_risk"). The model's spec is marginRiskModel() in
// insights_model.h.
void registerMarginRiskRoutes(Router &router, const DbConfig &database);

// The answer of GET /insights/margin-risk for the caller's request (scope, manager=, all=,
// as_of=). 409 not_trained before the first training.
QJsonObject marginRiskAnswer(QSqlDatabase db, const Request &request);

// The current model's alerts for the active projects of `entityIds` as of `asOf` (managerUserId
// 0: every manager; all: unflagged projects too), as the route's `items`. Without a trained
// model: 409 not_trained.
QJsonObject marginRiskItems(QSqlDatabase db, const QList<qint64> &entityIds, qint64 managerUserId,
                            QDate asOf, bool all);

} // namespace keel
