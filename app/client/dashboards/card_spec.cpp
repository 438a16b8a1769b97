#include "card_spec.h"

#include <QCoreApplication>

#include <algorithm>

namespace keel::dashboards {

namespace {
using Q = QList<std::pair<QString, QString>>;
const QString By = QStringLiteral("by");
const QString By2 = QStringLiteral("by2");
const QString Limit = QStringLiteral("limit");
const QString Month = QStringLiteral("month");
const QString Project = QStringLiteral("project");

CardSpec card(const char *id, const char *title, const char *metric, Q query, ChartKind chart)
{
    CardSpec c;
    c.id = QString::fromLatin1(id);
    c.title = title;
    c.metric = QString::fromLatin1(metric);
    c.query = std::move(query);
    c.chart = chart;
    return c;
}

CardSpec withKpi(CardSpec c)
{
    c.kpi = true;
    return c;
}

CardSpec withTarget(CardSpec c)
{
    c.targetLine = true;
    return c;
}

CardSpec spanning(CardSpec c, int columns)
{
    c.columnSpan = columns;
    return c;
}

// Due dates lie ahead: the twelve months from the filter's last.
CardSpec ahead(CardSpec c)
{
    c.ahead = true;
    return c;
}

CardSpec tall(CardSpec c)
{
    c.rowSpan = 2;
    return c;
}

// The project manager's cards read only their own projects.
CardSpec mine(CardSpec c)
{
    c.query.append({QStringLiteral("manager"), QStringLiteral("me")});
    return c;
}

QList<CardSpec> executive()
{
    return {
        withKpi(card("bookings", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Bookings"),
                     "bookings", {{By, Month}}, ChartKind::Bar)),
        withKpi(card("backlog", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Backlog"), "backlog",
                     {{By, Month}}, ChartKind::Line)),
        withKpi(card("project_margin", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Gross margin"),
                     "project_margin", {{By, Month}}, ChartKind::Line)),
        withTarget(
            withKpi(card("utilisation", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Utilisation"),
                         "utilisation", {{By, Month}}, ChartKind::Line))),
        withKpi(card("dso", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Days sales outstanding"),
                     "dso", {{By, Month}}, ChartKind::Line)),
        withKpi(card("cash", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Cash"), "cash",
                     {{By, Month}}, ChartKind::Line)),
        spanning(
            card("revenue_vs_forecast",
                 QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Revenue recognised vs forecast"),
                 "revenue_vs_forecast", {{By, Month}}, ChartKind::Line),
            3),
    };
}

QList<CardSpec> serviceLeader()
{
    CardSpec ranking =
        card("project_margin_ranking",
             QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Project margin: best and worst"),
             "project_margin", {{By, Project}, {Limit, QStringLiteral("500")}},
             ChartKind::HorizontalBar);
    ranking.rankEnds = 5;
    return {
        tall(spanning(
            card("utilisation_heatmap",
                 QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Utilisation by person and month"),
                 "utilisation",
                 {{By, QStringLiteral("person")}, {By2, Month}, {Limit, QStringLiteral("30")}},
                 ChartKind::Heatmap),
            2)),
        withTarget(card("utilisation_practice",
                        QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Utilisation by practice"),
                        "utilisation", {{By, QStringLiteral("practice")}},
                        ChartKind::HorizontalBar)),
        withTarget(withKpi(card("utilisation_trend",
                                QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Utilisation trend"),
                                "utilisation", {{By, Month}}, ChartKind::Line))),
        // Ten people: in a card of one row every name beside its bar shows.
        withKpi(card("bench", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Bench"), "bench",
                     {{By, QStringLiteral("person")}, {Limit, QStringLiteral("10")}},
                     ChartKind::HorizontalBar)),
        ranking,
        withKpi(card("projects_at_risk",
                     QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Projects at risk"),
                     "projects_at_risk", {{By, Project}}, ChartKind::Table)),
    };
}

QList<CardSpec> sales()
{
    CardSpec weighted =
        card("weighted_pipeline",
             QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Weighted pipeline against capacity"),
             "weighted_pipeline", {{By, Month}}, ChartKind::Bar);
    weighted.lineSeries = QStringLiteral("capacity");
    weighted.ahead = true;
    return {
        withKpi(card("pipeline_funnel",
                     QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Pipeline funnel"),
                     "pipeline_funnel", {{By, QStringLiteral("stage")}}, ChartKind::Funnel)),
        spanning(withKpi(weighted), 2),
        withKpi(card("win_rate", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Win rate"),
                     "win_rate", {{By, Month}}, ChartKind::Line)),
        spanning(withKpi(card("bookings", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Bookings"),
                              "bookings", {{By, Month}}, ChartKind::Bar)),
                 2),
    };
}

// Burn beside progress: a project whose cost runs ahead of its percent complete shows it.
CardSpec withProgress(CardSpec c)
{
    c.extraField = QStringLiteral("percent_complete");
    c.extraSeries = QStringLiteral("progress");
    return c;
}

QList<CardSpec> projectManager()
{
    return {
        spanning(withProgress(mine(
                     card("budget_burn",
                          QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Budget burn and progress"),
                          "budget_burn", {{By, Project}, {Limit, QStringLiteral("10")}},
                          ChartKind::HorizontalBar))),
                 2),
        mine(ahead(withKpi(card("milestones_due",
                                QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Milestones due"),
                                "milestones_due", {{By, Month}}, ChartKind::Bar)))),
        mine(withKpi(card("unbilled", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Unbilled work"),
                          "unbilled", {{By, Project}, {Limit, QStringLiteral("10")}},
                          ChartKind::HorizontalBar))),
        spanning(
            mine(withKpi(card("project_margin",
                              QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Margin by project"),
                              "project_margin", {{By, Project}, {Limit, QStringLiteral("10")}},
                              ChartKind::HorizontalBar))),
            2),
    };
}

QList<CardSpec> finance()
{
    return {
        withKpi(card("unbilled", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Unbilled (WIP)"),
                     "unbilled", {{By, Month}}, ChartKind::Line)),
        withKpi(card("deferred_revenue",
                     QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Deferred revenue"),
                     "deferred_revenue", {{By, Month}}, ChartKind::Line)),
        withKpi(card("ar_aging", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Receivables aging"),
                     "ar_aging", {{By, QStringLiteral("bucket")}}, ChartKind::HorizontalBar)),
        withKpi(card("dso", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "DSO trend"), "dso",
                     {{By, Month}}, ChartKind::Line)),
        withKpi(card("write_off_rate",
                     QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Write-off rate"),
                     "write_off_rate", {{By, Month}}, ChartKind::Line)),
        withKpi(card("realisation", QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Realisation"),
                     "realisation", {{By, Month}}, ChartKind::Line)),
        withKpi(card("invoice_cycle_time",
                     QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Invoice cycle time"),
                     "invoice_cycle_time", {{By, Month}}, ChartKind::Bar)),
    };
}
CardSpec insight(const char *id, const char *title, const char *kind, int columns = 1)
{
    CardSpec c;
    c.id = QString::fromLatin1(id);
    c.title = title;
    c.insights = QString::fromLatin1(kind);
    c.chart = ChartKind::Table;
    c.columnSpan = columns;
    return c;
}
} // namespace

QList<CardSpec> insightsCards(DashboardRole role)
{
    switch (role) {
    case DashboardRole::Executive:
        return {insight(
            "insights_forecast",
            QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Revenue forecast against capacity"),
            "revenue_forecast", 3)};
    case DashboardRole::ServiceLeader:
        return {insight("insights_projects_at_risk",
                        QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Margin at risk (model)"),
                        "projects_at_risk", 3)};
    case DashboardRole::Sales:
        return {insight("insights_deals_at_risk",
                        QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Deals at risk"),
                        "deals_at_risk", 2)};
    case DashboardRole::ProjectManager:
        return {mine(insight("insights_projects_at_risk",
                             QT_TRANSLATE_NOOP("keel::dashboards::Cards", "My projects at risk"),
                             "projects_at_risk", 1))};
    case DashboardRole::Finance:
        return {insight("insights_flagged_drafts",
                        QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Flagged draft invoices"),
                        "flagged_drafts", 1),
                insight("insights_cash_in",
                        QT_TRANSLATE_NOOP("keel::dashboards::Cards", "Cash-in forecast (13 weeks)"),
                        "cash_in", 1)};
    }
    return {};
}

QList<CardSpec> dashboardCards(DashboardRole role, const QStringList &permissions)
{
    QList<CardSpec> cards = dashboardCards(role);
    if (permissions.contains(QStringLiteral("insights.use")))
        cards.append(insightsCards(role));
    return cards;
}

QString CardSpec::translatedTitle() const
{
    return QCoreApplication::translate("keel::dashboards::Cards", title);
}

QList<CardSpec> dashboardCards(DashboardRole role)
{
    switch (role) {
    case DashboardRole::Executive:
        return executive();
    case DashboardRole::ServiceLeader:
        return serviceLeader();
    case DashboardRole::Sales:
        return sales();
    case DashboardRole::ProjectManager:
        return projectManager();
    case DashboardRole::Finance:
        return finance();
    }
    return {};
}

QUrlQuery cardQuery(const CardSpec &card, const DashboardFilter &filter, const QDate &today)
{
    QUrlQuery q = filter.toQuery();
    if (card.ahead && filter.to.isValid()) {
        // Deals and milestones ahead are ahead of today: a period of past months (the default
        // ends last month) still looks forward from the current month.
        const QDate month(today.year(), today.month(), 1);
        DashboardFilter ahead = filter;
        ahead.from = std::max(filter.to, month);
        ahead.to = ahead.from.addMonths(11);
        q = ahead.toQuery();
    }
    for (const auto &[name, value] : card.query) {
        q.removeAllQueryItems(name);
        q.addQueryItem(name, value);
    }
    return q;
}

QString dashboardRoleKey(DashboardRole role)
{
    switch (role) {
    case DashboardRole::Executive:
        return QStringLiteral("executive");
    case DashboardRole::ServiceLeader:
        return QStringLiteral("service_leader");
    case DashboardRole::Sales:
        return QStringLiteral("sales");
    case DashboardRole::ProjectManager:
        return QStringLiteral("project_manager");
    case DashboardRole::Finance:
        return QStringLiteral("finance");
    }
    return {};
}

QString dashboardRoleTitle(DashboardRole role)
{
    const char *t = "";
    switch (role) {
    case DashboardRole::Executive:
        t = QT_TRANSLATE_NOOP("keel::dashboards::Roles", "Executive");
        break;
    case DashboardRole::ServiceLeader:
        t = QT_TRANSLATE_NOOP("keel::dashboards::Roles", "Service leader");
        break;
    case DashboardRole::Sales:
        t = QT_TRANSLATE_NOOP("keel::dashboards::Roles", "Sales");
        break;
    case DashboardRole::ProjectManager:
        t = QT_TRANSLATE_NOOP("keel::dashboards::Roles", "Project manager");
        break;
    case DashboardRole::Finance:
        t = QT_TRANSLATE_NOOP("keel::dashboards::Roles", "Finance");
        break;
    }
    return QCoreApplication::translate("keel::dashboards::Roles", t);
}

DashboardRole dashboardRoleAt(int index)
{
    return index >= 0 && index < DashboardRoleCount ? DashboardRole(index)
                                                    : DashboardRole::Executive;
}

DashboardRole defaultDashboardFor(const QStringList &roleNames)
{
    const auto has = [&roleNames](const char *r) { return roleNames.contains(QLatin1String(r)); };
    if (has("executive"))
        return DashboardRole::Executive;
    if (has("resource_manager"))
        return DashboardRole::ServiceLeader;
    if (has("sales") || has("sales_director"))
        return DashboardRole::Sales;
    if (has("project_manager"))
        return DashboardRole::ProjectManager;
    if (has("finance") || has("controller"))
        return DashboardRole::Finance;
    return DashboardRole::Executive;
}

} // namespace keel::dashboards
