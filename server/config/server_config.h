#pragma once

#include "db/database.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

// Everything keel-server can be told, from the command line or from KEEL_* environment
// variables (the command line wins).
struct ServerConfig
{
    DbConfig database;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    int threads = 2;
    QString tlsCertificate;
    QString tlsKey;
    bool allowInsecure = false;
    qint64 bodyLimit = 10 * 1024 * 1024;
    bool logRequests = true;
    int accessTokenSeconds = 15 * 60;
    int refreshTokenSeconds = 30 * 24 * 3600;
    QString urlFile; // where to write the base URL once listening
    bool migrate = false;

    bool tls() const { return !tlsCertificate.isEmpty(); }
    // Plain HTTP is only for loopback unless the operator says --allow-insecure.
    QString insecureListenError() const;

    static std::optional<ServerConfig> fromArguments(const QStringList &arguments, QString *error);
};

} // namespace keel
