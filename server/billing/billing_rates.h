#pragma once

#include <QString>

namespace keel::billing_rates {

// The rate chain as SQL joins for a billing run's candidate time (billing_run_engine.cpp), so the
// rates come in the same statement that selects the entries. For a row alias `e` with columns
// contract_id, account_id, currency, role_id (the task's job role, else the employee's),
// work_date and rate_items (whether the contract has rate items at all: most entries then skip
// that probe), the joins define `r.rate` and `r.item_line`:
//   1. a rate item (contract_line_items kind 'rate') of one of the contract's
//      time-and-materials lines for the role — r.item_line is that line, which then carries
//      the entry (lowest line_no first);
//   2. else the client's rate override on the work date (client_rate_overrides);
//   3. else the entity's rate card on the work date (rate_card_rates), in the contract's
//      currency;
//   4. else r.rate is NULL and the run raises a no_rate exception.
// The joins hold one placeholder: the legal entity's id.
QString joins();

} // namespace keel::billing_rates
