#include "identity_routes.h"

#include "http/paging.h"
#include "http/router.h"
#include "identity_service.h"
#include "json_codec.h"
#include "permissions.h"

namespace keel {

namespace {
void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.errors().isEmpty())
        throw ApiError::invalid(reader.errors());
}
} // namespace

void registerIdentityRoutes(Router &router, const IdentityService &service)
{
    using namespace Permission;
    const auto *s = &service;

    router.add({"POST", "/api/v1/auth/login", Public, Scope::None, "Sign in", [s](Request &r) {
                    JsonReader reader(r.jsonObject());
                    const QString username = reader.requiredString(QStringLiteral("username"));
                    const QString password = reader.requiredString(QStringLiteral("password"));
                    throwIfInvalid(reader);
                    return Reply::json(s->login(r, username, password.toUtf8()).toJson());
                }});
    router.add({"POST", "/api/v1/auth/refresh", Public, Scope::None,
                "Exchange a refresh token for new tokens", [s](Request &r) {
                    JsonReader reader(r.jsonObject());
                    const QString token = reader.requiredString(QStringLiteral("refresh_token"));
                    throwIfInvalid(reader);
                    return Reply::json(s->refresh(r, token.toLatin1()).toJson());
                }});
    router.add({"POST", "/api/v1/auth/logout", Authenticated, Scope::Own, "End this session",
                [s](Request &r) {
                    s->logout(r);
                    return Reply::noContent();
                }});
    router.add(
        {"GET", "/api/v1/me", Authenticated, Scope::Own, "The signed-in user", [](Request &r) {
             return Reply::json(
                 QJsonObject{{"user", r.caller().user.toJson()},
                             {"permissions", QJsonArray::fromStringList(r.caller().permissions)}});
         }});
    router.add({"GET", "/api/v1/legal-entities", Authenticated, Scope::All, "Legal entities",
                [s](Request &) {
                    return Reply::json(QJsonObject{{"items", s->store().listLegalEntities()}});
                }});
    router.add({"GET", "/api/v1/practices", Authenticated, Scope::All, "Practices", [s](Request &) {
                    return Reply::json(QJsonObject{{"items", s->store().listPractices()}});
                }});

    router.add(
        {"GET", "/api/v1/admin/users", UsersManage, Scope::All, "List users", [s](Request &r) {
             const PageRequest p = PageRequest::from(r);
             return Reply::json(p.page(s->store().listUsers(
                 p.after, p.limit,
                 r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded))));
         }});
    router.add(
        {"POST", "/api/v1/admin/users", UsersManage, Scope::All, "Create a user", [s](Request &r) {
             JsonReader reader(r.jsonObject());
             CreateUserCommand c;
             c.username = reader.requiredString(QStringLiteral("username"));
             c.displayName = reader.requiredString(QStringLiteral("display_name"));
             c.password = reader.requiredString(QStringLiteral("password"));
             c.legalEntity = reader.requiredString(QStringLiteral("legal_entity"));
             c.email = reader.optionalString(QStringLiteral("email")).value_or(QString());
             c.practice = reader.optionalString(QStringLiteral("practice")).value_or(QString());
             throwIfInvalid(reader);
             return Reply::json(s->createUser(r, c).toJson(), 201);
         }});
    router.add({"POST", "/api/v1/admin/users/{id}/roles", UsersManage, Scope::All, "Grant a role",
                [s](Request &r) {
                    const qint64 userId = r.idParam(QStringLiteral("id"));
                    JsonReader reader(r.jsonObject());
                    const QString role = reader.requiredString(QStringLiteral("role"));
                    const QString entity =
                        reader.optionalString(QStringLiteral("legal_entity")).value_or(QString());
                    throwIfInvalid(reader);
                    return Reply::json(s->grantRole(r, userId, role, entity).toJson(), 201);
                }});
    router.add({"DELETE", "/api/v1/admin/users/{id}/roles/{grant}", UsersManage, Scope::All,
                "Revoke a role grant", [s](Request &r) {
                    s->revokeGrant(r, r.idParam(QStringLiteral("id")),
                                   r.idParam(QStringLiteral("grant")));
                    return Reply::noContent();
                }});
}

} // namespace keel
