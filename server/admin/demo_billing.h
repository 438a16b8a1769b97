#pragma once

#include <QString>

#include <functional>

namespace keel {

struct DbConfig;

struct DemoBillingCounts
{
    int vendorBillsPosted = 0;
    int expenseReportsPosted = 0;
    int bankAccounts = 0;
    int billingRuns = 0;
    int invoices = 0; // issued, credit notes not counted
    int creditNotes = 0;
    int writeDowns = 0;
    int receipts = 0;
    int vendorPayments = 0;
    int collectionNotes = 0;
    int statementLines = 0;
    int statementLinesMatched = 0;
};

// The billing and cash history of the demo firm (issue 6 "Demo firm"), loaded after the expenses
// (demo_expenses.h) inside the caller's open transaction on the calling thread's connection to
// `config` (db::connection(config)), so the product's own services run in it as savepoints:
//  - the approved vendor bills and expense reports the earlier steps bulk-loaded post to the
//    ledger through posting_rules, as their approval would have;
//  - bank accounts per entity, each with its opening capital;
//  - month by month up to the month before last (so last month's approved time waits for the
//    Billing workspace): a billing run per entity, its drafts approved and issued (a few lines
//    written down, a few invoices credited), customer receipts by each client's payment habit
//    (most on time, some systematically late, some in parts, a few not at all; the late, slow
//    and unreliable clients recorded in insights_planted as late_payer), reminders and
//    dunning levels on what is overdue, and the vendor
//    bills paid when due;
//  - the operating accounts' bank statements of last month and this, last month's reconciled.
// Deterministic (own fixed seed, no clock).
// `progress` (may be empty) gets percentages from 90 to 95 and the month being billed.
using DemoBillingProgress = std::function<void(int percent, const QString &step)>;
bool loadDemoBilling(const DbConfig &config, DemoBillingCounts *counts, QString *error,
                     const DemoBillingProgress &progress = {});

} // namespace keel
