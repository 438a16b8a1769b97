#pragma once

namespace keel {

class Router;
struct DbConfig;

// Expense categories, own expenses and receipts, expense reports and their approval, vendors,
// subcontract agreements and vendor bills (server/timeexpense/README.md, "Expenses and
// subcontractors").
void registerExpenseRoutes(Router &router, const DbConfig &database);

} // namespace keel
