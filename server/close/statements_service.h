#pragma once

#include "statements_query.h"
#include "statements_store.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

struct Request;

// GET /close/statements: the caller needs finance.use for the entity (another entity's is 404)
// or, for the group, for every entity (403 otherwise: a consolidation of part of the group
// would not tie to anything).
QJsonObject financialStatement(QSqlDatabase db, const Request &request);

// One entity's statement in its functional currency (in-process: benches, the demo).
QJsonObject entityFinancialStatement(QSqlDatabase db, const FinancialStatementQuery &query,
                                     const FinancialStatementEntity &entity);

} // namespace keel
