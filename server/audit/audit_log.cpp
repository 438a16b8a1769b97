#include "audit_log.h"

#include "db/database.h"
#include "http/http_types.h"

#include <QJsonDocument>

namespace keel {

AuditEntry AuditEntry::from(const Request &request, QString action, QString recordType,
                            QString recordId)
{
    AuditEntry e;
    if (request.principal) {
        e.actorId = request.principal->user.id;
        e.actorName = request.principal->user.username;
    }
    e.requestId = request.requestId;
    e.action = std::move(action);
    e.recordType = std::move(recordType);
    e.recordId = std::move(recordId);
    return e;
}

void appendAudit(QSqlDatabase db, const AuditEntry &e)
{
    auto jsonOrNull = [](const QJsonObject &o) {
        return o.isEmpty()
                   ? QVariant(QMetaType::fromType<QString>())
                   : QVariant(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    };
    // The same statement every time: prepared once per worker connection, one round trip per
    // entry. The chain itself is extended by the insert trigger either way.
    const QString sql = QStringLiteral("INSERT INTO audit_log (actor_id, actor_name, request_id, "
                                       "action, record_type, record_id, before, after) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)");
    const QVariantList binds{
        e.actorId > 0 ? QVariant(e.actorId) : QVariant(QMetaType::fromType<qint64>()),
        e.actorName.isEmpty() ? QStringLiteral("system") : e.actorName,
        e.requestId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(e.requestId),
        e.action,
        e.recordType,
        e.recordId,
        jsonOrNull(e.before),
        jsonOrNull(e.after)};
    if (QSqlQuery *q = db::cachedOn(db, sql)) {
        db::exec(*q, binds);
        q->finish();
    } else {
        db::query(db, sql, binds);
    }
}

} // namespace keel
