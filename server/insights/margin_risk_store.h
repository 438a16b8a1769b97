#pragma once

#include "margin_risk_rule.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace keel {

// One active project as of a date, as the route answers it: features for the rule and the exact
// amounts (SQL numeric, printed) the answer states.
struct MarginRiskProjectRow
{
    qint64 projectId = 0;
    qint64 entityId = 0;
    QString code;
    QString name;
    QString account;
    QString manager;
    MarginRiskFeatures features;
    QString contractValue;  // exact, the project's currency
    QString expectedMargin; // contract value − cost at completion, exact
    QString forecastMargin; // "0.2310"
    QString targetMargin;
    QString budgetSpent; // cost spent ÷ budget cost, "0.7000"
};

// Active and on-hold projects of `entityIds` (of one manager when managerUserId ≠ 0) started by
// `asOf`, with a cost budget, measured as of `asOf` from dated detail only. `p` gives the
// projection's start (min_elapsed) and the firm's target margin.
std::vector<MarginRiskProjectRow> marginRiskProjects(QSqlDatabase db,
                                                     const QList<qint64> &entityIds,
                                                     qint64 managerUserId, QDate asOf,
                                                     const MarginRiskParameters &p);

// The dated history of every project started by `asOf` (all entities), read once so that
// training can replay any as-of date in memory.
struct MarginRiskHistory
{
    struct Dated
    {
        qint64 day = 0; // julian day
        double a = 0;
        double b = 0;
        double c = 0;
    };
    struct Project
    {
        qint64 id = 0;
        qint64 start = 0, end = 0; // julian days
        bool planted = false;      // insights_planted overrun_project
        bool timeAndMaterials = false;
        std::vector<Dated> budgets;    // created day: cost, hours, revenue (by version)
        std::vector<Dated> contracts;  // created day: total value (by version)
        std::vector<Dated> time;       // work day: cost (project currency), hours; by day
        std::vector<Dated> milestones; // planned day: accepted day (0: not accepted)
        std::vector<Dated> changes;    // submitted day: decided day (0: pending)
        std::vector<Dated> unbilled;   // work day: invoiced day (0: not invoiced), hours
    };
    std::vector<Project> projects;

    // The project's features as of `day`, computed as marginRiskProjects computes them.
    static MarginRiskFeatures featuresAt(const Project &p, qint64 day);
};

MarginRiskHistory loadMarginRiskHistory(QSqlDatabase db, QDate asOf);

// The median planned margin of the budgets created by `asOf` (the firm's target).
double marginRiskFirmTarget(QSqlDatabase db, QDate asOf);

} // namespace keel
