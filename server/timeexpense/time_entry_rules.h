#pragma once

#include "decimal.h"
#include "time_entry_store.h"

#include <QDate>
#include <QJsonObject>

#include <optional>

namespace keel {

struct Request;
struct StateMachine;

// The fields a consultant sends for an entry (PUT /time/entries/{id}, sync's fields).
struct TimeEntryFields
{
    QDate workDate;
    qint64 projectId = 0;
    qint64 taskId = 0;
    Decimal hours;
    std::optional<bool> billable;
    QString notes;
};

// The rules of README "Time" (time_entry_rules), each a 422 naming the field or a 423.
namespace time_entry_rules {

// draft | rejected → submit → submitted → approve → approved | reject → rejected;
// rejected → edit → draft; draft | rejected → delete → deleted; approved → invoice → invoiced
// (billing). A rejected line submitted again unchanged is the consultant standing by it.
const StateMachine &machine();

// The caller's employee record; 403 when the user has none.
TimeEmployee caller(const TimeEntryStore &store, const Request &request);

// 412 naming both versions.
[[noreturn]] void throwStale(int sent, int current);

// Reads and shape-checks the fields (422 with every field error at once). An adjustment's
// hours are a non-zero delta in [-24, 24]; otherwise hours are in (0, 24]. Two decimals.
TimeEntryFields parse(const QJsonObject &fields, bool adjustment);

// 423 when `date` lies in a soft- or hard-closed period of the project's or the employee's
// legal entity (the time books cost in one and revenue in the other).
void requireOpenPeriod(const TimeEntryStore &store, const QList<qint64> &entityIds,
                       const QDate &date);
// The 423 itself: `status` is the period's (soft_closed, hard_closed).
[[noreturn]] void throwPeriodClosed(const QDate &date, const QString &status);

// What the rules decide about a valid entry.
struct Checked
{
    qint64 legalEntityId = 0; // the project's
    bool billable = true;
    bool outsideAssignment = false;
};

// Project and task open, task on the project, period open (423), at most 24 hours on the day
// (all of the employee's entries that are not deleted, `self` excluded), at most 14 days
// ahead, notes where the client requires them. Call with the employee locked.
Checked check(const TimeEntryStore &store, const TimeEmployee &employee,
              const TimeEntryFields &fields, const QUuid &self);

} // namespace time_entry_rules

} // namespace keel
