#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWidget;

namespace keel {

class LoginDialog;
class MainWindow;
class Session;
class Settings;
class TokenStore;
class Translations;
struct CommandLine;
namespace offline {
class LocalStore;
class SyncEngine;
} // namespace offline

// Runs the client's life cycle: sign in (dialog, command line or remembered token), the
// main window, settings, sign out, and the remembered refresh token.
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(Settings *settings, Translations *translations, TokenStore *tokenStore,
                  QObject *parent = nullptr);
    ~AppController() override;

    void start(const CommandLine &commandLine);

    Session *session() const { return m_session; }
    MainWindow *mainWindow() const { return m_mainWindow; }
    LoginDialog *loginDialog() const;
    offline::LocalStore *localStore() const { return m_store; }
    offline::SyncEngine *syncEngine() const { return m_sync; }
    // Where the offline stores live (tests); default LocalStore::defaultDirectory().
    void setOfflineDirectory(const QString &directory) { m_offlineDirectory = directory; }
    // Opens the main window without the server, as the identity cached at the last sign-in
    // of `username` on `server`. False (and nothing changes) when there is none.
    bool startOffline(const QUrl &server, const QString &username);
    bool hasOfflineIdentity(const QUrl &server, const QString &username) const;

signals:
    // The login dialog or the main window was just shown.
    void windowShown(QWidget *window);

private:
    void showLogin(const QString &error = QString());
    void onSignedIn();
    void onSignedOut();
    void onSignInFailedWithoutDialog(const QString &message);
    void openSettings();
    void tryRememberedSession();
    void ensureMainWindow();
    bool openStore(const QUrl &server, const QString &username);
    void reconnect();

    Settings *m_settings;
    Translations *m_translations;
    TokenStore *m_tokenStore;
    Session *m_session;
    MainWindow *m_mainWindow = nullptr;
    QPointer<LoginDialog> m_login;
    bool m_remember = false;
    QUrl m_pendingServer;
    QString m_pendingUser;    // user of a sign-in started without the dialog
    QString m_rememberedUser; // key of the remembered token
    QString m_endMessage;     // why the session ended, for the login dialog
    offline::LocalStore *m_store;
    offline::SyncEngine *m_sync;
    QString m_offlineDirectory;
    QString m_offlineUser; // user of the offline session, for reconnecting
};

} // namespace keel
