#include "sync_store.h"

#include "json_codec.h"
#include "time_entry_store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {

constexpr int kReferenceDays = 60;

QString xidText(quint64 xid)
{
    return QString::number(xid);
}

QJsonValue optId(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : idToJson(v.toLongLong());
}

// Keyset condition on (change_xid, kind, id) for rows of `kind` after the cursor: rows of an
// earlier kind at the cursor's xid were all sent, rows of a later kind not yet.
QString afterCondition(SyncCursor::Kind kind, const SyncCursor &from, QVariantList &binds)
{
    binds << xidText(from.xid);
    QString sql = QStringLiteral(" AND x.change_xid >= ?::text::xid8");
    if (!from.afterKind)
        return sql;
    if (kind < *from.afterKind) {
        binds << xidText(from.xid);
        return sql + QStringLiteral(" AND x.change_xid > ?::text::xid8");
    }
    if (kind == *from.afterKind) {
        binds << xidText(from.xid) << from.afterId.toString(QUuid::WithoutBraces);
        return sql + QStringLiteral(" AND (x.change_xid > ?::text::xid8 OR x.id > ?::uuid)");
    }
    return sql;
}

} // namespace

QSqlDatabase SyncStore::db() const
{
    return db::connection(m_config);
}

std::optional<SyncEmployee> SyncStore::employeeOfUser(qint64 userId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT e.id, e.legal_entity_id, le.code, "
                                           "e.weekly_capacity_hours::text FROM employees e "
                                           "JOIN legal_entities le ON le.id = e.legal_entity_id "
                                           "WHERE e.user_id = ?"),
                            {userId});
    if (!q.next())
        return std::nullopt;
    return SyncEmployee{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                        q.value(3).toString()};
}

void SyncStore::beginSnapshot() const
{
    db::exec(db(), QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
}

SyncBound SyncStore::bound() const
{
    // pg_snapshot_xmin counts the running transactions of every database in the cluster, so a
    // long load into another database would hold every pull back. Transactions seen running in
    // another database (or prepared there) cannot have written our rows and are left out; any
    // xid not positively placed elsewhere still bounds the pull. 32-bit xids in the activity
    // view are matched on the low half of the xid8: two running transactions never share it.
    QSqlQuery q = db::exec(
        db(), QStringLiteral(
                  "WITH s AS (SELECT pg_current_snapshot() AS s), "
                  "elsewhere AS (SELECT a.backend_xid::text::bigint AS xid FROM pg_stat_activity a "
                  " WHERE a.backend_xid IS NOT NULL AND a.datid IS NOT NULL AND a.datid <> "
                  " (SELECT oid FROM pg_database WHERE datname = current_database()) "
                  " UNION ALL SELECT p.transaction::text::bigint FROM pg_prepared_xacts p "
                  " WHERE p.database <> current_database()) "
                  "SELECT coalesce((SELECT min(x) FROM pg_snapshot_xip(s.s) x WHERE "
                  " (x::text::numeric % 4294967296)::bigint NOT IN (SELECT xid FROM elsewhere)), "
                  " pg_snapshot_xmax(s.s))::text, pg_snapshot_xmax(s.s)::text FROM s"));
    q.next();
    return {q.value(0).toString().toULongLong(), q.value(1).toString().toULongLong()};
}

QList<SyncChange> SyncStore::changes(SyncCursor::Kind kind, qint64 employeeId,
                                     const SyncCursor &from, quint64 bound, int limit) const
{
    const bool time = kind == SyncCursor::Kind::TimeEntry;
    QVariantList binds{employeeId, xidText(bound)};
    QString sql = QStringLiteral("SELECT x.change_xid::text, x.id FROM ") +
                  (time ? QStringLiteral("time_entries") : QStringLiteral("expenses")) +
                  QStringLiteral(" x WHERE x.employee_id = ? AND x.change_xid < ?::text::xid8");
    sql += afterCondition(kind, from, binds);
    if (from.since.isValid()) {
        // A first pull: the recent window, without what was deleted before the client knew it.
        sql += time ? QStringLiteral(" AND x.work_date >= ?")
                    : QStringLiteral(" AND x.expense_date >= ?");
        sql += QStringLiteral(" AND x.status <> 'deleted'");
        binds << from.since;
    }
    sql += QStringLiteral(" ORDER BY x.change_xid, x.id LIMIT ?");
    binds << limit;
    QSqlQuery q = db::query(db(), sql, binds);
    QList<SyncChange> out;
    while (q.next())
        out.append(
            {q.value(0).toString().toULongLong(), kind, QUuid::fromString(q.value(1).toString())});
    return out;
}

QHash<QUuid, QJsonObject> SyncStore::timeEntries(const QList<QUuid> &ids) const
{
    QHash<QUuid, QJsonObject> out;
    if (ids.isEmpty())
        return out;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + QLatin1String(time_sql::kEntryColumns) +
                                QLatin1String(time_sql::kEntryJoins) +
                                QStringLiteral("WHERE t.id = ANY (?::uuid[])"),
                            {time_sql::uuidArray(ids)});
    while (q.next()) {
        QJsonObject entry = time_sql::entryJson(q);
        out.insert(QUuid::fromString(entry.value("id").toString()), entry);
    }
    return out;
}

bool SyncStore::referenceChanged(const SyncEmployee &e, quint64 from, quint64 bound) const
{
    // A project is the employee's when they are assigned to it or booked time on it; the
    // projects, tasks and accounts are found through the change_xid indexes first, so an
    // unchanged reference costs a few index probes.
    const QString mine = QStringLiteral(
        "(EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = %1 AND a.employee_id = ?) "
        "OR EXISTS (SELECT 1 FROM time_entries t WHERE t.project_id = %1 AND t.employee_id = ?))");
    const QString range = QStringLiteral(" >= ?::text::xid8 AND %1 < ?::text::xid8 ");
    const QString sql =
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM assignments a WHERE a.employee_id = ? AND "
                       "a.change_xid") +
        range.arg("a.change_xid") +
        QStringLiteral(") OR EXISTS (SELECT 1 FROM sync_reference_removals r WHERE "
                       "r.employee_id = ? AND r.change_xid") +
        range.arg("r.change_xid") +
        QStringLiteral(") OR EXISTS (SELECT 1 FROM expense_categories c WHERE "
                       "c.legal_entity_id = ? AND c.change_xid") +
        range.arg("c.change_xid") +
        QStringLiteral(") OR EXISTS (SELECT 1 FROM projects p WHERE p.change_xid") +
        range.arg("p.change_xid") + QStringLiteral("AND ") + mine.arg("p.id") +
        QStringLiteral(") OR EXISTS (SELECT 1 FROM project_tasks k WHERE k.change_xid") +
        range.arg("k.change_xid") + QStringLiteral("AND ") + mine.arg("k.project_id") +
        QStringLiteral(") OR EXISTS (SELECT 1 FROM accounts ac JOIN projects p ON p.account_id = "
                       "ac.id WHERE ac.change_xid") +
        range.arg("ac.change_xid") + QStringLiteral("AND ") + mine.arg("p.id") +
        QStringLiteral(")");
    const QString f = xidText(from);
    const QString b = xidText(bound);
    QSqlQuery q = db::query(db(), sql, {e.id, f,    b,    e.id, f,    b,    e.legalEntityId,
                                        f,    b,    f,    b,    e.id, e.id, f,
                                        b,    e.id, e.id, f,    b,    e.id, e.id});
    q.next();
    return q.value(0).toBool();
}

QDate SyncStore::today() const
{
    QSqlQuery q = db::exec(db(), QStringLiteral("SELECT current_date"));
    q.next();
    return q.value(0).toDate();
}

QJsonArray SyncStore::projects(qint64 employeeId, const QDate &today) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT p.id, p.name, ac.name, p.status, ac.time_notes_required, p.start_date, "
            "p.end_date FROM projects p JOIN accounts ac ON ac.id = p.account_id WHERE p.id IN ("
            "SELECT a.project_id FROM assignments a WHERE a.employee_id = ? AND a.kind = 'hard' "
            "AND a.start_date <= ? AND a.end_date >= ? "
            "UNION SELECT t.project_id FROM time_entries t WHERE t.employee_id = ? AND "
            "t.work_date >= ?) ORDER BY p.name, p.id"),
        {employeeId, today.addDays(kReferenceDays), today.addDays(-kReferenceDays), employeeId,
         today.addDays(-kReferenceDays)});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"name", q.value(1).toString()},
                               {"account_name", q.value(2).toString()},
                               {"status", q.value(3).toString()},
                               {"notes_required", q.value(4).toBool()},
                               {"start_date", dateToJson(q.value(5).toDate())},
                               {"end_date", dateToJson(q.value(6).toDate())}});
    return out;
}

QJsonArray SyncStore::tasks(const QList<qint64> &projectIds) const
{
    QJsonArray out;
    if (projectIds.isEmpty())
        return out;
    QStringList ids;
    for (const qint64 id : projectIds)
        ids << QString::number(id);
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, project_id, name, billable, status FROM "
                                           "project_tasks WHERE project_id = ANY (?::bigint[]) "
                                           "ORDER BY project_id, seq"),
                            {u'{' + ids.join(u',') + u'}'});
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"project_id", idToJson(q.value(1).toLongLong())},
                               {"name", q.value(2).toString()},
                               {"billable", q.value(3).toBool()},
                               {"status", q.value(4).toString()}});
    return out;
}

QJsonArray SyncStore::assignments(qint64 employeeId, const QDate &today) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT id, project_id, task_id, start_date, end_date, "
                                 "hours_per_week::text FROM assignments WHERE employee_id = ? AND "
                                 "kind = 'hard' AND start_date <= ? AND end_date >= ? "
                                 "ORDER BY start_date, id"),
                  {employeeId, today.addDays(kReferenceDays), today.addDays(-kReferenceDays)});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"project_id", idToJson(q.value(1).toLongLong())},
                               {"task_id", optId(q.value(2))},
                               {"start_date", dateToJson(q.value(3).toDate())},
                               {"end_date", dateToJson(q.value(4).toDate())},
                               {"hours_per_week", q.value(5).toString()}});
    return out;
}

QHash<QUuid, SyncStoredOp> SyncStore::storedOps(const QList<QUuid> &opIds) const
{
    QHash<QUuid, SyncStoredOp> out;
    if (opIds.isEmpty())
        return out;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT op_id, user_id, result::text FROM "
                                           "sync_operations WHERE op_id = ANY (?::uuid[])"),
                            {time_sql::uuidArray(opIds)});
    while (q.next())
        out.insert(
            QUuid::fromString(q.value(0).toString()),
            {q.value(1).toLongLong(), QJsonDocument::fromJson(q.value(2).toByteArray()).object()});
    return out;
}

qsizetype SyncStore::recordOps(qint64 userId, const QList<QPair<QUuid, QJsonObject>> &results) const
{
    if (results.isEmpty())
        return 0;
    QJsonArray rows;
    for (const auto &[opId, result] : results)
        rows.append(
            QJsonObject{{"op_id", opId.toString(QUuid::WithoutBraces)}, {"result", result}});
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("WITH stored AS (INSERT INTO sync_operations (op_id, user_id, result) "
                       "SELECT o.op_id, ?, o.result FROM jsonb_to_recordset(?::jsonb) AS "
                       "o(op_id uuid, result jsonb) ON CONFLICT (op_id) DO NOTHING RETURNING 1) "
                       "SELECT count(*) FROM stored"),
        {userId, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))});
    q.next();
    return q.value(0).toLongLong();
}

} // namespace keel
