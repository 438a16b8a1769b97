#include "test_server.h"

#include "http/http_types.h"
#include "identity/identity_service.h"
#include "test_database.h"

#include <stdexcept>

namespace keel::test {

TestServer::TestServer(const TestDatabase &database, int threads) : m_database(database)
{
    m_config.database = database.config();
    m_config.address = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.threads = threads;
    m_config.logRequests = qEnvironmentVariableIsSet("KEEL_TEST_LOG");
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::start()
{
    m_server = std::make_unique<KeelServer>(m_config);
    QString error;
    if (!m_server->start(&error))
        throw std::runtime_error(("test server did not start: " + error).toStdString());
}

void TestServer::stop()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
}

QUrl TestServer::baseUrl() const
{
    return QUrl(m_server->baseUrl());
}

qint64 TestServer::createUser(const QString &username, const QString &password,
                              const QList<QPair<QString, QString>> &grants,
                              const QString &legalEntity)
{
    IdentityService identity(m_config);
    Request request;
    request.requestId = QStringLiteral("test-fixture");
    CreateUserCommand c;
    c.username = username;
    c.displayName = username;
    c.password = password;
    c.legalEntity = legalEntity;
    const UserInfo user = identity.createUser(request, c);
    for (const auto &g : grants)
        identity.grantRole(request, user.id, g.first, g.second);
    return user.id;
}

void seedLegalEntities(const TestDatabase &database)
{
    db::exec(database.sql(),
             QStringLiteral("INSERT INTO legal_entities (code, name, country, functional_currency) "
                            "VALUES ('US', 'Keel Consulting Inc.', 'US', 'USD'), "
                            "('UK', 'Keel Consulting Ltd', 'GB', 'GBP'), "
                            "('DE', 'Keel Consulting GmbH', 'DE', 'EUR');"
                            "INSERT INTO practices (code, name) VALUES ('CLOUD', 'Cloud'), "
                            "('DATA', 'Data & AI')"));
}

} // namespace keel::test
