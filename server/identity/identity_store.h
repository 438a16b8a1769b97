#pragma once

#include "db/database.h"
#include "http/http_types.h"

#include <QDateTime>
#include <QJsonArray>

#include <optional>

namespace keel {

struct LoginCandidate
{
    qint64 id = 0;
    QString passwordHash;
};

struct NewSession
{
    qint64 id = 0;
    qint64 userId = 0;
    QDateTime accessExpiresAt;
};

struct FailureWindow
{
    int count = 0;
    QDateTime oldest;
};

struct NewUser
{
    QString username;
    QString displayName;
    QString email;
    QString passwordHash;
    qint64 legalEntityId = 0;
    qint64 practiceId = 0;
};

// SQL for identity: users, grants, sessions, login failures. Decides nothing.
class IdentityStore
{
public:
    explicit IdentityStore(DbConfig config) : m_config(std::move(config)) {}

    QSqlDatabase db() const { return db::connection(m_config); }

    std::optional<Principal> principalByAccessHash(const QByteArray &hash) const;
    std::optional<UserInfo> userById(qint64 id) const;
    std::optional<LoginCandidate> loginCandidate(const QString &username) const;

    FailureWindow failuresForUser(const QString &usernameNorm, int windowSeconds) const;
    FailureWindow failuresForAddress(const QString &address, int windowSeconds) const;
    void recordFailure(const QString &usernameNorm, const QString &address) const;
    void clearFailures(const QString &usernameNorm) const;

    NewSession createSession(qint64 userId, const QByteArray &accessHash, int accessSeconds,
                             const QByteArray &refreshHash, int refreshSeconds,
                             const QString &address) const;
    std::optional<NewSession> rotateSession(const QByteArray &oldRefreshHash,
                                            const QByteArray &accessHash, int accessSeconds,
                                            const QByteArray &refreshHash,
                                            int refreshSeconds) const;
    void revokeSession(qint64 sessionId) const;

    std::optional<qint64> legalEntityIdByCode(const QString &code) const;
    std::optional<qint64> practiceIdByCode(const QString &code) const;
    bool usernameTaken(const QString &username) const;
    qint64 insertUser(const NewUser &user) const;
    // Returns the grant id, or nullopt when the same grant already exists.
    std::optional<qint64> insertGrant(qint64 userId, const QString &role,
                                      std::optional<qint64> legalEntityId, qint64 grantedBy) const;
    std::optional<RoleGrant> deleteGrant(qint64 userId, qint64 grantId) const;
    QJsonArray listUsers(qint64 after, int limit, const QString &search) const;
    QJsonArray listLegalEntities() const;
    QJsonArray listPractices() const;

private:
    FailureWindow failuresWhere(const QString &column, const QString &value,
                                int windowSeconds) const;

    DbConfig m_config;
};

} // namespace keel
