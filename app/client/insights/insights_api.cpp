#include "insights_api.h"

#include "api_client.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <utility>

namespace keel::insights {

namespace {
using Params = QList<std::pair<QString, QString>>;

// Empty values are left out, so a caller passes every parameter and only the set ones travel.
QString withParams(const QString &path, const Params &params)
{
    QStringList parts;
    for (const auto &[name, value] : params)
        if (!value.isEmpty())
            parts.append(name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return parts.isEmpty() ? path : path + u'?' + parts.join(u'&');
}
QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}
QString count(int n)
{
    return n > 0 ? QString::number(n) : QString();
}
const QString Base = QStringLiteral("/api/v1/insights");
} // namespace

QString InsightsApi::modelsPath()
{
    return Base + QStringLiteral("/models");
}

QString InsightsApi::trainingRunsPath()
{
    return Base + QStringLiteral("/training-runs");
}

QString InsightsApi::trainingRunPath(const QString &id)
{
    return trainingRunsPath() + u'/' + encoded(id);
}

QString InsightsApi::opportunitiesPath(const QString &entity, const QString &owner,
                                       const QString &sort, int limit, const QString &after)
{
    return withParams(Base + QStringLiteral("/opportunities"),
                      {{QStringLiteral("entity"), entity},
                       {QStringLiteral("owner"), owner},
                       {QStringLiteral("sort"), sort},
                       {QStringLiteral("limit"), count(limit)},
                       {QStringLiteral("after"), after}});
}

QString InsightsApi::opportunityPath(const QString &id)
{
    return Base + QStringLiteral("/opportunities/") + encoded(id);
}

QString InsightsApi::marginRiskPath(const QString &entity, const QString &manager, bool all)
{
    return withParams(Base + QStringLiteral("/margin-risk"),
                      {{QStringLiteral("entity"), entity},
                       {QStringLiteral("manager"), manager},
                       {QStringLiteral("all"), all ? QStringLiteral("true") : QString()}});
}

QString InsightsApi::invoiceAnomaliesPath(const QString &entity, const QString &invoice, bool all)
{
    return withParams(Base + QStringLiteral("/invoice-anomalies"),
                      {{QStringLiteral("entity"), entity},
                       {QStringLiteral("invoice"), invoice},
                       {QStringLiteral("all"), all ? QStringLiteral("true") : QString()}});
}

QString InsightsApi::collectionsPath(const QString &entity, const QString &week, int limit,
                                     const QString &after)
{
    return withParams(Base + QStringLiteral("/collections"),
                      {{QStringLiteral("entity"), entity},
                       {QStringLiteral("week"), week},
                       {QStringLiteral("limit"), count(limit)},
                       {QStringLiteral("after"), after}});
}

QString InsightsApi::cashInPath(const QString &entity)
{
    return withParams(Base + QStringLiteral("/cash-in"), {{QStringLiteral("entity"), entity}});
}

QString InsightsApi::forecastPath(const QString &entity)
{
    return withParams(Base + QStringLiteral("/forecast"), {{QStringLiteral("entity"), entity}});
}

QString InsightsApi::forecastRecordsPath(const QString &month, const QString &part,
                                         const QString &entity)
{
    return withParams(Base + QStringLiteral("/forecast/") + encoded(month) +
                          QStringLiteral("/records"),
                      {{QStringLiteral("entity"), entity}, {QStringLiteral("part"), part}});
}

ApiReply *InsightsApi::models() const
{
    return m_api->get(modelsPath());
}

ApiReply *InsightsApi::startTraining(const QStringList &models) const
{
    QJsonObject body;
    if (!models.isEmpty())
        body.insert(QStringLiteral("models"), QJsonArray::fromStringList(models));
    return m_api->post(trainingRunsPath(), body);
}

ApiReply *InsightsApi::trainingRun(const QString &id) const
{
    return m_api->get(trainingRunPath(id));
}

ApiReply *InsightsApi::get(const QString &path) const
{
    return m_api->get(path);
}

} // namespace keel::insights
