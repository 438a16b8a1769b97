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
    db::query(
        db,
        QStringLiteral("INSERT INTO audit_log (actor_id, actor_name, request_id, action, "
                       "record_type, record_id, before, after) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)"),
        {e.actorId > 0 ? QVariant(e.actorId) : QVariant(QMetaType::fromType<qint64>()),
         e.actorName.isEmpty() ? QStringLiteral("system") : e.actorName,
         e.requestId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(e.requestId),
         e.action, e.recordType, e.recordId, jsonOrNull(e.before), jsonOrNull(e.after)});
}

} // namespace keel
