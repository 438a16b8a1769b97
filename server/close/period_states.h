#pragma once

#include "audit/audit_log.h"
#include "close_store.h"

#include <QDate>
#include <QSqlDatabase>

namespace keel {

struct StateMachine;

// The accounting period's states (README "Period states"), the reopen request's and the close
// run's, registered for the transition meta-test.
namespace period_states {

const StateMachine &periodMachine(); // accounting_period
const StateMachine &reopenMachine(); // period_reopen_request
const StateMachine &runMachine();    // close_run
void registerMachines();

// The month before is closed enough for this one to close: soft- or hard-closed (`hard`: hard-
// closed), or the entity has no period before this one at all (its first).
bool previousClosed(QSqlDatabase db, qint64 entityId, QDate periodStart, bool hard);

// soft_close or hard_close of the entity's period under the README's rules, in the caller's
// transaction, audited as `actor`: 409 wrong state, previous_period_open, checklist_red (soft)
// or checklist_open (hard) unless skipGate. Returns the period's new status.
QString close(QSqlDatabase db, const CloseEntity &entity, QDate periodStart, const QString &action,
              const AuditEntry &actor, bool skipGate);

// A status change of the locked period with its audit entry (`action` of periodMachine()).
void apply(QSqlDatabase db, const CloseEntity &entity, QDate periodStart, const ClosePeriodRow &row,
           const QString &action, const AuditEntry &actor);

} // namespace period_states
} // namespace keel
