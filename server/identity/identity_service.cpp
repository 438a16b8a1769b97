#include "identity_service.h"

#include "audit/audit_log.h"
#include "config/server_config.h"
#include "password_hasher.h"
#include "permissions.h"
#include "roles.h"
#include "tokens.h"

#include <QRegularExpression>

namespace keel {

namespace {
int secondsUntilWindowEnds(const FailureWindow &w, int windowSeconds)
{
    const qint64 left = windowSeconds - w.oldest.secsTo(QDateTime::currentDateTimeUtc());
    return int(qBound<qint64>(1, left, qint64(windowSeconds)));
}
} // namespace

IdentityService::IdentityService(const ServerConfig &config)
    : m_store(config.database), m_accessSeconds(config.accessTokenSeconds),
      m_refreshSeconds(config.refreshTokenSeconds)
{}

std::optional<Principal> IdentityService::authenticate(const QByteArray &accessToken) const
{
    if (accessToken.size() > 128)
        return std::nullopt;
    return m_store.principalByAccessHash(tokenHash(accessToken));
}

void IdentityService::throttle(const QString &usernameNorm, const QString &address) const
{
    const FailureWindow user = m_store.failuresForUser(usernameNorm, kFailureWindowSeconds);
    if (user.count >= kMaxFailuresPerUser)
        throw ApiError::tooManyRequests(
            secondsUntilWindowEnds(user, kFailureWindowSeconds),
            QStringLiteral("Too many failed sign-ins for this user; wait before trying again."));
    const FailureWindow addr = m_store.failuresForAddress(address, kFailureWindowSeconds);
    if (addr.count >= kMaxFailuresPerAddress)
        throw ApiError::tooManyRequests(
            secondsUntilWindowEnds(addr, kFailureWindowSeconds),
            QStringLiteral("Too many failed sign-ins from this address; wait before trying "
                           "again."));
}

SessionTokens IdentityService::tokensFor(const NewSession &session, const QByteArray &access,
                                         const QByteArray &refresh) const
{
    SessionTokens t;
    t.accessToken = QString::fromLatin1(access);
    t.refreshToken = QString::fromLatin1(refresh);
    t.accessExpiresAt = session.accessExpiresAt;
    t.user = *m_store.userById(session.userId);
    t.permissions = permissionsOfRoles(t.user.roleNames());
    return t;
}

SessionTokens IdentityService::login(const Request &request, const QString &username,
                                     const QByteArray &password) const
{
    const QString norm = username.trimmed().toLower();
    throttle(norm, request.remoteAddress);
    const auto candidate = m_store.loginCandidate(norm);
    const bool ok = candidate ? verifyPassword(candidate->passwordHash, password)
                              : (burnPasswordVerification(password), false);
    if (!ok) {
        m_store.recordFailure(norm, request.remoteAddress);
        throw ApiError::unauthenticated(QStringLiteral("Wrong user name or password."));
    }
    const QByteArray access = newToken(), refresh = newToken();
    db::Transaction tx(m_store.db());
    m_store.clearFailures(norm);
    const NewSession session =
        m_store.createSession(candidate->id, tokenHash(access), m_accessSeconds, tokenHash(refresh),
                              m_refreshSeconds, request.remoteAddress);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("session.login"),
                                        QStringLiteral("session"), QString::number(session.id));
    audit.actorId = candidate->id;
    audit.actorName = norm;
    audit.after = {{"user_id", QString::number(candidate->id)},
                   {"remote_addr", request.remoteAddress}};
    appendAudit(m_store.db(), audit);
    tx.commit();
    return tokensFor(session, access, refresh);
}

SessionTokens IdentityService::refresh(const Request &, const QByteArray &refreshToken) const
{
    const QByteArray access = newToken(), refresh = newToken();
    const auto session =
        m_store.rotateSession(tokenHash(refreshToken), tokenHash(access), m_accessSeconds,
                              tokenHash(refresh), m_refreshSeconds);
    if (!session)
        throw ApiError::unauthenticated(
            QStringLiteral("The refresh token is unknown, expired or was already used; sign in "
                           "again."));
    return tokensFor(*session, access, refresh);
}

void IdentityService::logout(const Request &request) const
{
    db::Transaction tx(m_store.db());
    m_store.revokeSession(request.caller().sessionId);
    appendAudit(m_store.db(), AuditEntry::from(request, QStringLiteral("session.logout"),
                                               QStringLiteral("session"),
                                               QString::number(request.caller().sessionId)));
    tx.commit();
}

UserInfo IdentityService::createUser(const Request &request, const CreateUserCommand &c) const
{
    static const QRegularExpression usernamePattern(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    QList<FieldError> errors;
    if (!usernamePattern.match(c.username).hasMatch())
        errors.append(
            {"username", "invalid_value", "2 to 64 letters, digits, dots, dashes or underscores"});
    else if (m_store.usernameTaken(c.username))
        errors.append({"username", "taken", "this user name is already in use"});
    if (c.displayName.trimmed().isEmpty() || c.displayName.size() > 200)
        errors.append({"display_name", "required", "a name of 1 to 200 characters is needed"});
    if (!c.email.isEmpty() && !emailPattern.match(c.email).hasMatch())
        errors.append({"email", "invalid_value", "not an e-mail address"});
    if (c.password.size() < kMinPasswordLength)
        errors.append({"password", "too_short",
                       QStringLiteral("at least %1 characters").arg(kMinPasswordLength)});
    const auto entityId = m_store.legalEntityIdByCode(c.legalEntity);
    if (!entityId)
        errors.append({"legal_entity", "unknown", "no legal entity has this code"});
    std::optional<qint64> practiceId;
    if (!c.practice.isEmpty()) {
        practiceId = m_store.practiceIdByCode(c.practice);
        if (!practiceId)
            errors.append({"practice", "unknown", "no practice has this code"});
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);

    const QString hash = hashPassword(c.password.toUtf8());
    db::Transaction tx(m_store.db());
    const qint64 id = m_store.insertUser(
        {c.username, c.displayName.trimmed(), c.email, hash, *entityId, practiceId.value_or(0)});
    UserInfo user = *m_store.userById(id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("user.create"),
                                        QStringLiteral("user"), QString::number(id));
    audit.after = user.toJson();
    appendAudit(m_store.db(), audit);
    tx.commit();
    return user;
}

RoleGrant IdentityService::grantRole(const Request &request, qint64 userId, const QString &role,
                                     const QString &legalEntity) const
{
    QList<FieldError> errors;
    if (!isKnownRole(role))
        errors.append({"role", "unknown",
                       QStringLiteral("one of: %1").arg(allRoles().join(QStringLiteral(", ")))});
    std::optional<qint64> entityId;
    if (!legalEntity.isEmpty()) {
        entityId = m_store.legalEntityIdByCode(legalEntity);
        if (!entityId)
            errors.append({"legal_entity", "unknown", "no legal entity has this code"});
    }
    if (!m_store.userById(userId))
        throw ApiError::notFound(QStringLiteral("There is no user %1.").arg(userId));
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);

    db::Transaction tx(m_store.db());
    const auto grantId = m_store.insertGrant(userId, role, entityId,
                                             request.principal ? request.principal->user.id : 0);
    if (!grantId)
        throw ApiError::conflict(QStringLiteral("The user already holds this role for this "
                                                "scope."));
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("user_role.grant"),
                                        QStringLiteral("user_role"), QString::number(*grantId));
    audit.after = {{"user_id", QString::number(userId)},
                   {"role", role},
                   {"legal_entity", legalEntity.isEmpty() ? QJsonValue() : legalEntity}};
    appendAudit(m_store.db(), audit);
    tx.commit();
    return {role, legalEntity};
}

void IdentityService::revokeGrant(const Request &request, qint64 userId, qint64 grantId) const
{
    db::Transaction tx(m_store.db());
    const auto removed = m_store.deleteGrant(userId, grantId);
    if (!removed)
        throw ApiError::notFound(
            QStringLiteral("User %1 has no grant %2.").arg(userId).arg(grantId));
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("user_role.revoke"),
                                        QStringLiteral("user_role"), QString::number(grantId));
    audit.before = {
        {"user_id", QString::number(userId)},
        {"role", removed->role},
        {"legal_entity", removed->legalEntity.isEmpty() ? QJsonValue() : removed->legalEntity}};
    appendAudit(m_store.db(), audit);
    tx.commit();
}

} // namespace keel
