#pragma once

#include "auth_dto.h"

#include <QObject>
#include <QUrl>

class QTimer;

namespace keel {

class ApiClient;
struct Problem;

// The signed-in user's session: signs in and out, keeps the tokens in the ApiClient, knows
// the user and their permissions, and whether the server is reachable (from every request's
// outcome and a periodic GET /api/v1/health).
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    ApiClient *api() const { return m_api; }
    QUrl serverUrl() const;

    void signIn(const QUrl &server, const QString &username, const QString &password);
    // Signs in with a remembered refresh token.
    void resume(const QUrl &server, const QString &refreshToken);
    // Tells the server (best effort) and forgets the tokens; emits signedOut().
    void signOut();
    // Works without the server under an identity cached at an earlier sign-in: no tokens, the
    // user and permissions as they were, the health check running so that reconnecting() can
    // tell when the server answers again. Signing in ends offline mode.
    void startOffline(const QUrl &server, const UserInfo &user, const QStringList &permissions);
    bool isOfflineMode() const { return m_offlineMode; }

    bool isBusy() const { return m_busy; }
    bool isSignedIn() const { return m_signedIn; }
    const UserInfo &user() const { return m_user; }
    const QStringList &permissions() const { return m_permissions; }
    bool hasPermission(const QString &permission) const;
    QString refreshToken() const;

    bool isOnline() const { return m_online; }
    void setHealthInterval(int milliseconds);

public slots:
    void checkHealth();

signals:
    void busyChanged(bool busy);
    void signedIn();
    void signInFailed(const keel::Problem &problem);
    void signedOut();
    // The server no longer accepts the session (refresh refused); the user is signed out.
    void sessionExpired();
    void onlineChanged(bool online);
    // Offline mode and the server answers again: time to refresh the session.
    void serverBack();
    // A new refresh token (login or rotation); empty when signed out.
    void refreshTokenChanged(const QString &refreshToken);

private:
    void startSignIn(const QUrl &server, const QString &path, const QJsonObject &body);
    void adopt(const SessionTokens &tokens);
    void forget();
    void setBusy(bool busy);
    void setOnline(bool online);

    ApiClient *m_api;
    QTimer *m_healthTimer;
    UserInfo m_user;
    QStringList m_permissions;
    bool m_busy = false;
    bool m_signedIn = false;
    bool m_online = false;
    bool m_offlineMode = false;
};

} // namespace keel
