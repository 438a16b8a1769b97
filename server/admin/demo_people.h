#pragma once

#include <QString>

class QSqlDatabase;

namespace keel {

struct DemoPeopleCounts
{
    int employees = 0;
    int assignments = 0;
};

// The people side of the demo firm (issue 4 "Demo firm"), loaded into the caller's open
// transaction after the users and the sales history (projects with their resource requests):
// an employee row per user (job role, capacity 40 h or 32 h, utilisation target, bill rate,
// manager), two cost-rate periods each, 3–6 skills with levels, some certifications, public
// holidays for US / GB / DE 2025–2027, some approved and requested leave, and hard assignments
// of matching people to the handover projects' resource requests. Set-based SQL, deterministic
// (hash of ids, no randomness).
bool loadDemoPeople(QSqlDatabase &db, DemoPeopleCounts *counts, QString *error);

} // namespace keel
