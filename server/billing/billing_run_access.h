#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace keel {

struct Request;

// Who sees which entity's billing runs and exceptions.
namespace billing_run_access {

// The entity codes of a permission grant ("*" = every entity) cover `code`.
bool covers(const QStringList &entities, const QString &code);

// ?legal_entity_id= of a list: 0 when absent, 400 when not an id, 404 when the caller's
// `entities` do not cover it (another entity's records do not exist for them).
qint64 entityFilter(const Request &request, QSqlDatabase db, const QStringList &entities);

} // namespace billing_run_access
} // namespace keel
