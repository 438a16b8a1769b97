#pragma once

#include "demo_names.h"

#include <QString>

class QSqlDatabase;

namespace keel {

struct DemoTimeCounts
{
    int timeEntries = 0;
    int timesheetWeeks = 0;
};

// The time history of the demo firm (issue 5 "Demo firm"), loaded into the caller's open
// transaction after the people (assignments, leave, holidays, cost rates) and the delivery
// records (tasks): for every person with hard assignments, about three entries a working day
// on the tasks of the projects they are assigned to that day (the day's hours split by the
// assignments' weekly hours), never on weekends, public holidays or approved leave.
//
// Everything before the demo's previous week is approved by the project's manager, with the
// cost stamped from employee_cost_rates; a few lines were rejected once and resubmitted. The
// previous week is partly approved, partly still submitted (the approval inboxes) and a few
// lines are rejected; some people have not submitted it at all. The current week is partly
// entered as drafts. timesheet_weeks has a row per submitted week; project_tasks actuals are
// the sums of the approved time, and a few active fixed-fee projects are re-estimated above
// their fee (onerous). An entry belongs to its project's entity, also when the person works for
// another one. Rows go in with COPY; deterministic (fixed seed).
bool loadDemoTime(QSqlDatabase &db, DemoTimeCounts *counts, QString *error);

// A version-4-shaped UUID from the demo's random stream (deterministic, unlike QUuid).
QString demoUuid(demo::SplitMix64 &rng);
// Hundredths as a decimal string: 12345 → "123.45" (amounts in cents, hours in hundredths).
QString demoCents(qint64 cents);
// A UTC timestamp for COPY on the Julian day, e.g. "2026-11-06 16:30:00+00".
QString demoTimestamp(qint64 julianDay, int hour, int minute = 0);

} // namespace keel
