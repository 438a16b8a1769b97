#pragma once

// Staffing suggestions for a resource request: every active person of the caller's
// ResourcingUse entities is scored in one SQL query (staffing_store), then ranked here by score
// (ties: more free hours, then employee id) and the top N are explained factor by factor
// (weights and value rules in staffing_weights.h).

#include "capacity_store.h"
#include "staffing_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

class StaffingService
{
public:
    explicit StaffingService(DbConfig config) : m_store(std::move(config)) {}

    // GET /api/v1/resourcing/requests/{id}/suggestions?limit=1..100 (10)
    QJsonObject suggestions(const Request &request) const;

private:
    StaffingStore m_store;
};

} // namespace keel
