#pragma once

#include <QString>

#include <functional>

namespace keel {

struct DbConfig;

struct DemoCloseCounts
{
    int periodsClosed = 0;       // entity-months hard-closed
    int closeRuns = 0;           // completed, each with every run of the close
    int intercompanyCharges = 0; // employee × project × month
    int fxRatesAdded = 0;        // rates for the months before the time history
    int dollarAccounts = 0;      // bank accounts in USD of the UK and DE companies
    int payrollEntries = 0;      // entity × month, to last month
    int capitalInjections = 0;   // share capital paid in so the bank covers the payrolls
};

// The month-end closes of the demo firm's history (issue 7 "Demo firm"), after the billing
// history (demo_billing.h) inside the caller's open transaction on the calling thread's
// connection to `config`, so the close's own services run in it as savepoints:
//  - exchange rates back to the first accounting period (the history's rates start with the
//    time two years ago; the close of the months before needs their period-end rates);
//  - the project cost of specialists who worked for another entity, in the project's currency;
//  - a dollar account of the UK and the German company, bought with their first invoices, the
//    foreign-currency balance the month-end FX revaluation revalues;
//  - one payroll journal per entity and month of the time history up to last month (the
//    hours recorded × the cost rate, Dr labour cost / Cr bank) and, where the operating account
//    would otherwise run below zero, share capital paid in at the start;
//  - month by month from the first accounting period to the month before last, for every entity:
//    every run of the close (revenue recognition, subcontractor accruals, FX revaluation,
//    intercompany charges) as the controller, then the period soft- and hard-closed. Last month
//    stays open for the close cockpit (unbilled, never run), and so does this month.
// Deterministic (own fixed seed, no clock). `progress` (may be empty) gets 95–96 and the month.
// KEEL_DEMO_CLOSE=0 in the environment makes demo_firm leave it out.
using DemoCloseProgress = std::function<void(int percent, const QString &step)>;
bool loadDemoClose(const DbConfig &config, DemoCloseCounts *counts, QString *error,
                   const DemoCloseProgress &progress = {});

} // namespace keel
