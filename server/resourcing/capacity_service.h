#pragma once

// Capacity versus demand and the bench (issue 4, DESIGN.md section 8):
//   available hours = weekly capacity / 5 per working day (Monday to Friday), less public
//                     holidays of the person's country and approved leave (0009's
//                     employee_week_capacity);
//   hard demand     = hard assignments + the uncovered hours of open hard resource requests;
//   soft demand     = soft assignments × their probability + the uncovered hours of open soft
//                     requests × the opportunity's current probability (the request's own
//                     probability when it has no opportunity);
//   gap             = available − hard − soft (negative = shortfall).
// An item's hours in a week are hours per week × its working days in that week / 5; a request's
// uncovered hours are its hours less those of the assignments made for it (never below 0).
// Supply is grouped by the person's job role / skills / practice / country, demand from a
// request by the request's role / required skills / project's (or opportunity's) practice /
// location country (else its legal entity's country), demand from an assignment by the person.
// By skill, a person counts once per skill they hold, so rows do not add up to the totals.
// Hours are rounded to 2 places once per figure; totals come from the same query ungrouped.
//
// The bench: people with at least min_free_hours free in [from, to], free = available − hard
// bookings − soft bookings (a tentative booking holds the person), most free first.

#include "capacity_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

class CapacityService
{
public:
    explicit CapacityService(DbConfig config) : m_store(std::move(config)) {}

    // ?from=YYYY-MM-DD (default today; the week of that day) &weeks=1..52 (26)
    // &group_by=role|skill|practice|country (role) &entity=CODE
    QJsonObject capacity(const Request &request) const;
    // ?from=&to= (required, at most 366 days; or weeks=N: to = the Sunday N weeks after the
    // Monday of from's week) &min_free_hours= (0) &practice=&skill=
    // &min_level=1..5 &entity= &limit= &after=
    QJsonObject bench(const Request &request) const;

    // The caller's ResourcingUse entities, narrowed by ?entity= (422 unknown, 403 outside).
    EntityScope scope(const Request &request) const;

private:
    CapacityStore m_store;
};

} // namespace keel
