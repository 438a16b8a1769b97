#include "close_store.h"

#include "db/database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::close_store {

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString idList(const QList<qint64> &ids)
{
    QStringList out;
    for (const qint64 id : ids)
        out << QString::number(id);
    return u'{' + out.join(u',') + u'}';
}

// The close's own kinds are named after the checklist's tasks in the API.
QString apiKind(const QString &kind)
{
    if (kind == QLatin1String("revenue"))
        return QStringLiteral("revenue_recognition");
    if (kind == QLatin1String("accruals"))
        return QStringLiteral("subcontractor_accruals");
    return kind;
}

const QString kRun = QStringLiteral(
    "SELECT r.id, r.legal_entity_id, le.code, r.period_start, r.kind, r.status, r.progress, "
    "r.step, r.result::text, r.error, r.created_by, u.display_name, r.started_at, "
    "r.finished_at FROM close_runs r JOIN legal_entities le ON le.id = r.legal_entity_id "
    "JOIN users u ON u.id = r.created_by ");

CloseRunRow runFrom(const QSqlQuery &q)
{
    CloseRunRow r;
    r.id = q.value(0).toLongLong();
    r.entityId = q.value(1).toLongLong();
    r.entityCode = q.value(2).toString();
    r.periodStart = q.value(3).toDate();
    r.kind = q.value(4).toString();
    r.status = q.value(5).toString();
    r.createdBy = q.value(10).toLongLong();
    r.createdByName = q.value(11).toString();
    r.finishedAt = q.value(13).toDateTime();
    r.json = QJsonObject{
        {"id", QString::number(r.id)},
        {"legal_entity_id", QString::number(r.entityId)},
        {"entity_code", r.entityCode},
        {"period", r.periodStart.toString(QStringLiteral("yyyy-MM"))},
        {"kind", apiKind(r.kind)},
        {"status", r.status},
        {"progress", q.value(6).toInt()},
        {"step", q.value(7).toString()},
        {"result", QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object()},
        {"error", q.value(9).isNull() ? QJsonValue() : QJsonValue(q.value(9).toString())},
        {"created_by",
         QJsonObject{{"id", QString::number(r.createdBy)}, {"name", r.createdByName}}},
        {"started_at", iso(q.value(12).toDateTime())},
        {"finished_at", r.finishedAt.isValid() ? QJsonValue(iso(r.finishedAt)) : QJsonValue()}};
    return r;
}

} // namespace

std::optional<CloseEntity> entity(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT id, code, name, functional_currency FROM "
                                           "legal_entities WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return CloseEntity{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString()};
}

QList<CloseEntity> entities(QSqlDatabase db, const QStringList &codes)
{
    const bool all = codes.contains(QStringLiteral("*"));
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT id, code, name, functional_currency FROM "
                                           "legal_entities WHERE ? OR code = ANY(?::text[]) "
                                           "ORDER BY code"),
                            {all, u'{' + codes.join(u',') + u'}'});
    QList<CloseEntity> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

QString periodStatus(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT status FROM accounting_periods WHERE "
                                           "legal_entity_id = ? AND period_start = ?"),
                            {entityId, periodStart});
    return q.next() ? q.value(0).toString() : QStringLiteral("open");
}

ClosePeriodRow lockPeriod(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    db::query(db, QStringLiteral("SELECT keel_ledger_ensure_periods(?, ?::date, ?::date)"),
              {entityId, periodStart, periodStart});
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT id, status, version FROM accounting_periods "
                                           "WHERE legal_entity_id = ? AND period_start = ? FOR "
                                           "UPDATE"),
                            {entityId, periodStart});
    q.next();
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()};
}

void setPeriodStatus(QSqlDatabase db, qint64 periodId, const QString &status, qint64 userId)
{
    db::query(
        db,
        QStringLiteral("UPDATE accounting_periods SET status = ?, closed_at = CASE WHEN ? "
                       "= 'open' THEN NULL ELSE now() END, closed_by = CASE WHEN ? = "
                       "'open' THEN NULL ELSE ?::bigint END, version = version + 1 WHERE id = ?"),
        {status, status, status, userId ? QVariant(userId) : QVariant(), periodId});
}

QHash<qint64, QHash<QDate, QString>> periodStatuses(QSqlDatabase db, const QList<qint64> &ids,
                                                    QDate from, QDate to)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT legal_entity_id, period_start, status FROM "
                                           "accounting_periods WHERE legal_entity_id = "
                                           "ANY(?::bigint[]) AND period_start BETWEEN ? AND ?"),
                            {idList(ids), from, to});
    QHash<qint64, QHash<QDate, QString>> out;
    while (q.next())
        out[q.value(0).toLongLong()].insert(q.value(1).toDate(), q.value(2).toString());
    return out;
}

QHash<QString, CloseTaskRow> tasks(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT t.task, t.responsible_user_id, r.display_name, t.status, "
                       "t.signed_off_by, s.display_name, t.signed_off_at, t.note, t.version "
                       "FROM close_tasks t LEFT JOIN users r ON r.id = t.responsible_user_id "
                       "LEFT JOIN users s ON s.id = t.signed_off_by WHERE t.legal_entity_id = ? "
                       "AND t.period_start = ?"),
        {entityId, periodStart});
    QHash<QString, CloseTaskRow> out;
    while (q.next())
        out.insert(q.value(0).toString(),
                   CloseTaskRow{q.value(1).toLongLong(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toLongLong(),
                                q.value(5).toString(), q.value(6).toDateTime(),
                                q.value(7).toString(), q.value(8).toInt()});
    return out;
}

QHash<qint64, QHash<QDate, int>> signedOffCounts(QSqlDatabase db, const QList<qint64> &ids,
                                                 QDate from, QDate to)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT legal_entity_id, period_start, count(*) FROM "
                                           "close_tasks WHERE legal_entity_id = ANY(?::bigint[]) "
                                           "AND period_start BETWEEN ? AND ? AND status = "
                                           "'signed_off' GROUP BY 1, 2"),
                            {idList(ids), from, to});
    QHash<qint64, QHash<QDate, int>> out;
    while (q.next())
        out[q.value(0).toLongLong()].insert(q.value(1).toDate(), q.value(2).toInt());
    return out;
}

CloseTaskRow lockTask(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &task)
{
    db::query(db,
              QStringLiteral("INSERT INTO close_tasks (legal_entity_id, period_start, task) "
                             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
              {entityId, periodStart, task});
    db::query(db,
              QStringLiteral("SELECT 1 FROM close_tasks WHERE legal_entity_id = ? AND "
                             "period_start = ? AND task = ? FOR UPDATE"),
              {entityId, periodStart, task});
    return tasks(db, entityId, periodStart).value(task);
}

void updateTask(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &task,
                std::optional<qint64> responsibleId, std::optional<QString> note)
{
    db::query(db,
              QStringLiteral("UPDATE close_tasks SET responsible_user_id = CASE WHEN ? THEN ? "
                             "ELSE responsible_user_id END, note = coalesce(?, note), version = "
                             "version + 1 WHERE legal_entity_id = ? AND period_start = ? AND "
                             "task = ?"),
              {responsibleId.has_value(),
               responsibleId && *responsibleId ? QVariant(*responsibleId) : QVariant(),
               note ? QVariant(*note) : QVariant(), entityId, periodStart, task});
}

void signOffTask(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &task,
                 qint64 userId, qint64 count)
{
    db::query(db,
              QStringLiteral("UPDATE close_tasks SET status = 'signed_off', signed_off_by = ?, "
                             "signed_off_at = now(), last_count = ?, last_checked_at = now(), "
                             "version = version + 1 WHERE legal_entity_id = ? AND period_start = "
                             "? AND task = ?"),
              {userId, count, entityId, periodStart, task});
}

void clearSignOffs(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    db::query(db,
              QStringLiteral("UPDATE close_tasks SET status = 'open', signed_off_by = NULL, "
                             "signed_off_at = NULL, version = version + 1 WHERE legal_entity_id "
                             "= ? AND period_start = ? AND status = 'signed_off'"),
              {entityId, periodStart});
}

bool userExists(QSqlDatabase db, qint64 userId)
{
    QSqlQuery q = db::query(db, QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {userId});
    return q.next();
}

qint64 insertRun(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &kind,
                 qint64 userId)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("INSERT INTO close_runs (legal_entity_id, "
                                           "period_start, kind, created_by, step) VALUES (?, ?, "
                                           "?, ?, 'queued') RETURNING id"),
                            {entityId, periodStart, kind, userId});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<CloseRunRow> run(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db, kRun + QStringLiteral("WHERE r.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return runFrom(q);
}

void runProgress(QSqlDatabase db, qint64 id, int percent, const QString &step)
{
    db::query(db,
              QStringLiteral("UPDATE close_runs SET progress = greatest(progress, ?), step = ? "
                             "WHERE id = ? AND status = 'running'"),
              {qBound(0, percent, 100), step.left(200), id});
}

void runCompleted(QSqlDatabase db, qint64 id, const QJsonObject &result)
{
    db::query(
        db,
        QStringLiteral("UPDATE close_runs SET status = 'completed', progress = 100, step = "
                       "'done', result = ?::jsonb, finished_at = clock_timestamp() WHERE id = ?"),
        {QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)), id});
}

void runFailed(QSqlDatabase db, qint64 id, const QString &error)
{
    db::query(db,
              QStringLiteral("UPDATE close_runs SET status = 'failed', error = ?, finished_at = "
                             "now() WHERE id = ?"),
              {error.left(2000), id});
}

QHash<QString, CloseRunRow> latestRuns(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    QSqlQuery q = db::query(db,
                            kRun + QStringLiteral("WHERE r.id IN (SELECT max(id) FROM close_runs "
                                                  "WHERE legal_entity_id = ? AND period_start = "
                                                  "? GROUP BY kind UNION ALL SELECT max(id) FROM "
                                                  "close_runs WHERE legal_entity_id = ? AND "
                                                  "period_start = ? AND status = 'completed' "
                                                  "GROUP BY kind) ORDER BY r.id"),
                            {entityId, periodStart, entityId, periodStart});
    // Keyed by kind (the latest) and by kind + "/completed" (the latest completed).
    QHash<QString, CloseRunRow> out;
    while (q.next()) {
        const CloseRunRow r = runFrom(q);
        out.insert(r.kind, r);
        if (r.status == QLatin1String("completed"))
            out.insert(r.kind + QStringLiteral("/completed"), r);
    }
    return out;
}

QDateTime lastRevenueRun(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT max(finished_at) FROM revenue_runs WHERE "
                                           "legal_entity_id = ? AND period_start = ? AND status "
                                           "= 'completed'"),
                            {entityId, periodStart});
    return q.next() ? q.value(0).toDateTime() : QDateTime();
}

} // namespace keel::close_store
