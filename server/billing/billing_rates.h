#pragma once

#include <QSqlDatabase>

namespace keel::billing_rates {

// The bill rate of every candidate time entry of a run, set-based on the run's temporary table
// br_time (billing_run_engine.cpp): for the entry's role (the task's job role, else the
// employee's) on its work date, in the contract's currency:
//   1. a rate item (contract_line_items kind 'rate') of one of the contract's
//      time-and-materials lines — that line then carries the entry (lowest line_no first);
//   2. the client's rate override (client_rate_overrides);
//   3. the entity's rate card (rate_card_rates);
//   4. none: rate stays NULL and the run raises a no_rate exception.
void resolve(QSqlDatabase db, qint64 legalEntityId);

} // namespace keel::billing_rates
