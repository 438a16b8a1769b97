#pragma once

#include "http_types.h"

#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace keel {

// Optimistic concurrency: an update names the version it read, in If-Match ("3" or W/"3") or
// as "version" in the JSON body. Missing → 428-style 422 field error; stale → 412.
int expectedVersion(const Request &request, const QJsonObject &body);
void requireVersion(const Request &request, const QJsonObject &body, int currentVersion);

// Document-creating POSTs accept Idempotency-Key: within `create`'s transaction the answer is
// stored under (caller, key); a retry returns that first answer unchanged. `create` must open
// no transaction of its own: it runs inside the one this function holds.
Reply idempotent(QSqlDatabase db, const Request &request, const std::function<Reply()> &create);

} // namespace keel
