#include "concurrency.h"

#include "db/database.h"

#include <QSqlQuery>

namespace keel {

int expectedVersion(const Request &request, const QJsonObject &body)
{
    QByteArray tag = request.header("If-Match").trimmed();
    if (!tag.isEmpty()) {
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag.startsWith('"') && tag.endsWith('"') && tag.size() >= 2)
            tag = tag.mid(1, tag.size() - 2);
        bool ok = false;
        const int v = tag.toInt(&ok);
        if (ok && v > 0)
            return v;
        throw ApiError::malformed(QStringLiteral("If-Match must carry the record's version."),
                                  {{QStringLiteral("If-Match"), QStringLiteral("invalid_value"),
                                    QStringLiteral("expected a version number")}});
    }
    const QJsonValue v = body.value(QStringLiteral("version"));
    if (v.isDouble() && v.toDouble() == double(v.toInt()) && v.toInt() > 0)
        return v.toInt();
    if (v.isUndefined() || v.isNull())
        throw ApiError::invalidField(QStringLiteral("version"), QStringLiteral("required"),
                                     QStringLiteral("send the version you read (or If-Match)"));
    throw ApiError::invalidField(QStringLiteral("version"), QStringLiteral("invalid_type"),
                                 QStringLiteral("a positive whole number"));
}

void requireVersion(const Request &request, const QJsonObject &body, int currentVersion)
{
    const int expected = expectedVersion(request, body);
    if (expected != currentVersion)
        throw ApiError(Problem{412,
                               problemTypeUri(ErrorType::StaleVersion),
                               QStringLiteral("Stale version"),
                               QStringLiteral("The record changed since you read it (you have "
                                              "version %1, it is now %2); reload and try again.")
                                   .arg(expected)
                                   .arg(currentVersion),
                               {}});
}

Reply idempotent(QSqlDatabase db, const Request &request, const std::function<Reply()> &create)
{
    const QString key = QString::fromUtf8(request.header("Idempotency-Key")).trimmed();
    db::Transaction tx(db);
    if (key.isEmpty() || !request.principal) {
        Reply reply = create();
        tx.commit();
        return reply;
    }
    if (key.size() > 200)
        throw ApiError::malformed(QStringLiteral("Idempotency-Key is longer than 200 characters."));
    const qint64 user = request.principal->user.id;
    // Serialises retries of the same key; the second waits and then finds the stored answer.
    db::query(db,
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))"),
              {QString::number(user), key});
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT route, status, body FROM idempotency_keys "
                                           "WHERE user_id = ? AND key = ?"),
                            {user, key});
    const QString route = QString::fromLatin1(request.method) + u' ' + request.path;
    if (q.next()) {
        if (q.value(0).toString() != route)
            throw ApiError::conflict(QStringLiteral("This Idempotency-Key was used for another "
                                                    "request (%1).")
                                         .arg(q.value(0).toString()));
        Reply reply{q.value(1).toInt(),
                    "application/json",
                    q.value(2).toByteArray(),
                    {{"Idempotent-Replayed", "true"}}};
        return reply;
    }
    Reply reply = create();
    if (reply.status < 300)
        db::query(db,
                  QStringLiteral("INSERT INTO idempotency_keys (user_id, key, route, status, body) "
                                 "VALUES (?, ?, ?, ?, ?)"),
                  {user, key, route, reply.status, reply.body});
    tx.commit();
    return reply;
}

} // namespace keel
