#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace keel {

class ApiReply;
struct Problem;
struct SessionTokens;

// JSON over HTTP to keel-server. Sends the bearer token, turns problem+json and network
// failures into keel::Problem, and on a 401 refreshes the session once (POST
// /api/v1/auth/refresh) and repeats the request before giving up.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }

    void setTokens(const QString &accessToken, const QString &refreshToken);
    void clearTokens();
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // `path` starts with "/api/v1/…". Unauthenticated requests send no bearer token and are
    // never retried after a refresh.
    ApiReply *get(const QString &path);
    ApiReply *post(const QString &path, const QJsonObject &body = {});
    // Any other method with a JSON body (PUT, PATCH, DELETE …).
    ApiReply *send(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    ApiReply *postUnauthenticated(const QString &path, const QJsonObject &body = {});

signals:
    // Any HTTP answer arrived (the server is reachable), or none did.
    void serverReached();
    void serverUnreachable(const keel::Problem &problem);
    // The refresh token was used and rotated.
    void tokensRefreshed(const keel::SessionTokens &tokens);
    // A 401 could not be cured by refreshing: the user must sign in again.
    void sessionExpired();

private:
    struct Call;
    void start(Call *call);
    void handleFinished(Call *call, QNetworkReply *reply);
    void refreshAndRetry(Call *call);
    void finishRefresh(bool ok);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_accessToken;
    QString m_refreshToken;
    int m_timeoutMs = 15000;
    bool m_refreshing = false;
    QList<Call *> m_waitingForRefresh;
};

} // namespace keel
