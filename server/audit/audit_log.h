#pragma once

#include <QJsonObject>
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
void appendAudit(QSqlDatabase db, const AuditEntry &entry);

} // namespace keel
