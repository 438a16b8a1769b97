#include "insights_training_runs.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::insights_runs {

namespace {

const QString kRun = QStringLiteral(
    "SELECT id, status, reason, array_to_string(models, ','), progress, step, claimed_by, "
    "result::text, error, requested_by, created_at, started_at, finished_at "
    "FROM insights_training_runs ");

QJsonValue iso(const QVariant &v)
{
    const QDateTime t = v.toDateTime();
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

InsightsRunRow rowFrom(const QSqlQuery &q)
{
    InsightsRunRow r;
    r.id = q.value(0).toLongLong();
    r.status = q.value(1).toString();
    r.models = q.value(3).toString().split(u',', Qt::SkipEmptyParts);
    r.claimedBy = q.value(6).toString();
    r.startedAt = iso(q.value(11)).toString();
    r.json = QJsonObject{
        {"id", QString::number(r.id)},
        {"status", r.status},
        {"reason", q.value(2).toString()},
        {"models", QJsonArray::fromStringList(r.models)},
        {"progress", q.value(4).toInt()},
        {"step", q.value(5).toString()},
        {"claimed_by", textOrNull(q.value(6))},
        {"result", QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object()},
        {"error", textOrNull(q.value(8))},
        {"requested_by", q.value(9).isNull() ? QJsonValue() : QJsonValue(q.value(9).toString())},
        {"created_at", iso(q.value(10))},
        {"started_at", iso(q.value(11))},
        {"finished_at", iso(q.value(12))}};
    return r;
}

QString modelArray(const QStringList &models)
{
    db::PgArray a;
    for (const QString &m : models)
        a.add(m);
    return a.literal();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<InsightsRunRow> run(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db, kRun + QStringLiteral("WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return rowFrom(q);
}

QJsonArray latest(QSqlDatabase db, int limit)
{
    QSqlQuery q = db::query(db, kRun + QStringLiteral("ORDER BY id DESC LIMIT ?"), {limit});
    QJsonArray out;
    while (q.next())
        out.append(rowFrom(q).json);
    return out;
}

QList<InsightsRunRow> running(QSqlDatabase db)
{
    QSqlQuery q = db::exec(db, kRun + QStringLiteral("WHERE status = 'running' ORDER BY id"));
    QList<InsightsRunRow> out;
    while (q.next())
        out.append(rowFrom(q));
    return out;
}

qint64 queue(QSqlDatabase db, const QString &reason, const QStringList &models, qint64 requestedBy)
{
    // DO NOTHING instead of catching 23505: a violation would abort a caller's transaction.
    // Between the insert that lost and the read, the open run may finish: try again then.
    for (int attempt = 0; attempt < 5; ++attempt) {
        QSqlQuery q = db::query(
            db,
            QStringLiteral("INSERT INTO insights_training_runs (reason, models, requested_by) "
                           "VALUES (?, ?::text[], ?) ON CONFLICT DO NOTHING RETURNING id"),
            {reason, modelArray(models), requestedBy > 0 ? QVariant(requestedBy) : QVariant()});
        if (q.next())
            return q.value(0).toLongLong();
        QSqlQuery open = db::exec(db, QStringLiteral("SELECT id FROM insights_training_runs "
                                                     "WHERE status IN ('queued', 'running') "
                                                     "ORDER BY id DESC LIMIT 1"));
        if (open.next())
            return open.value(0).toLongLong();
    }
    throw DbError(QStringLiteral("40001"),
                  QStringLiteral("training runs kept finishing while a new one was queued"));
}

qint64 queueIfStale(QSqlDatabase db, double hours, const QStringList &models)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "INSERT INTO insights_training_runs (reason, models) SELECT 'schedule', ?::text[] "
            "WHERE NOT EXISTS (SELECT 1 FROM insights_models WHERE current AND trained_at > "
            "now() - ?::double precision * interval '1 hour') AND NOT EXISTS (SELECT 1 FROM "
            "insights_training_runs WHERE created_at > now() - ?::double precision * interval "
            "'1 hour') ON CONFLICT DO NOTHING RETURNING id"),
        {modelArray(models), hours, hours});
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 claim(QSqlDatabase db, const QString &instance)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("UPDATE insights_training_runs SET status = 'running', claimed_by = ?, "
                       "started_at = clock_timestamp(), progress = 0, step = 'claimed' "
                       "WHERE id = (SELECT id FROM insights_training_runs WHERE status = "
                       "'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) AND status = "
                       "'queued' RETURNING id"),
        {instance});
    return q.next() ? q.value(0).toLongLong() : 0;
}

void progress(QSqlDatabase db, qint64 id, int percent, const QString &step)
{
    db::query(db,
              QStringLiteral("UPDATE insights_training_runs SET progress = greatest(progress, ?), "
                             "step = ? WHERE id = ? AND status = 'running'"),
              {qBound(0, percent, 99), step.left(200), id});
}

void partialResult(QSqlDatabase db, qint64 id, const QJsonObject &result)
{
    db::query(db,
              QStringLiteral("UPDATE insights_training_runs SET result = ?::jsonb WHERE id = ? "
                             "AND status = 'running'"),
              {compact(result), id});
}

void finish(QSqlDatabase db, qint64 id, const QJsonObject &result, const QString &error)
{
    db::query(
        db,
        QStringLiteral("UPDATE insights_training_runs SET status = CASE WHEN ?::boolean THEN "
                       "'failed' ELSE 'completed' END, progress = 100, step = 'done', "
                       "result = ?::jsonb, error = ?, finished_at = clock_timestamp() "
                       "WHERE id = ? AND status = 'running'"),
        {!error.isEmpty(), compact(result), error.isEmpty() ? QVariant() : QVariant(error), id});
}

void abandon(QSqlDatabase db, qint64 id)
{
    db::query(db,
              QStringLiteral("UPDATE insights_training_runs SET status = 'failed', error = 'The "
                             "server training the models stopped; nothing of this run was "
                             "stored. Start the training again.', finished_at = "
                             "clock_timestamp() WHERE id = ? AND status = 'running'"),
              {id});
}

qint64 insertDemo(QSqlDatabase db, const QStringList &models)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("INSERT INTO insights_training_runs (status, reason, models, claimed_by, "
                       "started_at) VALUES ('running', 'demo', ?::text[], 'keel-admin', "
                       "clock_timestamp()) RETURNING id"),
        {modelArray(models)});
    q.next();
    return q.value(0).toLongLong();
}

} // namespace keel::insights_runs
