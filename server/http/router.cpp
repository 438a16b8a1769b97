#include "router.h"

namespace keel {

namespace {
bool isParameter(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

bool matches(const QStringList &pattern, const QList<QStringView> &path,
             QHash<QString, QString> *params)
{
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (isParameter(pattern[i])) {
            if (path[i].isEmpty())
                return false;
            if (params)
                params->insert(pattern[i].mid(1, pattern[i].size() - 2), path[i].toString());
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    return true;
}
} // namespace

void Router::add(Route route)
{
    m_segments.append(route.pattern.split(u'/'));
    m_routes.append(std::move(route));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    QString trimmed = path;
    if (trimmed.size() > 1 && trimmed.endsWith(u'/'))
        trimmed.chop(1);
    const QList<QStringView> parts = QStringView(trimmed).split(u'/');
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const Route &route = m_routes[i];
        if (!matches(m_segments[i], parts, nullptr))
            continue;
        if (route.method == method) {
            result.route = &route;
            matches(m_segments[i], parts, &result.params);
            result.allowedMethods.clear();
            return result;
        }
        const QString m = QString::fromLatin1(route.method);
        if (!result.allowedMethods.contains(m))
            result.allowedMethods.append(m);
    }
    return result;
}

} // namespace keel
