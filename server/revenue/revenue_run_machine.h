#pragma once

#include "workflow/state_machine.h"

namespace keel {

// A recognition run: running → completed | failed (revenue_runs.status).
const StateMachine &revenueRunMachine();

} // namespace keel
