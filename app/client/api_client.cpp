#include "api_client.h"

#include "api_reply.h"
#include "auth_dto.h"
#include "problem.h"
#include "problem_text.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace keel {

namespace {
constexpr auto RefreshPath = "/api/v1/auth/refresh";

Problem problemFromAnswer(int status, const QByteArray &body, const QString &reason)
{
    Problem p;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error == QJsonParseError::NoError && doc.isObject())
        p = Problem::fromJson(doc.object());
    if (p.title.isEmpty())
        p.title = reason;
    p.status = status; // the HTTP status is the truth, whatever the body says
    return p;
}
} // namespace

struct ApiClient::Call
{
    QByteArray method;
    QString path;
    QJsonObject body;
    bool authenticated = true;
    bool retried = false;
    Problem unauthorized; // the 401 that sent this call to wait for a refresh
    ApiReply *reply = nullptr;
};

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {}

ApiClient::~ApiClient()
{
    qDeleteAll(m_waitingForRefresh);
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void ApiClient::setTokens(const QString &accessToken, const QString &refreshToken)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
}

void ApiClient::clearTokens()
{
    m_accessToken.clear();
    m_refreshToken.clear();
}

ApiReply *ApiClient::get(const QString &path)
{
    auto *call = new Call{"GET", path, {}, true, false, {}, new ApiReply(this)};
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

ApiReply *ApiClient::post(const QString &path, const QJsonObject &body)
{
    auto *call = new Call{"POST", path, body, true, false, {}, new ApiReply(this)};
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

ApiReply *ApiClient::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    auto *call = new Call{method, path, body, true, false, {}, new ApiReply(this)};
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

ApiReply *ApiClient::postUnauthenticated(const QString &path, const QJsonObject &body)
{
    auto *call = new Call{"POST", path, body, false, false, {}, new ApiReply(this)};
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

void ApiClient::start(Call *call)
{
    QString base = m_baseUrl.toString(QUrl::StripTrailingSlash);
    QNetworkRequest request(QUrl(base + call->path));
    request.setRawHeader("Accept", "application/json, application/problem+json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Keel/") + QByteArrayLiteral(KEEL_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    if (call->authenticated && !m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());

    QByteArray payload;
    if (call->method != "GET") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        payload = QJsonDocument(call->body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = call->method == "GET"
                               ? m_nam->get(request)
                               : m_nam->sendCustomRequest(request, call->method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        reply->deleteLater();
        handleFinished(call, reply);
    });
}

void ApiClient::handleFinished(Call *call, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        const Problem p = networkProblem(reply->errorString(), timedOut);
        emit serverUnreachable(p);
        call->reply->finishFailed(p);
        delete call;
        return;
    }
    emit serverReached();

    if (status >= 200 && status < 300) {
        QJsonParseError err{};
        const QJsonDocument doc =
            body.trimmed().isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(body, &err);
        if (err.error != QJsonParseError::NoError) {
            Problem p;
            p.status = status;
            p.title = tr("Unreadable answer");
            p.detail = tr("The server's answer could not be read (%1).").arg(err.errorString());
            call->reply->finishFailed(p);
        } else {
            call->reply->finishOk(status, doc);
        }
        delete call;
        return;
    }

    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const Problem p = problemFromAnswer(status, body, reason);

    if (status == 401 && call->authenticated && !call->retried && !m_refreshToken.isEmpty()) {
        call->unauthorized = p;
        refreshAndRetry(call);
        return;
    }
    if (status == 401 && call->authenticated)
        emit sessionExpired();

    const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt();
    call->reply->finishFailed(p, retryAfter);
    delete call;
}

void ApiClient::refreshAndRetry(Call *call)
{
    m_waitingForRefresh.append(call);
    if (m_refreshing)
        return;
    m_refreshing = true;
    ApiReply *r = postUnauthenticated(RefreshPath, QJsonObject{{"refresh_token", m_refreshToken}});
    connect(r, &ApiReply::finished, this, [this, r] {
        if (r->ok()) {
            const SessionTokens tokens = SessionTokens::fromJson(r->object());
            if (!tokens.accessToken.isEmpty()) {
                setTokens(tokens.accessToken, tokens.refreshToken);
                emit tokensRefreshed(tokens);
                finishRefresh(true);
                return;
            }
        }
        if (r->status() != 0) // the server said no; a network failure says nothing
            emit sessionExpired();
        finishRefresh(false);
    });
}

void ApiClient::finishRefresh(bool ok)
{
    m_refreshing = false;
    const QList<Call *> calls = std::exchange(m_waitingForRefresh, {});
    for (Call *c : calls) {
        if (ok) {
            c->retried = true;
            start(c);
        } else {
            c->reply->finishFailed(c->unauthorized);
            delete c;
        }
    }
}

} // namespace keel
