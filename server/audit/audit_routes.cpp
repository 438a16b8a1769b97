#include "audit_routes.h"

#include "http/paging.h"
#include "http/router.h"
#include "permissions.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {
QJsonValue jsonColumn(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue::Null;
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QJsonArray auditPage(const DbConfig &database, const PageRequest &p, const QString &recordType,
                     const QString &recordId)
{
    QSqlQuery q = db::query(
        db::connection(database),
        QStringLiteral("SELECT id, at, actor_id, actor_name, request_id, action, record_type, "
                       "record_id, before, after, encode(hash, 'hex') FROM audit_log "
                       "WHERE id > ? AND (coalesce(?, '') = '' OR record_type = ?) "
                       "AND (coalesce(?, '') = '' OR record_id = ?) "
                       "ORDER BY id LIMIT ?"),
        {p.after, recordType, recordType, recordId, recordId, p.limit});
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", q.value(0).toString()},
                        {"at", q.value(1).toDateTime().toUTC().toString(Qt::ISODateWithMs)},
                        {"actor_id", q.value(2).isNull() ? QJsonValue() : q.value(2).toString()},
                        {"actor", q.value(3).toString()},
                        {"request_id", q.value(4).toString()},
                        {"action", q.value(5).toString()},
                        {"record_type", q.value(6).toString()},
                        {"record_id", q.value(7).toString()},
                        {"before", jsonColumn(q.value(8))},
                        {"after", jsonColumn(q.value(9))},
                        {"hash", q.value(10).toString()}});
    return items;
}
} // namespace

void registerAuditRoutes(Router &router, const DbConfig &database)
{
    router.add({"GET", "/api/v1/audit", Permission::AuditRead, Scope::All,
                "Audit trail, filtered by record", [database](Request &r) {
                    const PageRequest p = PageRequest::from(r);
                    return Reply::json(p.page(auditPage(
                        database, p, r.query.queryItemValue(QStringLiteral("record_type")),
                        r.query.queryItemValue(QStringLiteral("record_id")))));
                }});
}

} // namespace keel
