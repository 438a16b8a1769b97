#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace keel::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;   // the body as an object, empty when it is not one
    QString fieldCodes() const; // "field:code,field:code" of a problem document
};

// Real HTTP to a TestServer, synchronously (runs an event loop until the reply finishes).
class HttpClient
{
public:
    explicit HttpClient(QUrl base) : m_base(std::move(base)) {}

    void setToken(const QByteArray &token) { m_token = token; }
    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body);
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // Signs in and keeps the access token for later requests; returns the login reply.
    HttpResult login(const QString &username, const QString &password);

private:
    QUrl m_base;
    QByteArray m_token;
    QNetworkAccessManager m_manager;
};

} // namespace keel::test
