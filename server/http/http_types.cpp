#include "http_types.h"

#include "json_body.h"
#include "permissions.h"

#include <QJsonDocument>

namespace keel {

namespace {
Problem makeProblem(int status, const char *slug, const QString &title, const QString &detail,
                    QList<FieldError> errors = {})
{
    return Problem{status, problemTypeUri(slug), title, detail, std::move(errors)};
}
} // namespace

QStringList Principal::entitiesFor(const QString &permission) const
{
    QStringList entities;
    for (const RoleGrant &g : user.roles) {
        if (!rolesGrant({g.role}, permission))
            continue;
        const QString e = g.legalEntity.isEmpty() ? QStringLiteral("*") : g.legalEntity;
        if (!entities.contains(e))
            entities.append(e);
    }
    return entities;
}

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QJsonObject Request::jsonObject() const
{
    const QByteArray type = header("Content-Type");
    if (!type.isEmpty() && !type.toLower().startsWith("application/json") &&
        !type.toLower().contains("+json"))
        throw ApiError::unsupportedMediaType(
            QStringLiteral("The body must be application/json, not %1.")
                .arg(QString::fromLatin1(type)));
    return parseJsonObject(body);
}

qint64 Request::idParam(const QString &name) const
{
    bool ok = false;
    const qint64 id = params.value(name).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::notFound(
            QStringLiteral("There is no record with id \"%1\".").arg(params.value(name)));
    return id;
}

Reply Reply::json(const QJsonObject &object, int status)
{
    return Reply{
        status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

Reply Reply::json(const QJsonArray &array, int status)
{
    return Reply{
        status, "application/json", QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

Reply Reply::noContent()
{
    return Reply{204, {}, {}, {}};
}

Reply Reply::problem(const Problem &problem, HeaderList headers)
{
    return Reply{problem.status, "application/problem+json",
                 QJsonDocument(problem.toJson()).toJson(QJsonDocument::Compact),
                 std::move(headers)};
}

ApiError::ApiError(Problem problem, HeaderList headers)
    : m_problem(std::move(problem)), m_headers(std::move(headers)),
      m_what(QStringLiteral("%1 %2").arg(m_problem.status).arg(m_problem.detail).toUtf8())
{}

ApiError ApiError::malformed(const QString &detail, QList<FieldError> errors)
{
    return ApiError(makeProblem(400, ErrorType::Malformed, QStringLiteral("Malformed request"),
                                detail, std::move(errors)));
}

ApiError ApiError::unauthenticated(const QString &detail)
{
    return ApiError(
        makeProblem(401, ErrorType::Unauthenticated, QStringLiteral("Not signed in"), detail),
        {{"WWW-Authenticate", "Bearer"}});
}

ApiError ApiError::forbidden(const QString &detail)
{
    return ApiError(makeProblem(403, ErrorType::Forbidden, QStringLiteral("Not allowed"), detail));
}

ApiError ApiError::notFound(const QString &detail)
{
    return ApiError(makeProblem(404, ErrorType::NotFound, QStringLiteral("Not found"), detail));
}

ApiError ApiError::methodNotAllowed(const QStringList &allowed)
{
    return ApiError(
        makeProblem(
            405, ErrorType::MethodNotAllowed, QStringLiteral("Method not allowed"),
            QStringLiteral("This resource accepts %1.").arg(allowed.join(QStringLiteral(", ")))),
        {{"Allow", allowed.join(QStringLiteral(", ")).toLatin1()}});
}

ApiError ApiError::conflict(const QString &detail)
{
    return ApiError(makeProblem(409, ErrorType::Conflict, QStringLiteral("Conflict"), detail));
}

ApiError ApiError::tooLarge(qint64 limit)
{
    return ApiError(
        makeProblem(413, ErrorType::TooLarge, QStringLiteral("Request body too large"),
                    QStringLiteral("The request body may be at most %1 bytes.").arg(limit)));
}

ApiError ApiError::unsupportedMediaType(const QString &detail)
{
    return ApiError(makeProblem(415, ErrorType::UnsupportedMedia,
                                QStringLiteral("Unsupported media type"), detail));
}

ApiError ApiError::invalid(QList<FieldError> errors, const QString &detail)
{
    QString text = detail;
    if (text.isEmpty()) {
        QStringList parts;
        for (const FieldError &e : errors)
            parts.append(e.field + QStringLiteral(": ") + e.message);
        text = parts.join(QStringLiteral("; "));
    }
    return ApiError(makeProblem(422, ErrorType::Invalid, QStringLiteral("Invalid content"), text,
                                std::move(errors)));
}

ApiError ApiError::invalidField(const QString &field, const QString &code, const QString &message)
{
    return invalid({FieldError{field, code, message}});
}

ApiError ApiError::tooManyRequests(int retryAfterSeconds, const QString &detail)
{
    return ApiError(
        makeProblem(429, ErrorType::TooManyRequests, QStringLiteral("Too many requests"), detail),
        {{"Retry-After", QByteArray::number(retryAfterSeconds)}});
}

ApiError ApiError::unavailable(const QString &detail)
{
    return ApiError(
        makeProblem(503, ErrorType::Unavailable, QStringLiteral("Service unavailable"), detail),
        {{"Retry-After", "5"}});
}

ApiError ApiError::internal(const QString &requestId)
{
    return ApiError(makeProblem(500, ErrorType::Internal, QStringLiteral("Internal error"),
                                QStringLiteral("The server failed on request %1; it has been "
                                               "logged.")
                                    .arg(requestId)));
}

} // namespace keel
