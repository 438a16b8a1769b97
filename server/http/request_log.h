#pragma once

#include <QString>

namespace keel {

struct Request;
struct Reply;

// Structured logs: one JSON object per line on standard error, each carrying the request id
// that the client also gets back in X-Request-Id.
QString newRequestId();
void logRequest(const Request &request, const Reply &reply, double milliseconds);
void logError(const QString &requestId, const QString &message);
void logInfo(const QString &message);

} // namespace keel
