#pragma once

#include "http_types.h"

namespace keel {

struct ServerContext;

// Runs one request through the pipeline: size limit, routing (404/405), authentication (401),
// permission (403), the handler, and the mapping of every failure to problem+json.
Reply dispatch(const ServerContext &context, Request &request);

} // namespace keel
