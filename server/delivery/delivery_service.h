#pragma once

#include "delivery_store.h"

#include <QJsonObject>

#include <memory>

namespace keel {

class ChangeRequestService;
class DomainEvents;
class ProjectService;
class WorkflowService;
struct PageRequest;
struct Request;

// The delivery context's first records. Subscribes to crm's contract.signed (the handover:
// project, phase and tasks, budget baseline version 1 by role, milestones, billing rules,
// resource requests — in the signing transaction) and contract.amended (a new budget version).
class DeliveryService
{
public:
    explicit DeliveryService(DbConfig config);
    ~DeliveryService();

    // Creates the services for projects run by hand and change requests (owned here), their
    // state machines ("project", "milestone", "change_request") and approval handlers.
    void startProjects(const DomainEvents &events, WorkflowService &workflow);
    bool hasProjects() const { return m_projects != nullptr; }
    const ProjectService &projects() const { return *m_projects; }
    const ChangeRequestService &changeRequests() const { return *m_changes; }

    void subscribe(DomainEvents &events) const;

    // Inside the caller's transaction; idempotent: a project that exists for the contract is
    // returned as is. Returns the project id.
    qint64 handover(const Request &request, qint64 contractId) const;
    // POST /delivery/handover/{contract_id}: own transaction; {"project": …, "created": bool}.
    QJsonObject handoverRoute(const Request &request, qint64 contractId) const;
    void contractAmended(const Request &request, qint64 contractId, int contractVersion) const;

    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject get(const Request &request, qint64 id) const;

    // The project with phases, tasks, milestones, current budget, billing rules and resource
    // requests; the header alone.
    QJsonObject projectJson(qint64 id) const;
    QJsonObject projectHeader(qint64 id) const;

private:
    DeliveryStore m_store;
    std::unique_ptr<ProjectService> m_projects;
    std::unique_ptr<ChangeRequestService> m_changes;
};

} // namespace keel
