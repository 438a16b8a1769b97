#pragma once

#include <QString>

#include <functional>

class QSqlDatabase;

namespace keel {

struct DemoLoadResult
{
    bool ok = false;
    QString error;
    int employees = 0; // users created, fixed demo accounts included
};

// Loads the demo firm (DESIGN.md section 9) into a freshly migrated, empty database: three
// legal entities (US/USD, UK/GBP, DE/EUR), four practices, 600 × scale generated employees
// with their role grants, and the fixed demo accounts (admin, ceo, controller, finance,
// sales, salesdir, pm, rm, consultant; password "demo").
//
// Then the billing and cash history through the product's own services (demo_billing.h), which
// costs most of the load's time: KEEL_DEMO_BILLING=0 in the environment leaves it out (for the
// tests of the earlier parts of the firm, which load it many times). After it, the months of
// that history are closed through the close's own runs (demo_close.h): KEEL_DEMO_CLOSE=0 leaves
// them open.
//
// Everything happens in one transaction: either the whole firm is there or nothing is.
// Deterministic: the same scale gives the same rows (ids, names, roles), except for the
// password hashes (salted) and timestamps. Refuses a database that already has legal
// entities. `progress` (may be empty) gets a percentage and the name of the current step.
DemoLoadResult loadDemoFirm(QSqlDatabase &db, int scale,
                            const std::function<void(int percent, const QString &step)> &progress);

// Generated employees per unit of scale.
inline constexpr int DemoEmployeesPerScale = 600;

} // namespace keel
