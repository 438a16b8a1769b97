#pragma once

namespace keel {

class Router;
struct DbConfig;
class WorkflowService;

// /api/v1/ledger/…: charts, reports, account drill-down, manual journals, reversals, export.
// Registers the journal_entry state machine and its workflow handlers too.
void registerLedgerRoutes(Router &router, const DbConfig &database, WorkflowService &workflow);

} // namespace keel
