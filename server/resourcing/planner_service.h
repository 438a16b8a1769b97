#pragma once

#include "planner_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// The resource planner's grid: people in the caller's scope × ISO weeks, with available hours
// (capacity less holidays and approved leave), hard and soft (and probability-weighted soft)
// hours and allocation %, computed set-based in one statement.
class PlannerService
{
public:
    explicit PlannerService(DbConfig config) : m_store(std::move(config)) {}

    // GET /resourcing/planner?from=&weeks=&practice=&skill=&min_level=&country=&role=
    //     &legal_entity=&limit=&after=
    QByteArray planner(const Request &request) const; // JSON body

private:
    PlannerStore m_store;
};

} // namespace keel
