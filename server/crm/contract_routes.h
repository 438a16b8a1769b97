#pragma once

namespace keel {

class ContractService;
class Router;

// /api/v1/crm/contracts..., /api/v1/crm/quotes/{id}/contract, change orders.
void registerContractRoutes(Router &router, const ContractService &service);

} // namespace keel
