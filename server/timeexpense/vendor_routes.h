#pragma once

namespace keel {

class Router;
struct DbConfig;

// /vendors, /subcontract-agreements, /vendor-bills (+ /submit, /decide): payables.manage.
void registerVendorRoutes(Router &router, const DbConfig &database);

} // namespace keel
