#pragma once

namespace keel {

class DeliveryService;
class Router;

// /api/v1/delivery/projects..., /api/v1/delivery/handover/{contract_id}.
void registerDeliveryRoutes(Router &router, const DeliveryService &service);

} // namespace keel
