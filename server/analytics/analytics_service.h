#pragma once

#include "db/database.h"
#include "metric_definition.h"

#include <QJsonObject>

namespace keel {

struct Request;

// The generic side of every metric (server/analytics/README.md): who may see which entities,
// the currency, bringing aggregates up to date, and the JSON of answers and drill-downs.
class AnalyticsService
{
public:
    explicit AnalyticsService(DbConfig config) : m_config(std::move(config)) {}

    QJsonObject list() const;
    QJsonObject metric(const Request &request, const QString &name) const;
    QJsonObject records(const Request &request, const QString &name) const;

    // The context a request gets (exposed for benches and tests that call a metric in-process).
    static MetricContext contextFor(QSqlDatabase db, const Request &request,
                                    const MetricDefinition &metric, bool drill);

private:
    DbConfig m_config;
};

} // namespace keel
