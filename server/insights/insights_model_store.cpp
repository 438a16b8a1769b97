#include "insights_model_store.h"

#include "db/database.h"
#include "http/http_types.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {

// pg_advisory_xact_lock(ModelLockClass, hashtext(model)): two trainings of one model never race
// for the same next version.
constexpr int ModelLockClass = 0x6b6c494d; // "klIM"

const QString kColumns = QStringLiteral(
    "SELECT id, model, version, as_of, trained_at, training_ms, sample_size, parameters::text, "
    "backtest::text FROM insights_models ");

QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

InsightsModelRecord recordFrom(const QSqlQuery &q)
{
    InsightsModelRecord r;
    r.id = q.value(0).toLongLong();
    r.model = q.value(1).toString();
    r.version = q.value(2).toInt();
    r.asOf = q.value(3).toDate();
    r.trainedAt = q.value(4).toDateTime();
    r.trainingMs = q.value(5).toInt();
    r.sampleSize = q.value(6).toInt();
    r.parameters = objectOf(q.value(7));
    r.backtest = objectOf(q.value(8));
    return r;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString titleOf(const QString &model)
{
    for (const InsightsModelSpec &spec : insightsModels())
        if (spec.name == model)
            return spec.title;
    return model;
}

} // namespace

std::optional<InsightsModelRecord> currentInsightsModel(QSqlDatabase db, const QString &model)
{
    QSqlQuery q = db::query(db, kColumns + QStringLiteral("WHERE model = ? AND current"), {model});
    if (!q.next())
        return std::nullopt;
    return recordFrom(q);
}

InsightsModelRecord storeInsightsModel(QSqlDatabase db, const QString &model, QDate asOf,
                                       const InsightsTrained &trained, int trainingMs,
                                       qint64 trainingRunId)
{
    db::Transaction tx(db);
    db::query(db, QStringLiteral("SELECT pg_advisory_xact_lock(?, hashtext(?))"),
              {ModelLockClass, model});
    db::query(db,
              QStringLiteral("UPDATE insights_models SET current = false WHERE model = ? AND "
                             "current"),
              {model});
    QSqlQuery q = db::query(
        db,
        QStringLiteral("INSERT INTO insights_models (model, version, current, as_of, trained_at, "
                       "training_ms, training_run_id, sample_size, parameters, backtest) "
                       "SELECT ?, coalesce(max(version), 0) + 1, true, ?, clock_timestamp(), ?, "
                       "?, ?, ?::jsonb, ?::jsonb FROM insights_models WHERE model = ? "
                       "RETURNING id, model, version, as_of, trained_at, training_ms, "
                       "sample_size, parameters::text, backtest::text"),
        {model, asOf, trainingMs, trainingRunId > 0 ? QVariant(trainingRunId) : QVariant(),
         trained.sampleSize, compact(trained.parameters), compact(trained.backtest), model});
    q.next();
    InsightsModelRecord stored = recordFrom(q);
    tx.commit();
    return stored;
}

QJsonObject insightsModelJson(const InsightsModelRecord &record)
{
    return QJsonObject{
        {QStringLiteral("name"), record.model},
        {QStringLiteral("version"), record.version},
        {QStringLiteral("trained_at"), record.trainedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("as_of"), record.asOf.toString(Qt::ISODate)},
        {QStringLiteral("training_ms"), record.trainingMs},
        {QStringLiteral("sample_size"), record.sampleSize},
        {QStringLiteral("backtest"), record.backtest}};
}

InsightsModelRecord requireInsightsModel(QSqlDatabase db, const QString &model)
{
    if (auto current = currentInsightsModel(db, model))
        return *current;
    const QString message = QStringLiteral("No trained %1 model yet: train the models in the "
                                           "Insights workspace.")
                                .arg(titleOf(model));
    throw ApiError(Problem{409,
                           problemTypeUri(ErrorType::Conflict),
                           QStringLiteral("Model not trained"),
                           message,
                           {{QStringLiteral("model"), QStringLiteral("not_trained"), message}}});
}

} // namespace keel
