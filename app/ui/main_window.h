#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QAction;
class QMenu;
class QPushButton;

namespace keel {

class Session;
namespace approvals {
class InboxCounter;
}
namespace offline {
class LocalStore;
class SyncEngine;
} // namespace offline
namespace timesheet {
class TimePage;
}

// The shell: workspace navigation on the left (only what the user's permissions allow),
// the workspace pages on the right, and a status bar with server, user and connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);

    // Rebuilds navigation and pages for the session's current user.
    void showUser();
    QStringList workspaceIds() const; // in navigation order
    QString currentWorkspaceId() const;
    void openWorkspace(const QString &id);
    // An insight's record in its workspace ("invoice" in Billing, "project" in Delivery,
    // "opportunity" in Sales);
    // false when the user has no such workspace.
    bool openInsightRecord(const QString &kind, const QString &id);
    // The approvals inbox page (navigation foot, status bar); -1 until the server answered.
    void openApprovals();
    int approvalsCount() const;
    approvals::InboxCounter *inboxCounter() const { return m_inbox; }
    // The offline store and sync engine behind the Time & Expenses workspace (owned by the
    // caller); set before showUser().
    void setOfflineSync(offline::LocalStore *store, offline::SyncEngine *engine);
    timesheet::TimePage *timePage() const { return m_timePage; }
    void openSyncLog();
    QString syncStatusText() const;

signals:
    void signOutRequested();
    void settingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateStatus();
    void updateNavigationTexts();
    void about();
    void updateApprovalsCount();
    void updateSyncStatus();

    Session *m_session;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_navHeader;
    QLabel *m_serverStatus;
    QLabel *m_userStatus;
    QLabel *m_onlineStatus;
    QLabel *m_userCard;
    QPushButton *m_approvalsStatus;
    QPushButton *m_syncStatus;
    offline::LocalStore *m_store = nullptr;
    offline::SyncEngine *m_sync = nullptr;
    timesheet::TimePage *m_timePage = nullptr;
    approvals::InboxCounter *m_inbox = nullptr;
    QMenu *m_fileMenu;
    QMenu *m_helpMenu;
    QAction *m_settingsAction;
    QAction *m_signOutAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
};

} // namespace keel
