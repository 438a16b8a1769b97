#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

struct Principal;
struct Request;

// One state change worth keeping: who, what record, and the record before and after.
struct AuditEntry
{
    qint64 actorId = 0; // 0: the system itself (keel-admin, jobs)
    QString actorName;
    QString requestId;
    QString action;     // "user.create", "user_role.grant", "session.login", ...
    QString recordType; // table-ish name: "user", "user_role", "session"
    QString recordId;
    QJsonObject before;
    QJsonObject after;

    static AuditEntry from(const Request &request, QString action, QString recordType,
                           QString recordId);
};

// Appends to the hash-chained audit_log inside the caller's transaction, so the change and its
// record commit together. The chain itself is computed by the database (0002_audit.sql).
// While an AuditBatch is open on the same connection, entries are held and written by flush().
void appendAudit(QSqlDatabase db, const AuditEntry &entry);

// Holds the audit entries a long transaction writes and appends them together at its end.
// Extending the chain takes a lock that lasts until the transaction commits (0002_audit.sql);
// a sync push of hundreds of operations that appended as it went would hold that lock from its
// first change to its commit, and concurrent pushes would run one after another. With a batch
// the lock is taken by the last statements only. Operations judged in savepoints roll their
// entries back with rollbackTo(mark()).
class AuditBatch
{
public:
    explicit AuditBatch(QSqlDatabase db);
    ~AuditBatch(); // whatever was not flushed is dropped: the transaction did not commit
    AuditBatch(const AuditBatch &) = delete;
    AuditBatch &operator=(const AuditBatch &) = delete;

    qsizetype mark() const { return m_entries.size(); }
    void rollbackTo(qsizetype mark);
    // Appends the held entries inside the caller's transaction; call it just before commit.
    void flush();

private:
    friend void appendAudit(QSqlDatabase db, const AuditEntry &entry);
    static AuditBatch *openOn(const QSqlDatabase &db);

    QSqlDatabase m_db;
    QList<AuditEntry> m_entries;
    AuditBatch *m_outer = nullptr;
};

} // namespace keel
