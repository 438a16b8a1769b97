#include "server_config.h"

#include <QCommandLineParser>
#include <QThread>

namespace keel {

namespace {
QString envOr(const char *name, const QString &fallback = {})
{
    const QByteArray v = qgetenv(name);
    return v.isEmpty() ? fallback : QString::fromLocal8Bit(v);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const int colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int p = text.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return false;
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (!address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}
} // namespace

QString ServerConfig::insecureListenError() const
{
    if (tls() || allowInsecure || address.isLoopback())
        return {};
    return QStringLiteral("refusing to listen on %1 without TLS: give --tls-cert and --tls-key, "
                          "or --allow-insecure behind a TLS-terminating proxy")
        .arg(address.toString());
}

std::optional<ServerConfig> ServerConfig::fromArguments(const QStringList &arguments,
                                                        QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Keel application server"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption db({QStringLiteral("d"), QStringLiteral("database-url")},
                                QStringLiteral("PostgreSQL URL [KEEL_DATABASE_URL]"),
                                QStringLiteral("url"), envOr("KEEL_DATABASE_URL"));
    const QCommandLineOption listen(
        {QStringLiteral("l"), QStringLiteral("listen")},
        QStringLiteral("address:port to listen on; port 0 picks a free one [KEEL_LISTEN]"),
        QStringLiteral("addr:port"), envOr("KEEL_LISTEN", QStringLiteral("127.0.0.1:8080")));
    const QCommandLineOption threads(
        {QStringLiteral("t"), QStringLiteral("threads")},
        QStringLiteral("worker threads, each with its own database connection [KEEL_THREADS]"),
        QStringLiteral("n"), envOr("KEEL_THREADS", QString::number(QThread::idealThreadCount())));
    const QCommandLineOption cert(QStringLiteral("tls-cert"),
                                  QStringLiteral("PEM certificate [KEEL_TLS_CERT]"),
                                  QStringLiteral("file"), envOr("KEEL_TLS_CERT"));
    const QCommandLineOption key(QStringLiteral("tls-key"),
                                 QStringLiteral("PEM private key [KEEL_TLS_KEY]"),
                                 QStringLiteral("file"), envOr("KEEL_TLS_KEY"));
    const QCommandLineOption insecure(QStringLiteral("allow-insecure"),
                                      QStringLiteral("allow plain HTTP on a non-loopback address"));
    const QCommandLineOption bodyLimit(QStringLiteral("body-limit"),
                                       QStringLiteral("largest request body in bytes "
                                                      "[KEEL_BODY_LIMIT]"),
                                       QStringLiteral("bytes"),
                                       envOr("KEEL_BODY_LIMIT", QStringLiteral("10485760")));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("no per-request log lines"));
    const QCommandLineOption accessTtl(QStringLiteral("access-token-seconds"),
                                       QStringLiteral("lifetime of access tokens"),
                                       QStringLiteral("s"), QStringLiteral("900"));
    const QCommandLineOption urlFile(QStringLiteral("url-file"),
                                     QStringLiteral("write the base URL to this file when ready"),
                                     QStringLiteral("file"));
    const QCommandLineOption migrate(QStringLiteral("migrate"),
                                     QStringLiteral("apply pending migrations before serving"));
    p.addOptions(
        {db, listen, threads, cert, key, insecure, bodyLimit, quiet, accessTtl, urlFile, migrate});
    p.process(arguments);

    ServerConfig c;
    QString dbError;
    const auto dbConfig = DbConfig::fromUrl(p.value(db), &dbError);
    if (!dbConfig) {
        *error = QStringLiteral("--database-url: %1").arg(dbError);
        return std::nullopt;
    }
    c.database = *dbConfig;
    if (!parseListen(p.value(listen), &c.address, &c.port)) {
        *error = QStringLiteral("--listen: expected address:port, got \"%1\"").arg(p.value(listen));
        return std::nullopt;
    }
    bool ok = false;
    c.threads = p.value(threads).toInt(&ok);
    if (!ok || c.threads < 1 || c.threads > 256) {
        *error = QStringLiteral("--threads: expected 1..256");
        return std::nullopt;
    }
    c.bodyLimit = p.value(bodyLimit).toLongLong(&ok);
    if (!ok || c.bodyLimit < 1024) {
        *error = QStringLiteral("--body-limit: expected at least 1024 bytes");
        return std::nullopt;
    }
    c.accessTokenSeconds = p.value(accessTtl).toInt(&ok);
    if (!ok || c.accessTokenSeconds < 1) {
        *error = QStringLiteral("--access-token-seconds: expected a positive number");
        return std::nullopt;
    }
    c.tlsCertificate = p.value(cert);
    c.tlsKey = p.value(key);
    if (c.tlsCertificate.isEmpty() != c.tlsKey.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    c.allowInsecure = p.isSet(insecure);
    c.logRequests = !p.isSet(quiet);
    c.urlFile = p.value(urlFile);
    c.migrate = p.isSet(migrate);
    if (const QString e = c.insecureListenError(); !e.isEmpty()) {
        *error = e;
        return std::nullopt;
    }
    return c;
}

} // namespace keel
