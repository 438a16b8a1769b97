#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <exception>
#include <optional>

namespace keel {

// Where the database is: parsed from a libpq-style URL,
// postgresql://user:pass@host:port/dbname or postgresql:///dbname?host=/socket/dir&port=5432.
struct DbConfig
{
    QString host; // host name, IP, or unix socket directory
    int port = 5432;
    QString database;
    QString user;
    QString password;

    static std::optional<DbConfig> fromUrl(const QString &url, QString *error = nullptr);
    QString toUrl() const;
    QString key() const; // identifies the target, without the password
};

// An SQL failure, carrying PostgreSQL's SQLSTATE so services can tell constraint violations from
// outages.
class DbError : public std::exception
{
public:
    DbError(QString sqlState, QString message);
    const char *what() const noexcept override { return m_what.constData(); }
    const QString &sqlState() const { return m_sqlState; }
    const QString &message() const { return m_message; }
    bool isConnectionLoss() const;
    bool isUniqueViolation() const { return m_sqlState == QLatin1String("23505"); }
    bool isForeignKeyViolation() const { return m_sqlState == QLatin1String("23503"); }
    bool isCheckViolation() const { return m_sqlState == QLatin1String("23514"); }

private:
    QString m_sqlState;
    QString m_message;
    QByteArray m_what;
};

namespace db {

// Opens a fresh connection with the given Qt connection name; throws DbError on failure.
QSqlDatabase open(const DbConfig &config, const QString &connectionName);

// The calling thread's connection to `config`, opened on first use and reopened after a loss.
// Each worker thread has its own; they are closed when the thread ends.
QSqlDatabase connection(const DbConfig &config);

// A prepared statement cached for the calling thread's connection: hot paths pay one round trip
// per execution instead of prepare + execute + deallocate.
QSqlQuery &cached(const DbConfig &config, const QString &sql);
// The same for a connection handed around as a QSqlDatabase: nullptr when `db` is not one of the
// calling thread's db::connection()s (a connection of db::open), whose caller then prepares.
// A cached statement is shared by every caller on the thread: read its result to the end (or
// copy it out) before anything can run the same SQL again.
QSqlQuery *cachedOn(const QSqlDatabase &db, const QString &sql);

// The configuration `db` was opened from, when `db` is the calling thread's db::connection() of
// it: services that post through the ledger work on that connection, so a run handed some other
// connection throws std::logic_error rather than writing outside the caller's transaction.
DbConfig threadConfigOf(const QSqlDatabase &db);

// Closes every db::connection() of the calling thread and its cached statements. A thread calls
// it before it finishes: thread_local destructors run after QThread::wait() has returned, when
// the application (and the SQL driver plugin) may already be going away.
void closeThreadConnections();

// Drops the calling thread's connection to `config` (after a connection loss).
void forget(const DbConfig &config);

void exec(QSqlQuery &query); // throws DbError
// Binds `binds` positionally (replacing an earlier execution's) and executes; throws DbError.
void exec(QSqlQuery &query, const QVariantList &binds);
QSqlQuery exec(QSqlDatabase db, const QString &sql); // unprepared, may hold statements
QSqlQuery query(QSqlDatabase db, const QString &sql, const QVariantList &binds);

// Rolls back unless commit() was called: one state change, one transaction. A Transaction
// opened while another is open on the same connection (a service called inside a route's
// idempotency transaction, a domain-event handler) becomes a savepoint, so the outer one still
// commits or rolls back everything together.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();
    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
    bool m_open = false;
    int m_depth = 0; // 1 for the real transaction, > 1 for a savepoint inside it
};

} // namespace db
} // namespace keel
