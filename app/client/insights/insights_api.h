#pragma once

#include <QString>
#include <QStringList>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::insights {

// The insights routes (server/insights/README.md): the one place that knows their paths.
// `entity` empty = every entity the user's grants cover; `after` continues a keyset page.
class InsightsApi
{
public:
    explicit InsightsApi(ApiClient *api) : m_api(api) {}
    ApiClient *client() const { return m_api; }

    static QString modelsPath();
    static QString trainingRunsPath();
    static QString trainingRunPath(const QString &id);
    static QString opportunitiesPath(const QString &entity, const QString &owner,
                                     const QString &sort, int limit, const QString &after);
    static QString opportunityPath(const QString &id);
    static QString marginRiskPath(const QString &entity, const QString &manager, bool all);
    static QString invoiceAnomaliesPath(const QString &entity, const QString &invoice, bool all);
    static QString collectionsPath(const QString &entity, const QString &week, int limit,
                                   const QString &after);
    static QString cashInPath(const QString &entity);
    static QString forecastPath(const QString &entity);
    static QString forecastRecordsPath(const QString &month, const QString &part,
                                       const QString &entity);

    ApiReply *models() const;
    ApiReply *startTraining(const QStringList &models = {}) const;
    ApiReply *trainingRun(const QString &id) const;
    ApiReply *get(const QString &path) const;

private:
    ApiClient *m_api;
};

} // namespace keel::insights
