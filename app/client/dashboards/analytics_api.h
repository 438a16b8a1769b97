#pragma once

#include <QString>
#include <QUrlQuery>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::dashboards {

// The analytics routes the dashboards call (server/analytics/README.md): one place that knows
// their paths. Every call answers an ApiReply.
class AnalyticsApi
{
public:
    explicit AnalyticsApi(ApiClient *api) : m_api(api) {}
    ApiClient *client() const { return m_api; }

    static QString metricPath(const QString &metric, const QUrlQuery &query);
    // `query` carries the filters and the point (key, key2, part); limit and after page.
    static QString recordsPath(const QString &metric, const QUrlQuery &query, int limit,
                               const QString &after);

    ApiReply *metric(const QString &metric, const QUrlQuery &query) const;
    ApiReply *records(const QString &metric, const QUrlQuery &query, int limit,
                      const QString &after = {}) const;

private:
    ApiClient *m_api;
};

} // namespace keel::dashboards
