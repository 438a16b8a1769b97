#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace keel {

// A role held by a user, limited to one legal entity (by code, e.g. "UK") or to all when
// legalEntity is empty.
struct RoleGrant
{
    QString role;
    QString legalEntity;

    QJsonObject toJson() const;
    static RoleGrant fromJson(const QJsonObject &json);
    bool operator==(const RoleGrant &) const = default;
};

struct UserInfo
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString email;
    QString legalEntity; // home entity code
    QList<RoleGrant> roles;

    QStringList roleNames() const;
    QJsonObject toJson() const;
    static UserInfo fromJson(const QJsonObject &json);
    bool operator==(const UserInfo &) const = default;
};

struct LoginRequest
{
    QString username;
    QString password;

    QJsonObject toJson() const;
};

// Answer of POST /auth/login and /auth/refresh.
struct SessionTokens
{
    QString accessToken;
    QString refreshToken;
    QDateTime accessExpiresAt; // UTC
    UserInfo user;
    QStringList permissions;

    QJsonObject toJson() const;
    static SessionTokens fromJson(const QJsonObject &json);
};

} // namespace keel
