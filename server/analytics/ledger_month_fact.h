#pragma once

#include "analytics_facts.h"

namespace keel {

// The fact "ledger_month" (analytics_ledger_month, migration 0023): journal lines summed per
// entity, month, account and the tags metrics cut by. Revenue, unbilled receivable, deferred
// revenue, receivables and cash are read from it.
AnalyticsFact ledgerMonthFact();

} // namespace keel
