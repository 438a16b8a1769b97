#pragma once

#include <QString>

class QSqlDatabase;

namespace keel {

struct DemoDeliveryCounts
{
    int phases = 0;
    int tasks = 0;
    int statusReports = 0;
    int changeRequests = 0;
};

// The delivery side of the demo firm (issue 4 "Demo firm"), loaded into the caller's open
// transaction after the sales history (projects with budget lines) and the people (staffing):
// a phase for every project without one, one task per budgeted job role with the budget hours,
// actual hours / cost for started projects in proportion to the time elapsed by demoAsOf() and an
// estimate to complete for the rest; monthly status reports (red / amber / green) for the last
// three months of the active projects; and change requests on about four in ten started
// projects — approved (with their approval chain decided by people other than the submitter and
// budget version N+1), pending in the other project managers' inboxes, or rejected. Set-based
// SQL, deterministic (arithmetic on ids, no randomness, no clock).
bool loadDemoDelivery(QSqlDatabase &db, DemoDeliveryCounts *counts, QString *error);

} // namespace keel
