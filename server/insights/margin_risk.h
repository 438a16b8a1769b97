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
//
// Everything is measured as of a day from dated detail (time's work_date, budget and contract
// versions' created_at, milestones' planned and acceptance dates, change requests' submitted_at
// and decided_at), so the backtest replays history week by week:
// - progress (percent_complete) is the share of the schedule passed; budget_spent_pct the
//   approved time's cost (converted per work day into the project's currency) ÷ the cost budget;
//   burn = spent ÷ progress;
// - cost at completion = spent ÷ progress once 15 % of the schedule has passed (before, the
//   budget); forecast margin = (contract value − cost at completion) ÷ contract value, the
//   contract version of the day (else the budget's revenue); expected_margin = contract value −
//   cost at completion, SQL numeric to the cent;
// - target margin: the budget's planned margin ((revenue − cost) ÷ revenue), else the firm's
//   median planned margin;
// - an alert: burn at or above the trained threshold and the forecast margin more than 5 points
//   below target; high when more than 15 points below, or negative;
// - training fits the burn threshold (1.10–2.50) maximising F1 of "alerted before half the budget
//   was spent" against "cost at completion ≥ 1.2 × the cost budget" on the finished projects;
//   the backtest fits on those finished before asOf − 6 months and replays every seventh day
//   back from asOf on the others.
// Without ?as_of= the route measures on the day of the scope's latest approved time (at most
// today).
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
