#include "dispatcher.h"

#include "db/database.h"
#include "permissions.h"
#include "request_log.h"
#include "server_context.h"

namespace keel {

namespace {
QByteArray bearerToken(const Request &request)
{
    const QByteArray auth = request.header("Authorization");
    if (auth.size() > 7 && auth.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return auth.mid(7).trimmed();
    return {};
}

void authorize(const ServerContext &context, Request &request)
{
    const Route &route = *request.route;
    if (route.permission == QLatin1String(Permission::Public))
        return;
    const QByteArray token = bearerToken(request);
    if (token.isEmpty())
        throw ApiError::unauthenticated(QStringLiteral("Sign in first: this request needs a "
                                                       "bearer token."));
    request.principal = context.authenticate(token);
    if (!request.principal)
        throw ApiError::unauthenticated(QStringLiteral("The session has expired or was ended; "
                                                       "sign in again."));
    if (!rolesGrant(request.principal->roles(), route.permission))
        throw ApiError::forbidden(
            QStringLiteral("Your roles do not allow this (%1 needed).").arg(route.permission));
}

Reply run(const ServerContext &context, Request &request)
{
    if (request.body.size() > context.config.bodyLimit)
        throw ApiError::tooLarge(context.config.bodyLimit);
    const Router::Match match = context.router.match(request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty())
            throw ApiError::methodNotAllowed(match.allowedMethods);
        throw ApiError::notFound(QStringLiteral("There is no resource at %1.").arg(request.path));
    }
    request.route = match.route;
    request.params = match.params;
    authorize(context, request);
    return match.route->handler(request);
}
} // namespace

Reply dispatch(const ServerContext &context, Request &request)
{
    try {
        return run(context, request);
    } catch (const ApiError &e) {
        return Reply::problem(e.problem(), e.headers());
    } catch (const DbError &e) {
        if (e.isConnectionLoss()) {
            db::forget(context.config.database);
            logError(request.requestId,
                     QStringLiteral("database unavailable: %1").arg(e.message()));
            const ApiError error = ApiError::unavailable(
                QStringLiteral("The database cannot be reached; try again shortly."));
            return Reply::problem(error.problem(), error.headers());
        }
        logError(request.requestId,
                 QStringLiteral("database error %1: %2").arg(e.sqlState(), e.message()));
    } catch (const std::exception &e) {
        logError(request.requestId, QString::fromUtf8(e.what()));
    }
    return Reply::problem(ApiError::internal(request.requestId).problem());
}

} // namespace keel
