#include "billing_run_access.h"

#include "billing_run_store.h"
#include "http/http_types.h"

namespace keel::billing_run_access {

bool covers(const QStringList &entities, const QString &code)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(code);
}

qint64 entityFilter(const Request &request, QSqlDatabase db, const QStringList &entities)
{
    const QString text = request.query.queryItemValue(QStringLiteral("legal_entity_id"));
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::malformed(QStringLiteral("legal_entity_id is an entity's id."));
    const auto entity = billing_run_store::entity(db, id);
    if (!entity || !covers(entities, entity->code))
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(id));
    return id;
}

} // namespace keel::billing_run_access
