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
    // The approvals inbox page (navigation foot, status bar); -1 until the server answered.
    void openApprovals();
    int approvalsCount() const;
    approvals::InboxCounter *inboxCounter() const { return m_inbox; }

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

    Session *m_session;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_navHeader;
    QLabel *m_serverStatus;
    QLabel *m_userStatus;
    QLabel *m_onlineStatus;
    QLabel *m_userCard;
    QPushButton *m_approvalsStatus;
    approvals::InboxCounter *m_inbox = nullptr;
    QMenu *m_fileMenu;
    QMenu *m_helpMenu;
    QAction *m_settingsAction;
    QAction *m_signOutAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
};

} // namespace keel
