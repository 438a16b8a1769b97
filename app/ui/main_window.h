#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QAction;
class QMenu;

namespace keel {

class Session;

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

    Session *m_session;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_navHeader;
    QLabel *m_serverStatus;
    QLabel *m_userStatus;
    QLabel *m_onlineStatus;
    QLabel *m_userCard;
    QMenu *m_fileMenu;
    QMenu *m_helpMenu;
    QAction *m_settingsAction;
    QAction *m_signOutAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
};

} // namespace keel
