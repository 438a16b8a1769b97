#pragma once

#include "http_types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace keel {

using Handler = std::function<Reply(Request &)>;

// One API operation. Access is declared here, next to the registration: the permission a caller
// needs (Permission::Public for the few routes reachable without a session) and the row scope
// the handler applies. The route-table meta-test fails on a route that leaves either empty.
struct Route
{
    QByteArray method;
    QString pattern; // "/api/v1/admin/users/{id}/roles", OpenAPI path syntax
    QString permission;
    QString scope;
    QString summary;
    Handler handler;
};

class Router
{
public:
    void add(Route route);
    const QList<Route> &routes() const { return m_routes; }

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowedMethods; // non-empty when the path exists but not for this method
    };
    Match match(const QByteArray &method, const QString &path) const;

private:
    QList<Route> m_routes;
    QList<QStringList> m_segments; // each pattern split on '/', parallel to m_routes
};

} // namespace keel
