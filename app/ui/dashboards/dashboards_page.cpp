#include "dashboards_page.h"

#include "dashboard_view.h"
#include "filter_bar.h"
#include "session.h"

#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keel::dashboards {

namespace {
const QString FilterPrefix = QStringLiteral("dashboards/filter/");
}

DashboardsPage::DashboardsPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_filterBar(new FilterBar(session->api(), session->user(), this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName("dashboardsPage");
    m_tabs->setObjectName("dashboardTabs");
    m_tabs->setDocumentMode(true);
    const DashboardFilter remembered = DashboardFilter::load(FilterPrefix, QDate::currentDate());
    m_filterBar->restore(remembered);
    for (int i = 0; i < DashboardRoleCount; ++i) {
        auto *view =
            new DashboardView(session->api(), dashboardRoleAt(i),
                              dashboardCards(dashboardRoleAt(i), session->permissions()), nullptr);
        view->setFilter(remembered);
        m_views.append(view);
        m_tabs->addTab(view, dashboardRoleTitle(dashboardRoleAt(i)));
    }

    auto *bar = new QWidget;
    bar->setObjectName("dashboardBar");
    auto *barLayout = new QVBoxLayout(bar);
    barLayout->setContentsMargins(14, 10, 14, 6);
    barLayout->addWidget(m_filterBar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_tabs, 1);

    // The tab of the user's role, unless they chose another one last time.
    const QString saved = QSettings().value(settingsKey("tab")).toString();
    int tab = int(defaultDashboardFor(session->user().roleNames()));
    for (int i = 0; i < DashboardRoleCount; ++i)
        if (dashboardRoleKey(dashboardRoleAt(i)) == saved)
            tab = i;
    m_tabs->setCurrentIndex(tab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QSettings().setValue(settingsKey("tab"), dashboardRoleKey(dashboardRoleAt(index)));
    });
    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const DashboardFilter &f) {
        f.save(FilterPrefix);
        // The visible dashboard asks at once; the others when they are next shown.
        for (DashboardView *v : m_views)
            v->setFilter(f);
    });
    m_filterBar->loadChoices();
}

QString DashboardsPage::settingsKey(const char *name) const
{
    return QStringLiteral("dashboards/%1/%2")
        .arg(QString::fromLatin1(name), m_session->user().username);
}

DashboardView *DashboardsPage::view(DashboardRole role) const
{
    return m_views.value(int(role));
}

DashboardView *DashboardsPage::currentView() const
{
    return qobject_cast<DashboardView *>(m_tabs->currentWidget());
}

void DashboardsPage::openDashboard(DashboardRole role)
{
    m_tabs->setCurrentIndex(int(role));
}

} // namespace keel::dashboards
