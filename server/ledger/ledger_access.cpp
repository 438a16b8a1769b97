#include "ledger_access.h"

#include "http/http_types.h"
#include "json_codec.h"

namespace keel::ledger_access {

bool covers(const QStringList &entities, const QString &code)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(code);
}

LedgerEntity visibleEntity(const LedgerStore &store, const Request &request, qint64 entityId,
                           const char *permission)
{
    const auto entity = store.entity(entityId);
    if (!entity ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(permission)), entity->code))
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    return *entity;
}

std::optional<QDate> queryDate(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return std::nullopt;
    const auto d = parseDate(text);
    if (!d)
        throw ApiError::malformed(QStringLiteral("%1 is a date YYYY-MM-DD.").arg(name));
    return *d;
}

} // namespace keel::ledger_access
