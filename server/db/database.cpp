#include "database.h"

#include <stdexcept>

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace keel {

std::optional<DbConfig> DbConfig::fromUrl(const QString &url, QString *error)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres"))) {
        if (error)
            *error = QStringLiteral("database URL must look like postgresql://user@host:port/db");
        return std::nullopt;
    }
    DbConfig c;
    const QUrlQuery q(u);
    c.host = q.hasQueryItem(QStringLiteral("host"))
                 ? q.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
                 : u.host();
    c.port = q.hasQueryItem(QStringLiteral("port"))
                 ? q.queryItemValue(QStringLiteral("port")).toInt()
                 : u.port(5432);
    c.database = u.path().mid(1);
    c.user = q.hasQueryItem(QStringLiteral("user")) ? q.queryItemValue(QStringLiteral("user"))
                                                    : u.userName();
    c.password = u.password();
    if (c.database.isEmpty() || c.port <= 0) {
        if (error)
            *error = QStringLiteral("database URL names no database or a bad port");
        return std::nullopt;
    }
    return c;
}

QString DbConfig::toUrl() const
{
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setPath(QLatin1Char('/') + database);
    QUrlQuery q;
    if (host.startsWith(u'/'))
        q.addQueryItem(QStringLiteral("host"), host);
    else
        u.setHost(host);
    q.addQueryItem(QStringLiteral("port"), QString::number(port));
    if (!user.isEmpty())
        u.setUserName(user);
    if (!password.isEmpty())
        u.setPassword(password);
    u.setQuery(q);
    return u.toString();
}

QString DbConfig::key() const
{
    return QStringLiteral("%1:%2/%3@%4").arg(host).arg(port).arg(database, user);
}

DbError::DbError(QString sqlState, QString message)
    : m_sqlState(std::move(sqlState)), m_message(std::move(message)),
      m_what((m_sqlState + QStringLiteral(": ") + m_message).toUtf8())
{}

bool DbError::isConnectionLoss() const
{
    // Class 08 is connection exceptions; 57P01..03 are shutdowns. An empty state means the
    // driver never reached the server.
    return m_sqlState.isEmpty() || m_sqlState.startsWith(QLatin1String("08")) ||
           m_sqlState.startsWith(QLatin1String("57P"));
}

namespace db {

namespace {
DbError errorOf(const QSqlError &e)
{
    QString text = e.databaseText().isEmpty() ? e.driverText() : e.databaseText();
    return DbError(e.nativeErrorCode(), text.trimmed());
}

struct ThreadConnection
{
    QString name;
    QHash<QString, QSqlQuery *> statements;
    ~ThreadConnection()
    {
        qDeleteAll(statements);
        statements.clear();
        QSqlDatabase::removeDatabase(name);
    }
};

struct ThreadConnections
{
    QHash<QString, std::shared_ptr<ThreadConnection>> byKey;
};

ThreadConnections &threadConnections()
{
    thread_local ThreadConnections connections;
    return connections;
}

ThreadConnection &threadConnection(const DbConfig &config)
{
    auto &all = threadConnections().byKey;
    const QString key = config.key();
    auto it = all.find(key);
    if (it == all.end()) {
        auto c = std::make_shared<ThreadConnection>();
        c->name = QStringLiteral("keel:%1:%2")
                      .arg(key)
                      .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
        open(config, c->name);
        it = all.insert(key, c);
    }
    return **it;
}
} // namespace

QSqlDatabase open(const DbConfig &config, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(config.host);
    db.setPort(config.port);
    db.setDatabaseName(config.database);
    db.setUserName(config.user);
    db.setPassword(config.password);
    db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=keel-server"));
    if (!db.open()) {
        const DbError error = errorOf(db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        throw error;
    }
    return db;
}

QSqlDatabase connection(const DbConfig &config)
{
    return QSqlDatabase::database(threadConnection(config).name, false);
}

void closeThreadConnections()
{
    threadConnections().byKey.clear();
}

DbConfig threadConfigOf(const QSqlDatabase &db)
{
    DbConfig c;
    c.host = db.hostName();
    c.port = db.port();
    c.database = db.databaseName();
    c.user = db.userName();
    c.password = db.password();
    if (connection(c).connectionName() != db.connectionName())
        throw std::logic_error("the work runs on the calling thread's db::connection()");
    return c;
}

namespace {
QSqlQuery &statementOf(ThreadConnection &c, const QString &sql)
{
    auto it = c.statements.find(sql);
    if (it == c.statements.end()) {
        auto *q = new QSqlQuery(QSqlDatabase::database(c.name, false));
        if (!q->prepare(sql)) {
            const DbError error = errorOf(q->lastError());
            delete q;
            throw error;
        }
        it = c.statements.insert(sql, q);
    }
    return **it;
}
} // namespace

QSqlQuery &cached(const DbConfig &config, const QString &sql)
{
    return statementOf(threadConnection(config), sql);
}

QSqlQuery *cachedOn(const QSqlDatabase &db, const QString &sql)
{
    const QString name = db.connectionName();
    for (const auto &c : std::as_const(threadConnections().byKey)) {
        if (c->name == name)
            return &statementOf(*c, sql);
    }
    return nullptr;
}

void forget(const DbConfig &config)
{
    threadConnections().byKey.remove(config.key());
}

void exec(QSqlQuery &query)
{
    if (!query.exec())
        throw errorOf(query.lastError());
}

void exec(QSqlQuery &query, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    exec(query);
}

QSqlQuery exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw errorOf(q.lastError());
    return q;
}

QSqlQuery query(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw errorOf(q.lastError());
    for (const QVariant &v : binds)
        q.addBindValue(v);
    exec(q);
    return q;
}

namespace {
// Open transactions per connection on this thread (connections never cross threads).
int &transactionDepth(const QSqlDatabase &db)
{
    thread_local QHash<QString, int> depth;
    return depth[db.connectionName()];
}

QString savepointName(int depth)
{
    return QStringLiteral("keel_sp_%1").arg(depth);
}
} // namespace

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    int &depth = transactionDepth(m_db);
    if (depth == 0) {
        if (!m_db.transaction())
            throw errorOf(m_db.lastError());
    } else {
        exec(m_db, QStringLiteral("SAVEPOINT ") + savepointName(depth + 1));
    }
    m_depth = ++depth;
    m_open = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_depth == 1) {
        m_db.rollback();
    } else {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepointName(m_depth));
        QSqlQuery(m_db).exec(QStringLiteral("RELEASE SAVEPOINT ") + savepointName(m_depth));
    }
    transactionDepth(m_db) = m_depth - 1;
}

void Transaction::commit()
{
    m_open = false;
    transactionDepth(m_db) = m_depth - 1;
    if (m_depth > 1) {
        exec(m_db, QStringLiteral("RELEASE SAVEPOINT ") + savepointName(m_depth));
        return;
    }
    if (!m_db.commit()) {
        const DbError error = errorOf(m_db.lastError());
        m_db.rollback();
        throw error;
    }
}

} // namespace db
} // namespace keel
