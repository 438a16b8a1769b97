#include "revenue_run_store.h"

#include "billing/billing_run_store.h"
#include "db/database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::revenue_run_store {

namespace {

const QString kRunSelect = QStringLiteral(R"(
SELECT r.id, r.legal_entity_id, r.created_by, e.code, r.status, u.username, r.period_start,
  json_build_object(
    'id', r.id::text, 'legal_entity_id', r.legal_entity_id::text, 'legal_entity', e.code,
    'period', to_char(r.period_start, 'YYYY-MM'), 'period_start', r.period_start,
    'period_end', (r.period_start + interval '1 month' - interval '1 day')::date,
    'status', r.status, 'progress', r.progress, 'step', r.step,
    'obligation_count', r.obligation_count, 'entry_count', r.entry_count,
    'revenue', json_build_object('amount', r.revenue::numeric(20, 2)::text,
                                 'currency', e.functional_currency),
    'loss_provision', json_build_object('amount', r.loss_provision::numeric(20, 2)::text,
                                        'currency', e.functional_currency),
    'error', r.error, 'created_by', r.created_by::text,
    'started_at', to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'finished_at', to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'version', r.version)::text
FROM revenue_runs r JOIN legal_entities e ON e.id = r.legal_entity_id
JOIN users u ON u.id = r.created_by )");

RevenueRunRow rowOf(const QSqlQuery &q)
{
    return {
        q.value(0).toLongLong(), q.value(1).toLongLong(),
        q.value(2).toLongLong(), q.value(3).toString(),
        q.value(4).toString(),   q.value(5).toString(),
        q.value(6).toDate(),     QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object()};
}

QString codes(const QStringList &entities)
{
    return u'{' + entities.join(u',') + u'}';
}

} // namespace

std::optional<RevenueEntity> entity(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(
        db, QStringLiteral("SELECT id, code, functional_currency FROM legal_entities WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return RevenueEntity{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

QString periodStatus(QSqlDatabase db, qint64 entityId, QDate date)
{
    return billing_run_store::periodStatus(db, entityId, date);
}

qint64 insert(QSqlDatabase db, qint64 entityId, QDate periodStart, qint64 userId)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("INSERT INTO revenue_runs (legal_entity_id, "
                                           "period_start, step, created_by) VALUES (?, ?, "
                                           "'queued', ?) RETURNING id"),
                            {entityId, periodStart, userId});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<RevenueRunRow> run(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db, kRunSelect + QStringLiteral("WHERE r.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return rowOf(q);
}

QList<RevenueRunRow> running(QSqlDatabase db, qint64 entityId)
{
    QSqlQuery q = db::query(db,
                            kRunSelect + QStringLiteral("WHERE r.legal_entity_id = ? AND "
                                                        "r.status = 'running' ORDER BY r.id"),
                            {entityId});
    QList<RevenueRunRow> out;
    while (q.next())
        out.append(rowOf(q));
    return out;
}

QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId, QDate period,
                qint64 after, int limit)
{
    QSqlQuery q = db::query(
        db,
        kRunSelect + QStringLiteral("WHERE ('*' = ANY (?::text[]) OR e.code = ANY (?::text[])) "
                                    "AND (? = 0 OR r.legal_entity_id = ?) "
                                    "AND (?::date IS NULL OR r.period_start = ?::date) "
                                    "AND (? = 0 OR r.id < ?) ORDER BY r.id DESC LIMIT ?"),
        {codes(entities), codes(entities), entityId, entityId,
         period.isValid() ? QVariant(period) : QVariant(QMetaType::fromType<QDate>()),
         period.isValid() ? QVariant(period) : QVariant(QMetaType::fromType<QDate>()), after, after,
         limit});
    QJsonArray out;
    while (q.next())
        out.append(rowOf(q).json);
    return out;
}

void progress(QSqlDatabase db, qint64 id, int percent, const QString &step)
{
    db::query(
        db,
        QStringLiteral("UPDATE revenue_runs SET progress = ?, step = ?, version = version + 1 "
                       "WHERE id = ? AND status = 'running'"),
        {percent, step, id});
}

void completed(QSqlDatabase db, qint64 id, int obligations, int entries, const QString &revenue,
               const QString &lossProvision)
{
    db::query(db,
              QStringLiteral("UPDATE revenue_runs SET status = 'completed', progress = 100, "
                             "step = 'done', obligation_count = ?, entry_count = ?, "
                             "revenue = ?::numeric, loss_provision = ?::numeric, "
                             "finished_at = now(), version = version + 1 WHERE id = ?"),
              {obligations, entries, revenue, lossProvision, id});
}

void failed(QSqlDatabase db, qint64 id, const QString &error)
{
    db::query(db,
              QStringLiteral("UPDATE revenue_runs SET status = 'failed', error = ?, "
                             "finished_at = now(), version = version + 1 WHERE id = ?"),
              {error.left(2000), id});
}

} // namespace keel::revenue_run_store
