#pragma once

#include "identity_store.h"

namespace keel {

struct ServerConfig;

struct CreateUserCommand
{
    QString username;
    QString displayName;
    QString email;
    QString password;
    QString legalEntity; // code
    QString practice;    // code, optional
};

// Sign-in, sessions and user administration: the rules (throttling, token rotation, who may be
// created with what) live here; SQL lives in IdentityStore.
class IdentityService
{
public:
    // After this many failures for one user name (or address) in the window, sign-in answers 429.
    static constexpr int kFailureWindowSeconds = 15 * 60;
    static constexpr int kMaxFailuresPerUser = 5;
    static constexpr int kMaxFailuresPerAddress = 30;
    static constexpr int kMinPasswordLength = 8;

    IdentityService(const ServerConfig &config);

    std::optional<Principal> authenticate(const QByteArray &accessToken) const;
    SessionTokens login(const Request &request, const QString &username,
                        const QByteArray &password) const;
    SessionTokens refresh(const Request &request, const QByteArray &refreshToken) const;
    void logout(const Request &request) const;

    UserInfo createUser(const Request &request, const CreateUserCommand &command) const;
    RoleGrant grantRole(const Request &request, qint64 userId, const QString &role,
                        const QString &legalEntity) const;
    void revokeGrant(const Request &request, qint64 userId, qint64 grantId) const;

    const IdentityStore &store() const { return m_store; }

private:
    void throttle(const QString &usernameNorm, const QString &address) const;
    SessionTokens tokensFor(const NewSession &session, const QByteArray &access,
                            const QByteArray &refresh) const;

    IdentityStore m_store;
    int m_accessSeconds;
    int m_refreshSeconds;
};

} // namespace keel
