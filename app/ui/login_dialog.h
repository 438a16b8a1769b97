#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace keel {

class Session;
class TokenStore;
struct Problem;

// Asks for server, user name and password and signs the Session in. Stays open and shows
// the server's words when that fails; accepts itself once the session is signed in.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(Session *session, TokenStore *tokenStore, QWidget *parent = nullptr);

    void setServerUrl(const QUrl &url);
    void setUserName(const QString &name);
    void setRememberMe(bool remember);
    void setPassword(const QString &password);
    void showError(const QString &message);
    // Offers "Work offline" (an identity from an earlier sign-in is cached on this computer).
    void setOfflineAvailable(bool available);
    bool isOfflineAvailable() const { return m_offlineAvailable; }

    QUrl serverUrl() const;
    QString userName() const;
    bool rememberMe() const; // only true when the secret store is available

public slots:
    void signIn();

signals:
    // The user chose to work offline with the server and user name shown.
    void workOfflineRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setBusy(bool busy);
    void onFailed(const Problem &problem);
    void onAvailability(bool available, const QString &message);
    void updateSignInEnabled();

    Session *m_session;
    TokenStore *m_tokenStore;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_serverLabel;
    QLabel *m_userLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_rememberNote;
    QLabel *m_error;
    QProgressBar *m_busy;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QPushButton *m_offline;
    bool m_offlineAvailable = false;
    bool m_keychainAvailable = true;
    QString m_keychainMessage;
};

} // namespace keel
