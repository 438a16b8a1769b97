#include "billing_run_store.h"

#include "db/database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::billing_run_store {

namespace {

// The run JSON in one statement; totals are the run's invoices' totals per currency.
const QString kRunSelect = QStringLiteral(R"(
SELECT r.id, e.code, r.status, json_build_object(
    'id', r.id::text, 'legal_entity_id', r.legal_entity_id::text, 'legal_entity', e.code,
    'period', to_char(r.period_start, 'YYYY-MM'),
    'period_start', r.period_start, 'period_end', r.period_end,
    'account_id', r.account_id::text, 'contract_id', r.contract_id::text,
    'invoice_date', r.invoice_date, 'status', r.status, 'progress', r.progress, 'step', r.step,
    'invoice_count', r.invoice_count, 'line_count', r.line_count,
    'exception_count', r.exception_count,
    'totals', coalesce((SELECT json_agg(json_build_object(
                                 'amount', t.total::numeric(20, 2)::text, 'currency', t.currency)
                                 ORDER BY t.currency)
                        FROM (SELECT i.currency, sum(i.total) AS total FROM invoices i
                              WHERE i.billing_run_id = r.id GROUP BY i.currency) t),
                       '[]'::json),
    'error', r.error, 'created_by', r.created_by::text,
    'started_at', to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'finished_at', to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'version', r.version)::text
FROM billing_runs r JOIN legal_entities e ON e.id = r.legal_entity_id )");

BillingRunRow rowOf(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()};
}

} // namespace

std::optional<BillingEntity> entity(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(
        db, QStringLiteral("SELECT id, code, country FROM legal_entities WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return BillingEntity{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

QString periodStatus(QSqlDatabase db, qint64 entityId, QDate date)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT status FROM accounting_periods WHERE "
                                           "legal_entity_id = ? AND period_start = "
                                           "date_trunc('month', ?::date)::date"),
                            {entityId, date});
    return q.next() ? q.value(0).toString() : QStringLiteral("open");
}

bool accountOfEntity(QSqlDatabase db, qint64 accountId, qint64 entityId)
{
    return db::query(db,
                     QStringLiteral("SELECT 1 FROM accounts WHERE id = ? AND legal_entity_id = ?"),
                     {accountId, entityId})
        .next();
}

bool contractOfEntity(QSqlDatabase db, qint64 contractId, qint64 entityId)
{
    return db::query(db,
                     QStringLiteral("SELECT 1 FROM contracts WHERE id = ? AND legal_entity_id = ?"),
                     {contractId, entityId})
        .next();
}

qint64 insert(QSqlDatabase db, const BillingRunScope &s)
{
    const QVariant none(QMetaType::fromType<qint64>());
    QSqlQuery q = db::query(
        db,
        QStringLiteral("INSERT INTO billing_runs (legal_entity_id, period_start, period_end, "
                       "account_id, contract_id, invoice_date, step, created_by) VALUES "
                       "(?, ?, ?, ?, ?, ?, 'queued', ?) RETURNING id"),
        {s.legalEntityId, s.periodStart, s.periodEnd, s.accountId ? QVariant(s.accountId) : none,
         s.contractId ? QVariant(s.contractId) : none, s.invoiceDate, s.userId});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<QueuedRun> queued(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT r.legal_entity_id, e.country, r.created_by, r.period_start, "
                       "r.period_end, r.invoice_date, coalesce(r.account_id, 0), "
                       "coalesce(r.contract_id, 0), r.status, u.username FROM billing_runs r "
                       "JOIN legal_entities e ON e.id = r.legal_entity_id "
                       "JOIN users u ON u.id = r.created_by WHERE r.id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    QueuedRun out;
    out.scope.runId = id;
    out.scope.legalEntityId = q.value(0).toLongLong();
    out.scope.entityCountry = q.value(1).toString();
    out.scope.userId = q.value(2).toLongLong();
    out.scope.periodStart = q.value(3).toDate();
    out.scope.periodEnd = q.value(4).toDate();
    out.scope.invoiceDate = q.value(5).toDate();
    out.scope.accountId = q.value(6).toLongLong();
    out.scope.contractId = q.value(7).toLongLong();
    out.status = q.value(8).toString();
    out.userName = q.value(9).toString();
    return out;
}

std::optional<BillingRunRow> run(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db, kRunSelect + QStringLiteral("WHERE r.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return rowOf(q);
}

QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId, qint64 after,
                int limit)
{
    QSqlQuery q = db::query(
        db,
        kRunSelect + QStringLiteral("WHERE ('*' = ANY (?::text[]) OR e.code = ANY (?::text[])) "
                                    "AND (? = 0 OR r.legal_entity_id = ?) "
                                    "AND (? = 0 OR r.id < ?) ORDER BY r.id DESC LIMIT ?"),
        {u'{' + entities.join(u',') + u'}', u'{' + entities.join(u',') + u'}', entityId, entityId,
         after, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(rowOf(q).json);
    return out;
}

void progress(QSqlDatabase db, qint64 id, int percent, const QString &step)
{
    db::query(
        db,
        QStringLiteral("UPDATE billing_runs SET progress = ?, step = ?, version = version + 1 "
                       "WHERE id = ? AND status = 'running'"),
        {percent, step, id});
}

void completed(QSqlDatabase db, qint64 id, const BillingRunCounts &c)
{
    db::query(db,
              QStringLiteral("UPDATE billing_runs SET status = 'completed', progress = 100, "
                             "step = 'done', invoice_count = ?, line_count = ?, "
                             "exception_count = ?, finished_at = now(), version = version + 1 "
                             "WHERE id = ?"),
              {c.invoices, c.lines, c.exceptions, id});
}

void failed(QSqlDatabase db, qint64 id, const QString &error)
{
    db::query(db,
              QStringLiteral("UPDATE billing_runs SET status = 'failed', error = ?, "
                             "finished_at = now(), version = version + 1 WHERE id = ?"),
              {error.left(2000), id});
}

} // namespace keel::billing_run_store
