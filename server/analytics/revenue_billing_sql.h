#pragma once

#include "analytics_dimensions.h"
#include "analytics_facts.h"

namespace keel::revenue_analytics {

// The billing records behind write_off_rate, per partition p(e, m) (a FROM item with an entity
// and a month's first day; scopePartitions or the fact's unnest): issued invoices' lines
// (billable_value = gross, written_off = the approved write-down, each at the invoice's rate to
// functional, rounded to the cent) and billing exceptions written off in the month (both = their
// amount at the rate of the write-off date). Columns: legal_entity_id, month, client_id,
// project_id, source, billable_value, written_off, cursor, day, document, description, amount,
// amount_off, currency. A parenthesised subquery; alias it.
SqlFragment billingWriteOffDetail(const SqlFragment &partitions);

// The sources of issued invoices whose billable event has a date (time entries: work date,
// expenses: expense date, milestones: acceptance, else completion, else plan), one per source
// and invoice: legal_entity_id, month, client_id, project_id, source, days (invoice date − event
// date), cursor, day (invoice date), event_day, document, description, amount, currency.
SqlFragment billingCycleDetail(const SqlFragment &partitions);

// The fact "billing_month" (analytics_billing_month, migration 0027).
AnalyticsFact billingMonthFact();

} // namespace keel::revenue_analytics
