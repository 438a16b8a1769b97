#pragma once

namespace keel {

class Router;
struct DbConfig;

// /api/v1/ledger/…: charts, reports, account drill-down, manual journals, reversals, export.
// Registers the journal_entry state machine too.
void registerLedgerRoutes(Router &router, const DbConfig &database);

} // namespace keel
