#include "audit_log.h"

#include "db/database.h"
#include "http/http_types.h"

#include <QJsonArray>
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

namespace {
// The batch open on this thread, innermost first (connections never cross threads).
thread_local AuditBatch *t_openBatch = nullptr;

void insertAudit(QSqlDatabase db, const AuditEntry &e);
} // namespace

AuditBatch::AuditBatch(QSqlDatabase db) : m_db(std::move(db)), m_outer(t_openBatch)
{
    t_openBatch = this;
}

AuditBatch::~AuditBatch()
{
    t_openBatch = m_outer;
}

void AuditBatch::rollbackTo(qsizetype mark)
{
    if (mark >= 0 && mark < m_entries.size())
        m_entries.resize(mark);
}

void AuditBatch::flush()
{
    const QList<AuditEntry> entries = std::exchange(m_entries, {});
    if (entries.size() <= 1) {
        for (const AuditEntry &e : entries)
            insertAudit(m_db, e);
        return;
    }
    // One statement for the lot; the rows are inserted (and chained) in the order they were
    // appended.
    QJsonArray rows;
    for (const AuditEntry &e : entries)
        rows.append(QJsonObject{
            {"actor_id", e.actorId > 0 ? QJsonValue(QString::number(e.actorId)) : QJsonValue()},
            {"actor_name", e.actorName.isEmpty() ? QStringLiteral("system") : e.actorName},
            {"request_id", e.requestId.isEmpty() ? QJsonValue() : QJsonValue(e.requestId)},
            {"action", e.action},
            {"record_type", e.recordType},
            {"record_id", e.recordId},
            {"before", e.before.isEmpty() ? QJsonValue() : QJsonValue(e.before)},
            {"after", e.after.isEmpty() ? QJsonValue() : QJsonValue(e.after)}});
    const QString sql = QStringLiteral(
        "INSERT INTO audit_log (actor_id, actor_name, request_id, action, record_type, "
        "record_id, before, after) SELECT (e->>'actor_id')::bigint, e->>'actor_name', "
        "e->>'request_id', e->>'action', e->>'record_type', e->>'record_id', "
        "nullif(e->'before', 'null'::jsonb), nullif(e->'after', 'null'::jsonb) "
        "FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n");
    const QVariantList binds{QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))};
    if (QSqlQuery *q = db::cachedOn(m_db, sql)) {
        db::exec(*q, binds);
        q->finish();
    } else {
        db::query(m_db, sql, binds);
    }
}

AuditBatch *AuditBatch::openOn(const QSqlDatabase &db)
{
    for (AuditBatch *b = t_openBatch; b; b = b->m_outer)
        if (b->m_db.connectionName() == db.connectionName())
            return b;
    return nullptr;
}

void appendAudit(QSqlDatabase db, const AuditEntry &e)
{
    if (AuditBatch *batch = AuditBatch::openOn(db)) {
        batch->m_entries.append(e);
        return;
    }
    insertAudit(db, e);
}

namespace {
void insertAudit(QSqlDatabase db, const AuditEntry &e)
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
} // namespace

} // namespace keel
