#pragma once

#include <memory>

namespace keel {

class Router;
class ResourceRequestService;

// /api/v1/resourcing/requests…
void registerResourceRequestRoutes(Router &router,
                                   std::shared_ptr<const ResourceRequestService> service);

} // namespace keel
