#pragma once

#include "auth_dto.h"
#include "problem.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <exception>
#include <optional>

namespace keel {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Who is calling: resolved from the bearer token once per request.
struct Principal
{
    qint64 sessionId = 0;
    UserInfo user;
    QStringList permissions;

    QStringList roles() const { return user.roleNames(); }
    bool can(const QString &permission) const { return permissions.contains(permission); }
    // Entity codes a role is held for; an unscoped grant yields {"*"}.
    QStringList entitiesFor(const QString &permission) const;
};

struct Route;

struct Request
{
    QByteArray method;
    QString path;
    QHash<QString, QString> params; // from {name} segments of the route pattern
    QUrlQuery query;
    QByteArray body;
    HeaderList headers;
    QString remoteAddress;
    QString requestId;
    std::optional<Principal> principal;
    const Route *route = nullptr;

    QByteArray header(const QByteArray &name) const;
    // The body as a JSON object; throws ApiError 400 (malformed JSON / invalid UTF-8, with the
    // byte position) or 415 (not JSON).
    QJsonObject jsonObject() const;
    // The {name} path parameter as a positive id; throws 404 when it is not one.
    qint64 idParam(const QString &name) const;
    const Principal &caller() const { return *principal; }
};

struct Reply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HeaderList headers;

    static Reply json(const QJsonObject &object, int status = 200);
    static Reply json(const QJsonArray &array, int status = 200);
    static Reply noContent();
    static Reply problem(const Problem &problem, HeaderList headers = {});
};

// Thrown by routes and services to answer with a problem document. The dispatcher turns it into
// application/problem+json; anything else escaping a handler is logged and becomes a 500.
class ApiError : public std::exception
{
public:
    ApiError(Problem problem, HeaderList headers = {});
    const char *what() const noexcept override { return m_what.constData(); }
    const Problem &problem() const { return m_problem; }
    const HeaderList &headers() const { return m_headers; }

    static ApiError malformed(const QString &detail, QList<FieldError> errors = {});
    static ApiError unauthenticated(const QString &detail);
    static ApiError forbidden(const QString &detail);
    static ApiError notFound(const QString &detail);
    static ApiError methodNotAllowed(const QStringList &allowed);
    static ApiError conflict(const QString &detail);
    static ApiError tooLarge(qint64 limit);
    static ApiError unsupportedMediaType(const QString &detail);
    static ApiError invalid(QList<FieldError> errors, const QString &detail = {});
    static ApiError invalidField(const QString &field, const QString &code, const QString &message);
    static ApiError tooManyRequests(int retryAfterSeconds, const QString &detail);
    static ApiError unavailable(const QString &detail);
    static ApiError internal(const QString &requestId);

private:
    Problem m_problem;
    HeaderList m_headers;
    QByteArray m_what;
};

} // namespace keel
