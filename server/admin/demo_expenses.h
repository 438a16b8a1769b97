#pragma once

#include <QString>

class QSqlDatabase;

namespace keel {

struct DemoExpenseCounts
{
    int fxRates = 0;
    int expenses = 0;
    int receipts = 0;
    int expenseReports = 0;
    int vendorBills = 0;
};

// The money side of issue 5 for the demo firm, loaded into the caller's open transaction after
// the time history (demo_time.h):
//  - fx_rates: every weekday from two years before the demo's today to two weeks after it,
//    EUR→USD and GBP→USD as random walks around realistic levels, their reverses and the
//    EUR/GBP cross pair (10 decimals, integer arithmetic);
//  - expense categories per entity (TRAVEL and HOTEL capped per item, MEALS per day, MILEAGE,
//    SOFTWARE not billable; receipts required above 25 in the entity's currency);
//  - expenses of about a third of the people on projects, a few a month on a project they are
//    assigned to, some in a foreign currency (converted at the day's rate), most with a receipt
//    (a small valid PNG or PDF, SHA-256 stored); a few breach the policy and carry a
//    justification. Past months are grouped into approved monthly reports (line manager, then
//    finance); this month's are drafts, except the demo "consultant" whose report waits for
//    approval;
//  - vendors (subcontractors) per entity, subcontract agreements (hourly rate, cap) on some
//    projects and monthly vendor bills with lines (hours × rate to the cent): approved, last
//    month's submitted and awaiting approval.
// Deterministic (own fixed seed); bulk rows go in with COPY.
bool loadDemoExpenses(QSqlDatabase &db, DemoExpenseCounts *counts, QString *error);

} // namespace keel
