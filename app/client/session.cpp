#include "session.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem.h"

#include <QTimer>

namespace keel {

Session::Session(QObject *parent)
    : QObject(parent), m_api(new ApiClient(this)), m_healthTimer(new QTimer(this))
{
    m_healthTimer->setInterval(30000);
    connect(m_healthTimer, &QTimer::timeout, this, &Session::checkHealth);
    connect(m_api, &ApiClient::serverReached, this, [this] { setOnline(true); });
    connect(m_api, &ApiClient::serverUnreachable, this, [this] { setOnline(false); });
    connect(m_api, &ApiClient::tokensRefreshed, this,
            [this](const SessionTokens &tokens) { adopt(tokens); });
    connect(m_api, &ApiClient::sessionExpired, this, [this] {
        if (!m_signedIn)
            return;
        forget();
        emit sessionExpired();
        emit signedOut();
    });
}

Session::~Session() = default;

QUrl Session::serverUrl() const
{
    return m_api->baseUrl();
}

QString Session::refreshToken() const
{
    return m_api->refreshToken();
}

bool Session::hasPermission(const QString &permission) const
{
    return m_permissions.contains(permission);
}

void Session::setHealthInterval(int milliseconds)
{
    m_healthTimer->setInterval(milliseconds);
}

void Session::signIn(const QUrl &server, const QString &username, const QString &password)
{
    startSignIn(server, QStringLiteral("/api/v1/auth/login"),
                LoginRequest{username, password}.toJson());
}

void Session::resume(const QUrl &server, const QString &refreshToken)
{
    startSignIn(server, QStringLiteral("/api/v1/auth/refresh"),
                QJsonObject{{"refresh_token", refreshToken}});
}

void Session::startSignIn(const QUrl &server, const QString &path, const QJsonObject &body)
{
    if (m_busy)
        return;
    if (m_signedIn)
        forget();
    m_api->setBaseUrl(server);
    setBusy(true);
    ApiReply *reply = m_api->postUnauthenticated(path, body);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        setBusy(false);
        if (!reply->ok()) {
            emit signInFailed(reply->problem());
            return;
        }
        const SessionTokens tokens = SessionTokens::fromJson(reply->object());
        if (tokens.accessToken.isEmpty()) {
            Problem p;
            p.status = reply->status();
            p.title = tr("Unexpected answer");
            p.detail = tr("The server's answer to the sign-in did not contain a session.");
            emit signInFailed(p);
            return;
        }
        adopt(tokens);
        m_signedIn = true;
        m_offlineMode = false;
        m_healthTimer->start();
        emit signedIn();
    });
}

void Session::signOut()
{
    if (m_signedIn && !m_api->accessToken().isEmpty())
        m_api->post(QStringLiteral("/api/v1/auth/logout")); // best effort, answer ignored
    forget();
    emit signedOut();
}

void Session::startOffline(const QUrl &server, const UserInfo &user, const QStringList &permissions)
{
    if (m_signedIn)
        forget();
    m_api->setBaseUrl(server);
    m_user = user;
    m_permissions = permissions;
    m_offlineMode = true;
    m_online = false;
    m_healthTimer->start();
    emit onlineChanged(false);
}

void Session::checkHealth()
{
    if (m_api->baseUrl().isEmpty())
        return;
    m_api->get(QStringLiteral("/api/v1/health")); // online state follows from the outcome
}

void Session::adopt(const SessionTokens &tokens)
{
    m_api->setTokens(tokens.accessToken, tokens.refreshToken);
    m_user = tokens.user;
    m_permissions = tokens.permissions;
    emit refreshTokenChanged(tokens.refreshToken);
}

void Session::forget()
{
    const bool hadToken = !m_api->refreshToken().isEmpty();
    m_healthTimer->stop();
    m_api->clearTokens();
    m_user = {};
    m_permissions.clear();
    m_signedIn = false;
    m_offlineMode = false;
    if (hadToken)
        emit refreshTokenChanged(QString());
}

void Session::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void Session::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
    if (online && m_offlineMode)
        emit serverBack();
}

} // namespace keel
