#pragma once

#include "config/server_config.h"
#include "keel_server.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

namespace keel::test {

class TestDatabase;

// keel-server in this process, on 127.0.0.1 and a free port, against a test database.
class TestServer
{
public:
    explicit TestServer(const TestDatabase &database, int threads = 2);
    ~TestServer();

    // Adjust before start().
    ServerConfig &config() { return m_config; }
    void start(); // fails the test (QFAIL-style exception) when the server cannot listen
    void stop();
    QUrl baseUrl() const;
    const KeelServer &server() const { return *m_server; }

    // Creates a user with password and grants (role, entity code or empty for all entities),
    // straight through the identity service; returns the user id.
    qint64 createUser(const QString &username, const QString &password,
                      const QList<QPair<QString, QString>> &grants,
                      const QString &legalEntity = QStringLiteral("UK"));

private:
    const TestDatabase &m_database;
    ServerConfig m_config;
    std::unique_ptr<KeelServer> m_server;
};

// Adds the three demo legal entities (US, UK, DE) and practices to an empty test database, the
// minimum that users need.
void seedLegalEntities(const TestDatabase &database);

} // namespace keel::test
