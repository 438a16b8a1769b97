#include "revenue_run_machine.h"

namespace keel {

const StateMachine &revenueRunMachine()
{
    static const StateMachine m{
        QStringLiteral("revenue_run"),
        {"running", "completed", "failed"},
        QStringLiteral("running"),
        {{"running", "complete", "completed"}, {"running", "fail", "failed"}}};
    return m;
}

} // namespace keel
