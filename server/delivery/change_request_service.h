#pragma once

#include "crm/contract_store.h"
#include "project_store.h"

#include <QJsonObject>

namespace keel {

class DomainEvents;
class WorkflowService;
struct PageRequest;
struct Request;

// Project change requests: delta hours by role (× phase) with their delta value, new dates and
// a reason, submitted by the project's manager and approved through the workflow (document type
// "change_request", chain by the absolute delta value: another project manager; from 10,000
// finance as well; from 50,000 an executive as well). Approval, inside the deciding
// transaction: budget version N+1 (N kept), new project dates, the project's approved change
// value, and the event "project.change_approved" ({"project_id","change_request_id",
// "contract_id","delta_value","currency"}). When the project has a contract, its value moves
// by the delta as contract version N+1 in the same transaction (ContractService::
// amendFromChangeRequest; no contract.amended, so the budget is not rebaselined twice).
class ChangeRequestService
{
public:
    ChangeRequestService(DbConfig config, const DomainEvents &events, WorkflowService &workflow);

    static void registerStateMachines(); // "change_request"
    void registerApprovalHandlers(WorkflowService &workflow) const;

    const ProjectStore &store() const { return m_store; }

    // Inside the caller's (idempotency) transaction.
    QJsonObject submit(const Request &request, qint64 projectId, const QJsonObject &body) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request, qint64 projectId, const PageRequest &page) const;

    void approved(const Request &request, qint64 id) const;
    void rejected(const Request &request, qint64 id, const QString &comment) const;

private:
    ProjectStore m_store;
    ContractStore m_contracts;
    const DomainEvents &m_events;
    WorkflowService &m_workflow;
};

} // namespace keel
