#include "margin_risk_rule.h"

#include <algorithm>
#include <cmath>

namespace keel {

namespace {

double number(const QJsonObject &json, const char *key, double fallback)
{
    const QJsonValue v = json.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

QString percent(double share)
{
    return QString::number(int(std::lround(share * 100)));
}

} // namespace

QJsonObject MarginRiskParameters::toJson() const
{
    return {{"min_elapsed", minElapsed},
            {"burn_threshold", burnThreshold},
            {"margin_tolerance", marginTolerance},
            {"high_gap", highGap},
            {"rate_mix_threshold", rateMixThreshold},
            {"unbilled_growth", unbilledGrowth},
            {"unbilled_min_hours", unbilledMinHours},
            {"firm_target_margin", firmTargetMargin}};
}

MarginRiskParameters MarginRiskParameters::fromJson(const QJsonObject &json)
{
    MarginRiskParameters p;
    p.minElapsed = number(json, "min_elapsed", p.minElapsed);
    p.burnThreshold = number(json, "burn_threshold", p.burnThreshold);
    p.marginTolerance = number(json, "margin_tolerance", p.marginTolerance);
    p.highGap = number(json, "high_gap", p.highGap);
    p.rateMixThreshold = number(json, "rate_mix_threshold", p.rateMixThreshold);
    p.unbilledGrowth = number(json, "unbilled_growth", p.unbilledGrowth);
    p.unbilledMinHours = number(json, "unbilled_min_hours", p.unbilledMinHours);
    p.firmTargetMargin = number(json, "firm_target_margin", p.firmTargetMargin);
    return p;
}

QString marginRiskRatio(double value)
{
    return QString::number(std::isfinite(value) ? value : 0.0, 'f', 4);
}

double marginRiskTarget(const MarginRiskFeatures &f, const MarginRiskParameters &p)
{
    return f.budgetRevenue > 0 ? (f.budgetRevenue - f.budgetCost) / f.budgetRevenue
                               : p.firmTargetMargin;
}

double marginRiskEac(const MarginRiskFeatures &f, const MarginRiskParameters &p)
{
    if (f.elapsed >= p.minElapsed && f.elapsed > 0)
        return f.costSpent / f.elapsed;
    return std::max(f.budgetCost, f.costSpent);
}

MarginRiskAssessment assessMarginRisk(const MarginRiskFeatures &f, const MarginRiskParameters &p,
                                      bool withEvidence)
{
    MarginRiskAssessment a;
    a.targetMargin = marginRiskTarget(f, p);
    const double spentShare = f.budgetCost > 0 ? f.costSpent / f.budgetCost : 0;
    a.burnRatio = f.elapsed > 0 ? spentShare / f.elapsed : 0;
    a.forecastMargin =
        f.contractValue > 0 ? (f.contractValue - marginRiskEac(f, p)) / f.contractValue : 0;
    const bool burnCounts = f.elapsed >= p.minElapsed && f.budgetCost > 0;
    const bool burnAhead = burnCounts && a.burnRatio >= p.burnThreshold;
    a.flagged =
        burnAhead && f.contractValue > 0 && a.forecastMargin < a.targetMargin - p.marginTolerance;
    a.high = a.flagged && (a.forecastMargin < 0 || a.forecastMargin < a.targetMargin - p.highGap);
    if (!withEvidence)
        return a;

    if (burnAhead)
        a.evidence.push_back(
            {QStringLiteral("burn_ahead"),
             QStringLiteral("%1 % of the cost budget is spent at %2 % of the schedule: %3 times "
                            "the planned pace (alerts from %4 times).")
                 .arg(percent(spentShare), percent(f.elapsed), QString::number(a.burnRatio, 'f', 2),
                      QString::number(p.burnThreshold, 'f', 2)),
             marginRiskRatio(spentShare), marginRiskRatio(f.elapsed)});
    if (f.milestonesSlipping > 0)
        a.evidence.push_back({QStringLiteral("milestones_slipping"),
                              QStringLiteral("%1 of %2 milestones due by now are not accepted.")
                                  .arg(f.milestonesSlipping)
                                  .arg(f.milestonesDue),
                              QString::number(f.milestonesSlipping),
                              QString::number(f.milestonesDue)});
    if (f.changeRequestsPending > 0)
        a.evidence.push_back({QStringLiteral("change_requests_pending"),
                              QStringLiteral("%1 change request(s) worth %2 %3 await a decision.")
                                  .arg(f.changeRequestsPending)
                                  .arg(f.pendingValue, f.currency),
                              QString::number(f.changeRequestsPending), f.pendingValue});
    if (f.hoursSpent > 0 && f.budgetHours > 0 && f.budgetCost > 0) {
        const double actualRate = f.costSpent / f.hoursSpent;
        const double plannedRate = f.budgetCost / f.budgetHours;
        if (actualRate >= plannedRate * p.rateMixThreshold)
            a.evidence.push_back(
                {QStringLiteral("rate_mix"),
                 QStringLiteral("An hour costs %1 %3 so far against %2 %3 in the budget: the "
                                "staffing mix is more senior than planned.")
                     .arg(QString::number(actualRate, 'f', 2), QString::number(plannedRate, 'f', 2),
                          f.currency),
                 QString::number(actualRate, 'f', 2), QString::number(plannedRate, 'f', 2)});
    }
    if (f.timeAndMaterials && f.unbilledHours >= p.unbilledMinHours &&
        f.unbilledHours >= f.unbilledHoursBefore * p.unbilledGrowth)
        a.evidence.push_back(
            {QStringLiteral("unbilled_growing"),
             QStringLiteral("Approved time not yet invoiced grew from %1 h to %2 h over four "
                            "weeks.")
                 .arg(QString::number(f.unbilledHoursBefore, 'f', 2),
                      QString::number(f.unbilledHours, 'f', 2)),
             QString::number(f.unbilledHours, 'f', 2),
             QString::number(f.unbilledHoursBefore, 'f', 2)});
    return a;
}

} // namespace keel
