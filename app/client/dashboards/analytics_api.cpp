#include "analytics_api.h"

#include "api_client.h"

#include <QStringList>
#include <QUrl>

namespace keel::dashboards {

namespace {
// Each name and value percent-encoded by hand: QUrlQuery leaves '+' as it is, which the server
// would read as a space (an aging bucket "90+").
QString withQuery(const QString &path, const QUrlQuery &query)
{
    QStringList parts;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'=' +
                     QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return parts.isEmpty() ? path : path + u'?' + parts.join(u'&');
}
QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}
} // namespace

QString AnalyticsApi::metricPath(const QString &metric, const QUrlQuery &query)
{
    return withQuery(QStringLiteral("/api/v1/analytics/metrics/") + encoded(metric), query);
}

QString AnalyticsApi::recordsPath(const QString &metric, const QUrlQuery &query, int limit,
                                  const QString &after)
{
    QUrlQuery q = query;
    q.removeAllQueryItems(QStringLiteral("limit"));
    q.removeAllQueryItems(QStringLiteral("order"));
    q.removeAllQueryItems(QStringLiteral("after"));
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!after.isEmpty())
        q.addQueryItem(QStringLiteral("after"), after);
    return withQuery(QStringLiteral("/api/v1/analytics/metrics/%1/records").arg(encoded(metric)),
                     q);
}

ApiReply *AnalyticsApi::metric(const QString &metric, const QUrlQuery &query) const
{
    return m_api->get(metricPath(metric, query));
}

ApiReply *AnalyticsApi::records(const QString &metric, const QUrlQuery &query, int limit,
                                const QString &after) const
{
    return m_api->get(recordsPath(metric, query, limit, after));
}

} // namespace keel::dashboards
