#pragma once

// The records behind each sales metric as SalesRelations over the crm and revenue tables (README
// "Sales metrics" states each rule). Every relation is limited to the context's entities.

#include "sales_query.h"

namespace keel {

// Bookings: each signed contract at its signature date (the value as signed) and each approved
// change order at its approval date (the value it added, negative when it reduced it).
SalesRelation salesBookingsRelation(const MetricContext &c);

// Backlog at the end of each month from `first` to `last` (first days): per contract signed by
// then, its value signed to that month end (change orders included) less its revenue recognised
// to date, never below zero; rows only where it is above zero.
SalesRelation salesBacklogRelation(const MetricContext &c, QDate first, QDate last);

// Closed deals: opportunities whose stage is won or lost, in the month they closed; `f.won`.
SalesRelation salesClosedDealsRelation(const MetricContext &c);

// The weighted pipeline: open opportunities by expected close month, value × probability.
SalesRelation salesPipelineRelation(const MetricContext &c);

// The delivery capacity left to sell, per month from filter.from to filter.to: each active
// person's available hours (analytics_person_month: capacity less holidays and approved leave;
// build its partitions first, ensurePersonMonthsBuilt) less their hard assignments, never below
// zero, valued at their standard bill rate. Sliced by entity and practice (the person's).
SalesRelation salesCapacityRelation(const MetricContext &c);

// The funnel: every open opportunity now, at its full value, with its stage; month is filter.to.
SalesRelation salesFunnelRelation(const MetricContext &c);

} // namespace keel
