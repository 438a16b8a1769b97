#pragma once

#include "ledger_store.h"

#include <QDate>

#include <optional>

namespace keel {

struct Request;

// Who may see which entity's books, and the date filters of the ledger's reads.
namespace ledger_access {

bool covers(const QStringList &entities, const QString &code);

// The entity when the caller holds `permission` for it; 404 otherwise (another entity's books
// do not exist for them).
LedgerEntity visibleEntity(const LedgerStore &store, const Request &request, qint64 entityId,
                           const char *permission);

// ?name=YYYY-MM-DD; std::nullopt when absent, 400 when not a date.
std::optional<QDate> queryDate(const Request &request, const QString &name);

} // namespace ledger_access

} // namespace keel
