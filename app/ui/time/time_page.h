#pragma once

#include <QWidget>

class QTabWidget;

namespace keel {
class Session;
namespace offline {
class LocalStore;
class SyncEngine;
} // namespace offline
} // namespace keel

namespace keel::timesheet {

class TimesheetPage;

// The Time & Expenses workspace: tabs, "My timesheet" first. Other parts add theirs with
// addTab() and reach the offline store and the sync engine through the getters (both are
// owned by the caller and outlive the page).
class TimePage : public QWidget
{
    Q_OBJECT
public:
    TimePage(Session *session, offline::LocalStore *store, offline::SyncEngine *engine,
             QWidget *parent = nullptr);

    void addTab(QWidget *page, const QString &title);
    QTabWidget *tabs() const { return m_tabs; }

    Session *session() const { return m_session; }
    offline::LocalStore *localStore() const { return m_store; }
    offline::SyncEngine *syncEngine() const { return m_engine; }
    TimesheetPage *timesheet() const { return m_timesheet; }

private:
    Session *m_session;
    offline::LocalStore *m_store;
    offline::SyncEngine *m_engine;
    QTabWidget *m_tabs;
    TimesheetPage *m_timesheet;
};

} // namespace keel::timesheet
