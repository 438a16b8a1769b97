#pragma once

namespace keel {

class Router;
class IdentityService;

void registerIdentityRoutes(Router &router, const IdentityService &service);

} // namespace keel
