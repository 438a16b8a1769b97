#include "identity_store.h"

#include "db/pg_prepared.h"
#include "permissions.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace keel {

namespace {
// Grants flattened as "role:ENTITY,role:" so one row carries the whole caller.
const QString kUserColumns =
    QStringLiteral("u.id, u.username, u.display_name, coalesce(u.email, ''), le.code, "
                   "coalesce((SELECT string_agg(r.role || ':' || coalesce(e.code, ''), ',' "
                   "ORDER BY r.role, e.code) FROM user_roles r LEFT JOIN legal_entities e "
                   "ON e.id = r.legal_entity_id WHERE r.user_id = u.id), '')");

QList<RoleGrant> grantsFrom(const QString &flattened)
{
    QList<RoleGrant> grants;
    for (const QString &g : flattened.split(u',', Qt::SkipEmptyParts)) {
        const int colon = g.indexOf(u':');
        grants.append({g.left(colon), g.mid(colon + 1)});
    }
    return grants;
}

UserInfo userFrom(const QSqlQuery &q, int first)
{
    UserInfo u;
    u.id = q.value(first).toLongLong();
    u.username = q.value(first + 1).toString();
    u.displayName = q.value(first + 2).toString();
    u.email = q.value(first + 3).toString();
    u.legalEntity = q.value(first + 4).toString();
    u.roles = grantsFrom(q.value(first + 5).toString());
    return u;
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}
} // namespace

std::optional<Principal> IdentityStore::principalByAccessHash(const QByteArray &hash) const
{
    // Every authenticated request runs this: one round trip, prepared once per connection.
    static const QByteArray sql =
        (QStringLiteral("SELECT s.id, ") + kUserColumns +
         QStringLiteral(" FROM sessions s JOIN users u ON u.id = s.user_id "
                        "JOIN legal_entities le ON le.id = u.legal_entity_id "
                        "WHERE s.access_hash = $1 AND s.revoked_at IS NULL "
                        "AND s.access_expires_at > now() AND u.active"))
            .toUtf8();
    const db::PgRows rows =
        db::execPrepared(db(), "keel_principal_by_access_hash", sql.constData(), {{hash}});
    if (rows.isEmpty())
        return std::nullopt;
    const QList<QByteArray> &row = rows.first();
    Principal p;
    p.sessionId = row[0].toLongLong();
    p.user.id = row[1].toLongLong();
    p.user.username = QString::fromUtf8(row[2]);
    p.user.displayName = QString::fromUtf8(row[3]);
    p.user.email = QString::fromUtf8(row[4]);
    p.user.legalEntity = QString::fromUtf8(row[5]);
    p.user.roles = grantsFrom(QString::fromUtf8(row[6]));
    p.permissions = permissionsOfRoles(p.user.roleNames());
    return p;
}

std::optional<UserInfo> IdentityStore::userById(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + kUserColumns +
                                QStringLiteral(" FROM users u JOIN legal_entities le "
                                               "ON le.id = u.legal_entity_id WHERE u.id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return userFrom(q, 0);
}

std::optional<LoginCandidate> IdentityStore::loginCandidate(const QString &username) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, password_hash FROM users WHERE "
                                           "lower(username) = lower(?) AND active "
                                           "AND password_hash IS NOT NULL"),
                            {username});
    if (!q.next())
        return std::nullopt;
    return LoginCandidate{q.value(0).toLongLong(), q.value(1).toString()};
}

FailureWindow IdentityStore::failuresForUser(const QString &usernameNorm, int windowSeconds) const
{
    return failuresWhere(QStringLiteral("username_norm"), usernameNorm, windowSeconds);
}

FailureWindow IdentityStore::failuresForAddress(const QString &address, int windowSeconds) const
{
    return failuresWhere(QStringLiteral("remote_addr"), address, windowSeconds);
}

FailureWindow IdentityStore::failuresWhere(const QString &column, const QString &value,
                                           int windowSeconds) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT count(*), min(failed_at) FROM login_failures "
                                           "WHERE %1 = ? AND failed_at > now() - "
                                           "make_interval(secs => ?)")
                                .arg(column),
                            {value, windowSeconds});
    q.next();
    return {q.value(0).toInt(), q.value(1).toDateTime()};
}

void IdentityStore::recordFailure(const QString &usernameNorm, const QString &address) const
{
    db::query(
        db(),
        QStringLiteral("INSERT INTO login_failures (username_norm, remote_addr) VALUES (?, ?)"),
        {usernameNorm, address});
}

void IdentityStore::clearFailures(const QString &usernameNorm) const
{
    db::query(db(), QStringLiteral("DELETE FROM login_failures WHERE username_norm = ?"),
              {usernameNorm});
}

NewSession IdentityStore::createSession(qint64 userId, const QByteArray &accessHash,
                                        int accessSeconds, const QByteArray &refreshHash,
                                        int refreshSeconds, const QString &address) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO sessions (user_id, access_hash, access_expires_at, "
                       "refresh_hash, refresh_expires_at, remote_addr) VALUES (?, ?, now() + "
                       "make_interval(secs => ?), ?, now() + make_interval(secs => ?), ?) "
                       "RETURNING id, access_expires_at"),
        {userId, accessHash, accessSeconds, refreshHash, refreshSeconds, address});
    q.next();
    return {q.value(0).toLongLong(), userId, q.value(1).toDateTime().toUTC()};
}

std::optional<NewSession> IdentityStore::rotateSession(const QByteArray &oldRefreshHash,
                                                       const QByteArray &accessHash,
                                                       int accessSeconds,
                                                       const QByteArray &refreshHash,
                                                       int refreshSeconds) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("UPDATE sessions s SET access_hash = ?, access_expires_at = now() + "
                       "make_interval(secs => ?), refresh_hash = ?, refresh_expires_at = now() + "
                       "make_interval(secs => ?), refreshed_at = now() "
                       "WHERE s.refresh_hash = ? AND s.revoked_at IS NULL "
                       "AND s.refresh_expires_at > now() "
                       "AND EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id AND u.active) "
                       "RETURNING s.id, s.user_id, s.access_expires_at"),
        {accessHash, accessSeconds, refreshHash, refreshSeconds, oldRefreshHash});
    if (!q.next())
        return std::nullopt;
    return NewSession{q.value(0).toLongLong(), q.value(1).toLongLong(),
                      q.value(2).toDateTime().toUTC()};
}

void IdentityStore::revokeSession(qint64 sessionId) const
{
    db::query(db(),
              QStringLiteral("UPDATE sessions SET revoked_at = now() WHERE id = ? "
                             "AND revoked_at IS NULL"),
              {sessionId});
}

std::optional<qint64> IdentityStore::legalEntityIdByCode(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), {code});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<qint64> IdentityStore::practiceIdByCode(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM practices WHERE code = ?"), {code});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

bool IdentityStore::usernameTaken(const QString &username) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT 1 FROM users WHERE lower(username) = lower(?)"), {username});
    return q.next();
}

qint64 IdentityStore::insertUser(const NewUser &u) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO users (username, display_name, email, password_hash, "
                       "legal_entity_id, practice_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {u.username, u.displayName,
         u.email.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(u.email),
         u.passwordHash, u.legalEntityId, u.practiceId > 0 ? QVariant(u.practiceId) : nullInt()});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<qint64> IdentityStore::insertGrant(qint64 userId, const QString &role,
                                                 std::optional<qint64> legalEntityId,
                                                 qint64 grantedBy) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO user_roles (user_id, role, legal_entity_id, granted_by) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"),
        {userId, role, legalEntityId ? QVariant(*legalEntityId) : nullInt(),
         grantedBy > 0 ? QVariant(grantedBy) : nullInt()});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<RoleGrant> IdentityStore::deleteGrant(qint64 userId, qint64 grantId) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral(
                      "DELETE FROM user_roles r WHERE r.id = ? AND r.user_id = ? RETURNING "
                      "r.role, (SELECT code FROM legal_entities e WHERE e.id = r.legal_entity_id)"),
                  {grantId, userId});
    if (!q.next())
        return std::nullopt;
    return RoleGrant{q.value(0).toString(), q.value(1).toString()};
}

QJsonArray IdentityStore::listUsers(qint64 after, int limit, const QString &search) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT ") + kUserColumns +
            QStringLiteral(
                ", u.active, u.version FROM users u JOIN legal_entities le ON le.id = "
                "u.legal_entity_id WHERE u.id > ? AND (coalesce(?, '') = '' OR u.username "
                "ILIKE '%' || ? || '%' OR u.display_name ILIKE '%' || ? || '%') "
                "ORDER BY u.id LIMIT ?"),
        {after, search, search, search, limit});
    QJsonArray items;
    while (q.next()) {
        QJsonObject o = userFrom(q, 0).toJson();
        o.insert("active", q.value(6).toBool());
        o.insert("version", q.value(7).toInt());
        items.append(o);
    }
    return items;
}

QJsonArray IdentityStore::listLegalEntities() const
{
    QSqlQuery q = db::exec(db(), QStringLiteral("SELECT id, code, name, country, "
                                                "functional_currency, version FROM "
                                                "legal_entities ORDER BY code"));
    QJsonArray items;
    while (q.next())
        items.append(QJsonObject{{"id", q.value(0).toString()},
                                 {"code", q.value(1).toString()},
                                 {"name", q.value(2).toString()},
                                 {"country", q.value(3).toString()},
                                 {"functional_currency", q.value(4).toString()},
                                 {"version", q.value(5).toInt()}});
    return items;
}

QJsonArray IdentityStore::listPractices() const
{
    QSqlQuery q = db::exec(db(), QStringLiteral("SELECT id, code, name, version FROM practices "
                                                "ORDER BY code"));
    QJsonArray items;
    while (q.next())
        items.append(QJsonObject{{"id", q.value(0).toString()},
                                 {"code", q.value(1).toString()},
                                 {"name", q.value(2).toString()},
                                 {"version", q.value(3).toInt()}});
    return items;
}

} // namespace keel
