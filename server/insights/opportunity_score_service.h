#pragma once

#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

struct Request;

// GET /insights/opportunities and /insights/opportunities/{id} (README "Opportunity scoring").
// at_risk: the model's probability is at least 0.20 below the rep's AND the deal is in the top
// half by value of the deals the filters match (value ≥ their median, in the answer currency):
// a large deal the rep is too sure of is where a second look pays.
QJsonObject opportunityScoreList(QSqlDatabase db, const Request &request);
QJsonObject opportunityScoreOne(QSqlDatabase db, const Request &request, qint64 id);

} // namespace keel
