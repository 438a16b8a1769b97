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
};

} // namespace keel
