#pragma once

#include "card_spec.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace keel {
class Session;
}

namespace keel::dashboards {

class DashboardView;
class FilterBar;

// The Dashboards workspace: one filter bar over five role dashboards as tabs (Executive,
// Service leader, Sales, Project manager, Finance). Everyone with dashboards.use sees every
// tab; it opens on the tab of the user's role, or the one they used last. The filter and the
// tab are remembered between sessions.
class DashboardsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardsPage(Session *session, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    FilterBar *filterBar() const { return m_filterBar; }
    DashboardView *view(DashboardRole role) const;
    DashboardView *currentView() const;
    void openDashboard(DashboardRole role);

private:
    QString settingsKey(const char *name) const;

    Session *m_session;
    FilterBar *m_filterBar;
    QTabWidget *m_tabs;
    QList<DashboardView *> m_views;
};

} // namespace keel::dashboards
