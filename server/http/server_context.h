#pragma once

#include "config/server_config.h"
#include "router.h"

#include <functional>
#include <optional>

namespace keel {

// What every worker thread shares, read-only once serving starts.
struct ServerContext
{
    ServerConfig config;
    Router router;
    // Resolves a bearer token to its caller; nullopt when unknown, expired or revoked.
    std::function<std::optional<Principal>(const QByteArray &token)> authenticate;
};

} // namespace keel
