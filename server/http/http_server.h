#pragma once

#include <QAbstractHttpServer>

namespace keel {

struct ServerContext;

// One per worker thread: hands each parsed request to the dispatcher. Everything is routed by
// keel's own Router, so 404, 405 and the body limit answer in problem+json.
class KeelHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit KeelHttpServer(const ServerContext &context, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    const ServerContext &m_context;
};

} // namespace keel
