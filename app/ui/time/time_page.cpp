#include "time_page.h"

#include "timesheet_page.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keel::timesheet {

TimePage::TimePage(Session *session, offline::LocalStore *store, offline::SyncEngine *engine,
                   QWidget *parent)
    : QWidget(parent), m_session(session), m_store(store), m_engine(engine), m_tabs(new QTabWidget),
      m_timesheet(new TimesheetPage(store, engine))
{
    setObjectName("workspacePage_time");
    auto *title = new QLabel(tr("Time & Expenses"));
    title->setObjectName("pageTitle");
    m_tabs->setObjectName("timeTabs");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_timesheet, tr("My timesheet"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);
}

void TimePage::addTab(QWidget *page, const QString &title)
{
    m_tabs->addTab(page, title);
}

} // namespace keel::timesheet
