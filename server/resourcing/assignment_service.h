#pragma once

#include "assignment_store.h"
#include "http/http_types.h"
#include "planner_store.h"
#include "resource_request_store.h"

#include <QJsonObject>

namespace keel {

struct PageRequest;

// 409 for an assignment that would take a person beyond their available hours in some week:
// the problem document carries "overallocation": [{week, week_start, capacity_hours,
// assigned_hours, new_hours, total_hours, over_by_hours}].
class OverallocationError : public ApiError
{
public:
    OverallocationError(const QString &detail, QJsonArray weeks);
    Reply reply() const;
    const QJsonArray &weeks() const { return m_weeks; }

private:
    QJsonArray m_weeks;
};

// Assignments of people to projects (hard or soft) or to opportunities (soft). Within the
// project's dates (422 otherwise); over-allocation is refused with 409 unless a resource manager
// confirms it ("confirm_overallocation": true; anyone else → 403), and then recorded as flagged.
class AssignmentService
{
public:
    explicit AssignmentService(DbConfig config);

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    void remove(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject get(const Request &request, qint64 id) const;

    QSqlDatabase db() const { return m_store.db(); }

private:
    // Checks and completes `row` (caller may staff, dates, task, request, over-allocation);
    // returns the over-allocated weeks that were confirmed (empty when none).
    QJsonArray check(const Request &request, AssignmentRow &row, qint64 excludeId,
                     bool confirm) const;

    AssignmentStore m_store;
    ResourceRequestStore m_requests;
    PlannerStore m_planner;
};

} // namespace keel
