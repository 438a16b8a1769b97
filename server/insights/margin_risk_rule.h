#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace keel {

// The margin-risk rule (README.md "Margin risk"): what training fits and scoring applies. Doubles
// are features and ratios here; the amounts an alert answers come from SQL (margin_risk_store).
struct MarginRiskParameters
{
    // Burn is judged only from this share of the schedule on: earlier, a week's lumpy time
    // would decide.
    double minElapsed = 0.15;
    // Alert when the cost budget burns this many times faster than the schedule (fitted).
    double burnThreshold = 1.3;
    // ... and the forecast margin falls below target by more than this (fractions).
    double marginTolerance = 0.05;
    // Severity high when the forecast margin is this far below target, or below zero.
    double highGap = 0.15;
    double rateMixThreshold = 1.10; // actual cost per hour ÷ the budget's
    double unbilledGrowth = 1.25;   // unbilled hours now ÷ four weeks before
    double unbilledMinHours = 8;
    double firmTargetMargin = 0.35; // a budget without revenue: the firm's median planned margin

    QJsonObject toJson() const;
    static MarginRiskParameters fromJson(const QJsonObject &json);
};

// One project as of a date.
struct MarginRiskFeatures
{
    double contractValue = 0; // contract version as of the date, else the budget's revenue
    double budgetCost = 0;
    double budgetHours = 0;
    double budgetRevenue = 0;
    double costSpent = 0; // approved time's cost through the date, in the project's currency
    double hoursSpent = 0;
    double elapsed = 0; // share of the schedule (start to end) passed, 0–1
    int milestonesDue = 0;
    int milestonesSlipping = 0; // due by the date and not accepted by it
    int changeRequestsPending = 0;
    QString pendingValue; // their delta value, exact (empty in the backtest)
    QString currency;
    bool timeAndMaterials = false; // unbilled time only means something where time is billed
    double unbilledHours = 0;
    double unbilledHoursBefore = 0; // four weeks earlier
};

struct MarginRiskEvidence
{
    QString kind; // burn_ahead, milestones_slipping, change_requests_pending, rate_mix,
                  // unbilled_growing
    QString text;
    QString value;
    QString comparedWith;
};

struct MarginRiskAssessment
{
    bool flagged = false;
    bool high = false;
    double burnRatio = 0;      // budget spent share ÷ elapsed share
    double targetMargin = 0;   // planned margin of the budget
    double forecastMargin = 0; // (contract value − cost at completion) ÷ contract value
    std::vector<MarginRiskEvidence> evidence;
};

// The budget's planned margin, or the firm's when the budget carries no revenue.
double marginRiskTarget(const MarginRiskFeatures &f, const MarginRiskParameters &p);
// Cost at completion projected from the burn: spent ÷ elapsed once burn counts, else the budget
// (or what is spent, when more).
double marginRiskEac(const MarginRiskFeatures &f, const MarginRiskParameters &p);
// `withEvidence` false: the decision only (the backtest's thousands of replays).
MarginRiskAssessment assessMarginRisk(const MarginRiskFeatures &f, const MarginRiskParameters &p,
                                      bool withEvidence = true);

QString marginRiskRatio(double value); // "0.6312"

} // namespace keel
