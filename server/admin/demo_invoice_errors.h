#pragma once

#include <QString>

namespace keel {

struct DbConfig;

struct DemoInvoiceErrorCounts
{
    int drafts = 0;  // drafts of last month's billing runs
    int planted = 0; // of them made wrong (insights_planted kind wrong_invoice)
};

// Last month's drafts and the wrong ones among them (server/insights/README.md, "planted
// truth"), after the billing history (demo_billing.h): a billing run per entity for the month
// before demoAsOf()'s through the product's own entry point (BillingRunService::runNow), whose
// drafts wait in the billing review; then about twenty of them made wrong in known ways — a rate
// typed ×10, hours typed ×10, a line typed twice, time billed after its project closed, a rate
// not per the rate chain, time billed one line per entry — each with its totals and tax
// recomputed as the billing code does, and recorded as wrong_invoice (detail = the error). Inside
// the caller's open transaction on the calling thread's connection to `config`. Deterministic.
bool loadDemoInvoiceErrors(const DbConfig &config, DemoInvoiceErrorCounts *counts, QString *error);

} // namespace keel
