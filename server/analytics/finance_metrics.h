#pragma once

#include "finance_ledger.h"

namespace keel {

// The finance family's metrics beside the plain ledger sums (finance_metrics.cpp assembles them).
MetricDefinition financeDsoMetric();     // finance_dso.cpp
MetricDefinition financeArAgingMetric(); // finance_aging.cpp

namespace finance_ledger {
// The ledger roles the family reads.
LedgerAccounts revenueAccounts();
LedgerAccounts receivableAccounts();
} // namespace finance_ledger

} // namespace keel
