#include "http_server.h"

#include "dispatcher.h"
#include "request_log.h"
#include "server_context.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRegularExpression>
#include <QTcpSocket>

namespace keel {

namespace {
QString requestIdFrom(const QHttpServerRequest &request)
{
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString given = QString::fromLatin1(request.value("X-Request-Id"));
    return sane.match(given).hasMatch() ? given : newRequestId();
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}
} // namespace

KeelHttpServer::KeelHttpServer(const ServerContext &context, QObject *parent)
    : QAbstractHttpServer(parent), m_context(context)
{}

bool KeelHttpServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    Request request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    // Handlers read parameters in QUrlQuery's default (pretty-decoded) form, which keeps
    // delimiters such as %2F encoded, so a keyset cursor "2026-11-16/…" sent encoded would not
    // match. Store the items fully decoded once, here.
    const auto items = httpRequest.query().queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        request.query.addQueryItem(key, value);
    request.body = httpRequest.body();
    request.headers = httpRequest.headers();
    request.remoteAddress = httpRequest.remoteAddress().toString();
    request.requestId = requestIdFrom(httpRequest);

    Reply reply = dispatch(m_context, request);

    QHttpServerResponder responder = makeResponder(httpRequest, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    if (!reply.contentType.isEmpty())
        responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("X-Request-Id", request.requestId.toLatin1());
    for (const auto &h : reply.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(reply.body);

    if (m_context.config.logRequests)
        logRequest(request, reply, double(timer.nsecsElapsed()) / 1e6);
    return true;
}

void KeelHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest answers every request.
}

} // namespace keel
