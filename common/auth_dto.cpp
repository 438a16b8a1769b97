#include "auth_dto.h"

#include <QJsonArray>

namespace keel {

QJsonObject RoleGrant::toJson() const
{
    return {{"role", role},
            {"legal_entity", legalEntity.isEmpty() ? QJsonValue() : QJsonValue(legalEntity)}};
}

RoleGrant RoleGrant::fromJson(const QJsonObject &json)
{
    return {json.value("role").toString(), json.value("legal_entity").toString()};
}

QStringList UserInfo::roleNames() const
{
    QStringList names;
    for (const RoleGrant &g : roles)
        if (!names.contains(g.role))
            names.append(g.role);
    return names;
}

QJsonObject UserInfo::toJson() const
{
    QJsonArray grants;
    for (const RoleGrant &g : roles)
        grants.append(g.toJson());
    return {{"id", QString::number(id)},   {"username", username},
            {"display_name", displayName}, {"email", email},
            {"legal_entity", legalEntity}, {"roles", grants}};
}

UserInfo UserInfo::fromJson(const QJsonObject &json)
{
    UserInfo u;
    u.id = json.value("id").toString().toLongLong();
    u.username = json.value("username").toString();
    u.displayName = json.value("display_name").toString();
    u.email = json.value("email").toString();
    u.legalEntity = json.value("legal_entity").toString();
    for (const QJsonValue &v : json.value("roles").toArray())
        u.roles.append(RoleGrant::fromJson(v.toObject()));
    return u;
}

QJsonObject LoginRequest::toJson() const
{
    return {{"username", username}, {"password", password}};
}

QJsonObject SessionTokens::toJson() const
{
    return {{"access_token", accessToken},
            {"refresh_token", refreshToken},
            {"token_type", "Bearer"},
            {"expires_at", accessExpiresAt.toUTC().toString(Qt::ISODate)},
            {"user", user.toJson()},
            {"permissions", QJsonArray::fromStringList(permissions)}};
}

SessionTokens SessionTokens::fromJson(const QJsonObject &json)
{
    SessionTokens t;
    t.accessToken = json.value("access_token").toString();
    t.refreshToken = json.value("refresh_token").toString();
    t.accessExpiresAt = QDateTime::fromString(json.value("expires_at").toString(), Qt::ISODate);
    t.user = UserInfo::fromJson(json.value("user").toObject());
    for (const QJsonValue &v : json.value("permissions").toArray())
        t.permissions.append(v.toString());
    return t;
}

} // namespace keel
