#include "server_runtime.h"

#include "db/database.h"
#include "http_server.h"
#include "server_context.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace keel {

namespace {
int listeningSocket(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc = 0;
    if (v6) {
        sockaddr_in6 sa{};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sa.sin6_addr, &a, sizeof a);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    } else {
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    }
    if (rc != 0 || ::listen(fd, 1024) != 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
    if (ss.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
}

class WorkerThread : public QThread
{
public:
    WorkerThread(std::shared_ptr<const ServerContext> context, int fd,
                 std::optional<QSslConfiguration> tls)
        : m_context(std::move(context)), m_fd(fd), m_tls(std::move(tls))
    {}

protected:
    void run() override
    {
        KeelHttpServer http(*m_context);
        // Qt 6.4's bind() serves whatever QTcpServer it is given: TLS needs a QSslServer.
        QTcpServer *tcp = nullptr;
        if (m_tls) {
            auto *ssl = new QSslServer(&http);
            ssl->setSslConfiguration(*m_tls);
            tcp = ssl;
        } else {
            tcp = new QTcpServer(&http);
        }
        tcp->setSocketDescriptor(m_fd);
        http.bind(tcp);
        exec();
        db::closeThreadConnections();
    }

private:
    std::shared_ptr<const ServerContext> m_context;
    int m_fd;
    std::optional<QSslConfiguration> m_tls;
};

std::optional<QSslConfiguration> loadTls(const ServerConfig &config, QString *error)
{
    QFile certFile(config.tlsCertificate), keyFile(config.tlsKey);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate or key");
        return std::nullopt;
    }
    const auto certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    QSslKey usable = key;
    if (key.isNull()) {
        keyFile.seek(0);
        usable = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    }
    if (certs.isEmpty() || usable.isNull()) {
        *error = QStringLiteral("the TLS certificate or key is not valid PEM");
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(certs);
    tls.setPrivateKey(usable);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}
} // namespace

ServerRuntime::ServerRuntime(std::shared_ptr<const ServerContext> context)
    : m_context(std::move(context))
{}

ServerRuntime::~ServerRuntime()
{
    stop();
}

bool ServerRuntime::start(QString *error)
{
    const ServerConfig &config = m_context->config;
    std::optional<QSslConfiguration> tls;
    if (config.tls()) {
        tls = loadTls(config, error);
        if (!tls)
            return false;
    }
    QList<int> fds;
    quint16 port = config.port;
    for (int i = 0; i < config.threads; ++i) {
        const int fd = listeningSocket(config.address, port, error);
        if (fd < 0) {
            for (int open : fds)
                ::close(open);
            return false;
        }
        port = boundPort(fd); // port 0: the first socket picks, the others share it
        fds.append(fd);
    }
    m_port = port;
    for (int fd : fds) {
        auto *thread = new WorkerThread(m_context, fd, tls);
        thread->setObjectName(QStringLiteral("keel-http-%1").arg(m_threads.size()));
        thread->start();
        m_threads.append(thread);
    }
    return true;
}

void ServerRuntime::stop()
{
    for (QThread *t : m_threads)
        t->quit();
    for (QThread *t : m_threads) {
        t->wait();
        delete t;
    }
    m_threads.clear();
}

QString ServerRuntime::baseUrl() const
{
    const ServerConfig &c = m_context->config;
    QString host = c.address.toString();
    if (c.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("%1://%2:%3").arg(c.tls() ? "https" : "http", host).arg(m_port);
}

} // namespace keel
