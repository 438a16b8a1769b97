#include "insights_platform_service.h"

#include "http/http_types.h"
#include "insights_model_store.h"
#include "insights_scope.h"
#include "insights_training_runs.h"

#include <QJsonArray>

namespace keel {

namespace {

// The requested models in training order (opportunity_score first: the forecast reads it).
QStringList requestedModels(const QJsonObject &body)
{
    QStringList all;
    for (const InsightsModelSpec &spec : insightsModels())
        all << spec.name;
    const QJsonValue models = body.value(QStringLiteral("models"));
    if (models.isUndefined() || models.isNull())
        return all;
    if (!models.isArray() || models.toArray().isEmpty())
        throw ApiError::invalidField(QStringLiteral("models"), QStringLiteral("invalid"),
                                     QStringLiteral("models must be a non-empty list of model "
                                                    "names: %1.")
                                         .arg(all.join(QStringLiteral(", "))));
    QStringList asked;
    for (const QJsonValue &v : models.toArray()) {
        if (!all.contains(v.toString()))
            throw ApiError::invalidField(
                QStringLiteral("models"), QStringLiteral("unknown_model"),
                QStringLiteral("There is no model '%1'; the models are %2.")
                    .arg(v.isString() ? v.toString() : QStringLiteral("(not a name)"),
                         all.join(QStringLiteral(", "))));
        asked << v.toString();
    }
    QStringList ordered;
    for (const QString &name : all)
        if (asked.contains(name))
            ordered << name;
    return ordered;
}

} // namespace

InsightsPlatformService::InsightsPlatformService(DbConfig config)
    : m_config(config), m_trainer(std::move(config))
{}

QJsonObject InsightsPlatformService::models(const Request &request) const
{
    QSqlDatabase d = db();
    insightsScope(d, request);
    QJsonArray items;
    for (const InsightsModelSpec &spec : insightsModels()) {
        QJsonObject item{{QStringLiteral("name"), spec.name},
                         {QStringLiteral("title"), spec.title},
                         {QStringLiteral("description"), spec.description}};
        if (const auto current = currentInsightsModel(d, spec.name)) {
            const QJsonObject json = insightsModelJson(*current);
            for (auto it = json.begin(); it != json.end(); ++it)
                if (it.key() != QLatin1String("name"))
                    item.insert(it.key(), it.value());
        } else {
            for (const char *key :
                 {"version", "trained_at", "as_of", "training_ms", "sample_size", "backtest"})
                item.insert(QLatin1String(key), QJsonValue());
        }
        items.append(item);
    }
    return QJsonObject{{QStringLiteral("items"), items}};
}

QJsonObject InsightsPlatformService::requestTraining(const Request &request,
                                                     const QJsonObject &body)
{
    const QStringList models = requestedModels(body);
    QSqlDatabase d = db();
    insightsScope(d, request);
    // An abandoned run would hold the one open slot: fail it before queueing.
    m_trainer.reapAbandoned(d);
    const qint64 id =
        insights_runs::queue(d, QStringLiteral("on_demand"), models, request.caller().user.id);
    m_trainer.claimAndStart(d);
    return insights_runs::run(d, id)->json;
}

QJsonObject InsightsPlatformService::trainingRun(const Request &request, qint64 id) const
{
    QSqlDatabase d = db();
    insightsScope(d, request);
    auto run = insights_runs::run(d, id);
    if (!run)
        throw ApiError::notFound(QStringLiteral("There is no training run %1.").arg(id));
    if (run->status == QLatin1String("running")) {
        m_trainer.reapAbandoned(d);
        run = insights_runs::run(d, id);
    }
    return run->json;
}

QJsonObject InsightsPlatformService::trainingRuns(const Request &request) const
{
    QSqlDatabase d = db();
    insightsScope(d, request);
    int limit = 20;
    const QString text = request.query.queryItemValue(QStringLiteral("limit"));
    if (!text.isEmpty()) {
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            throw ApiError::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                         QStringLiteral("limit must be 1 to 100."));
    }
    return QJsonObject{{QStringLiteral("items"), insights_runs::latest(d, limit)}};
}

} // namespace keel
