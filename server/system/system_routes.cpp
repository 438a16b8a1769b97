#include "system_routes.h"

#include "db/migrator.h"
#include "http/router.h"
#include "openapi.h"
#include "permissions.h"

#include <QJsonDocument>

#include <QFile>
#include <QSqlQuery>

namespace keel {

void registerSystemRoutes(Router &router, const DbConfig &database)
{
    router.add({"GET", "/api/v1/health", Permission::Public, Scope::None,
                "Liveness and schema version", [database](Request &) {
                    int version = 0;
                    try {
                        QSqlQuery &q = db::cached(
                            database, QStringLiteral("SELECT coalesce(max(version), 0) FROM "
                                                     "schema_migrations"));
                        db::exec(q);
                        q.next();
                        version = q.value(0).toInt();
                        q.finish();
                    } catch (const DbError &e) {
                        if (e.isConnectionLoss())
                            throw;
                        throw ApiError::unavailable(
                            QStringLiteral("The database is not migrated: %1").arg(e.message()));
                    }
                    return Reply::json(QJsonObject{
                        {"status", "ok"}, {"schema_version", version}, {"version", KEEL_VERSION}});
                }});
    router.add({"GET", "/api/v1/openapi.json", Permission::Public, Scope::None,
                "This API described in OpenAPI 3", [](Request &) {
                    static const QByteArray document =
                        QJsonDocument(openApiDocument()).toJson(QJsonDocument::Compact);
                    return Reply{200, "application/json", document, {}};
                }});
}

} // namespace keel
