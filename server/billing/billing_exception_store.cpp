#include "billing_exception_store.h"

#include "db/database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::billing_exception_store {

namespace {

const QString kSelect = QStringLiteral(R"(
SELECT x.id, e.code, x.kind, x.status, coalesce(x.contract_line_id, 0), x.version,
       json_build_object(
    'id', x.id::text, 'legal_entity_id', x.legal_entity_id::text, 'legal_entity', e.code,
    'billing_run_id', x.billing_run_id::text, 'contract_id', x.contract_id::text,
    'contract_number', c.number, 'account_id', c.account_id::text, 'account_name', a.name,
    'contract_line_id', x.contract_line_id::text, 'kind', x.kind,
    'hours', x.hours::numeric(14, 2)::text,
    'amount', json_build_object('amount', x.amount::numeric(20, 2)::text,
                                'currency', x.currency),
    'detail', x.detail, 'status', x.status,
    'source_count', (SELECT count(*) FROM billing_sources bs WHERE bs.billing_exception_id = x.id),
    'resolved_by', x.resolved_by::text,
    'resolved_at', to_char(x.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'resolution_note', x.resolution_note,
    'created_at', to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'version', x.version)::text
FROM billing_exceptions x
JOIN legal_entities e ON e.id = x.legal_entity_id
JOIN contracts c ON c.id = x.contract_id
JOIN accounts a ON a.id = c.account_id )");

BillingExceptionRow rowOf(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(),
            q.value(1).toString(),
            q.value(2).toString(),
            q.value(3).toString(),
            q.value(4).toLongLong(),
            q.value(5).toInt(),
            QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object()};
}

} // namespace

std::optional<BillingExceptionRow> exception(QSqlDatabase db, qint64 id, bool lock)
{
    QSqlQuery q = db::query(db,
                            kSelect + QStringLiteral("WHERE x.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF x") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return rowOf(q);
}

QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId,
                const QString &status, qint64 after, int limit)
{
    const QString codes = u'{' + entities.join(u',') + u'}';
    QSqlQuery q =
        db::query(db,
                  kSelect + QStringLiteral(
                                "WHERE ('*' = ANY (?::text[]) OR e.code = ANY (?::text[])) "
                                "AND (? = 0 OR x.legal_entity_id = ?) AND (? = '' OR x.status = ?) "
                                "AND (? = 0 OR x.id < ?) ORDER BY x.id DESC LIMIT ?"),
                  {codes, codes, entityId, entityId, status, status, after, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(rowOf(q).json);
    return out;
}

void resolve(QSqlDatabase db, qint64 id, const QString &status, qint64 userId, const QString &note)
{
    db::query(db,
              QStringLiteral("UPDATE billing_exceptions SET status = ?, resolved_by = ?, "
                             "resolved_at = now(), resolution_note = ?, version = version + 1 "
                             "WHERE id = ?"),
              {status, userId, note, id});
}

void releaseSources(QSqlDatabase db, qint64 id)
{
    db::query(db, QStringLiteral(R"(
WITH gone AS (
    DELETE FROM billing_sources WHERE billing_exception_id = ? RETURNING source_kind, source_key)
UPDATE time_entries te SET status = 'approved', updated_at = now(), version = te.version + 1
FROM gone WHERE gone.source_kind = 'time_entry' AND te.id::text = gone.source_key
  AND te.status = 'invoiced')"),
              {id});
}

bool capReached(QSqlDatabase db, qint64 exceptionId)
{
    QSqlQuery q = db::query(db, QStringLiteral(R"(
SELECT l.not_to_exceed - keel_contract_line_billed(l.id) < coalesce((
    SELECT min(bs.amount / bs.hours) * 0.01 FROM billing_sources bs
    WHERE bs.billing_exception_id = x.id AND bs.hours > 0), 0.01)
FROM billing_exceptions x JOIN contract_lines l ON l.id = x.contract_line_id
WHERE x.id = ?)"),
                            {exceptionId});
    return q.next() && q.value(0).toBool();
}

} // namespace keel::billing_exception_store
