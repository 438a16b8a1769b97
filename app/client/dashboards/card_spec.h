#pragma once

#include "dashboard_filter.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <utility>

namespace keel::dashboards {

// The five role dashboards, in the order of the Dashboards page's tabs.
enum class DashboardRole
{
    Executive,
    ServiceLeader,
    Sales,
    ProjectManager,
    Finance
};
inline constexpr int DashboardRoleCount = 5;

// How a card draws its answer.
enum class ChartKind
{
    Bar,           // vertical bars by key (several series side by side)
    Line,          // lines by key (one per series)
    HorizontalBar, // a ranking: one bar per key, longest first
    Funnel,        // stages as centred bars, widest first
    Heatmap,       // key × key2 as a colour grid with a legend
    Table,         // the points as a list
    Kpi            // the figure alone
};

// One card of a dashboard, declared rather than coded: which metric, cut how, drawn how.
struct CardSpec
{
    QString id;                               // unique within its dashboard: "utilisation_trend"
    const char *title = nullptr;              // untranslated, context "keel::dashboards::Cards"
    QString metric;                           // analytics metric name
    QList<std::pair<QString, QString>> query; // by, by2, limit, order, manager …
    ChartKind chart = ChartKind::Bar;
    bool kpi = false;        // the figure big above the chart
    bool targetLine = false; // draw the answer's target as a dashed line
    QString lineSeries;      // a series drawn as a line over the bars ("capacity")
    int rankEnds = 0;        // rankings: show only the best and the worst N
    // A second bar per key from the answer's extra ({key: {field: value}}), named: budget
    // burn's percent complete beside the burn.
    QString extraField, extraSeries;
    int columnSpan = 1; // grid columns the card takes (of three)
    int rowSpan = 1;    // grid rows
    // A forward-looking metric (the weighted pipeline by expected month): twelve months from
    // the filter's last one or the current month, whichever is later (cardQuery).
    bool ahead = false;
    // An insights card (issue 9) instead of a metric: "deals_at_risk", "projects_at_risk",
    // "flagged_drafts", "cash_in" or "revenue_forecast"; empty for an analytics card.
    QString insights;

    QString translatedTitle() const;
};

// The cards of a role's dashboard, in grid order.
QList<CardSpec> dashboardCards(DashboardRole role);
// The role's insights cards: sales deals at risk; service leader and project manager (their
// own) projects at risk; finance flagged drafts and the cash-in; executive the revenue
// forecast against capacity.
QList<CardSpec> insightsCards(DashboardRole role);
// dashboardCards(role), followed by its insights cards for a user holding insights.use.
QList<CardSpec> dashboardCards(DashboardRole role, const QStringList &permissions);

// The filter's query plus the card's own parameters (a card's by/limit win over nothing in the
// filter; the filter never sets them).
// A forward-looking card's twelve months start at the later of the filter's last month and the
// month of `today`.
QUrlQuery cardQuery(const CardSpec &card, const DashboardFilter &filter,
                    const QDate &today = QDate::currentDate());

// Stable keys ("executive", "service_leader", "sales", "project_manager", "finance") for
// settings and the command line, and translated tab titles.
QString dashboardRoleKey(DashboardRole role);
QString dashboardRoleTitle(DashboardRole role);
DashboardRole dashboardRoleAt(int index);

// The dashboard a user opens on: executive → Executive, resource_manager → Service leader,
// sales/sales_director → Sales, project_manager → Project manager, finance/controller →
// Finance; the first match in that order, Executive for anyone else.
DashboardRole defaultDashboardFor(const QStringList &roleNames);

} // namespace keel::dashboards
