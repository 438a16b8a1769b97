#include "insights_scope.h"

#include "db/database.h"
#include "http/http_types.h"
#include "permissions.h"

#include <QSqlQuery>

namespace keel {

InsightsScope insightsScope(QSqlDatabase db, const Request &request)
{
    qint64 asked = 0;
    const QString entity = request.query.queryItemValue(QStringLiteral("entity"));
    if (!entity.isEmpty()) {
        bool ok = false;
        asked = entity.toLongLong(&ok);
        if (!ok || asked <= 0)
            throw ApiError::invalidField(QStringLiteral("entity"), QStringLiteral("invalid"),
                                         QStringLiteral("entity must be a legal entity id."));
    }
    const QStringList granted =
        request.caller().entitiesFor(QString::fromLatin1(Permission::InsightsUse));
    const bool all = granted.contains(QStringLiteral("*"));

    InsightsScope scope;
    QSqlQuery q = db::exec(
        db, QStringLiteral("SELECT e.id, e.code, e.functional_currency, g.group_currency "
                           "FROM legal_entities e CROSS JOIN group_settings g ORDER BY e.id"));
    bool exists = false;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        scope.groupCurrency = q.value(3).toString();
        exists = exists || id == asked;
        if ((asked != 0 && id != asked) || !(all || granted.contains(q.value(1).toString())))
            continue;
        scope.entityIds.append(id);
        scope.functionalCurrency.insert(id, q.value(2).toString());
    }
    if (asked != 0 && !exists)
        throw ApiError::invalidField(QStringLiteral("entity"), QStringLiteral("unknown"),
                                     QStringLiteral("No legal entity %1.").arg(asked));
    if (scope.entityIds.isEmpty())
        throw ApiError::forbidden(QStringLiteral("Your insights grants do not cover this entity."));
    scope.currency = scope.oneEntity() ? scope.functionalCurrency.value(scope.entityIds.first())
                                       : scope.groupCurrency;
    return scope;
}

} // namespace keel
