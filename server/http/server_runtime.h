#pragma once

#include <QList>
#include <QString>

#include <memory>

class QThread;

namespace keel {

struct ServerContext;

// Listens with one SO_REUSEPORT socket per worker thread, so the kernel spreads connections over
// the threads; each thread serves its connections with its own database connection.
class ServerRuntime
{
public:
    explicit ServerRuntime(std::shared_ptr<const ServerContext> context);
    ~ServerRuntime();

    // Returns false with a reason when a socket cannot be bound or TLS files cannot be read.
    bool start(QString *error);
    // Stops accepting, lets each thread finish the request in hand, and joins the threads.
    void stop();
    quint16 port() const { return m_port; }
    QString baseUrl() const;

private:
    std::shared_ptr<const ServerContext> m_context;
    QList<QThread *> m_threads;
    quint16 m_port = 0;
};

} // namespace keel
