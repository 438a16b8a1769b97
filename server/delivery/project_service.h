#pragma once

#include "project_store.h"

#include <QJsonObject>

namespace keel {

class DeliveryService;
struct PageRequest;
struct Request;

// Projects a project manager runs: creation by hand (from an offering's template or blank),
// the header and its lifecycle ("project" state machine), phases and tasks with estimates to
// complete, milestones ("milestone" state machine: pending → completed → accepted → billable),
// budget versions, estimate at completion and monthly status reports. Every change is one
// transaction with its audit entry; updates check `version` (412).
class ProjectService
{
public:
    ProjectService(DbConfig config, const DeliveryService &delivery);

    // The "project" and "milestone" state machines (StateMachineRegistry).
    static void registerStateMachines();

    const ProjectStore &store() const { return m_store; }

    // Inside the caller's (idempotency) transaction.
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject transition(const Request &request, qint64 id, const QJsonObject &body) const;

    QJsonObject addPhase(const Request &request, qint64 projectId, const QJsonObject &body) const;
    QJsonObject updatePhase(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject addTask(const Request &request, qint64 projectId, const QJsonObject &body) const;
    QJsonObject updateTask(const Request &request, qint64 id, const QJsonObject &body) const;

    QJsonObject addMilestone(const Request &request, qint64 projectId,
                             const QJsonObject &body) const;
    QJsonObject updateMilestone(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject transitionMilestone(const Request &request, qint64 id,
                                    const QJsonObject &body) const;

    QJsonObject budgetVersions(const Request &request, qint64 projectId,
                               const PageRequest &page) const;
    QJsonObject estimate(const Request &request, qint64 projectId) const;

    QJsonObject addStatusReport(const Request &request, qint64 projectId,
                                const QJsonObject &body) const;
    QJsonObject updateStatusReport(const Request &request, qint64 id,
                                   const QJsonObject &body) const;
    QJsonObject statusReports(const Request &request, qint64 projectId,
                              const PageRequest &page) const;

private:
    ProjectStore m_store;
    const DeliveryService &m_delivery;
};

} // namespace keel
