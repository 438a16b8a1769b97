#pragma once

#include "config/server_config.h"

#include <QString>

#include <memory>

namespace keel {

class ContractService;
class DeliveryService;
class DomainEvents;
class IdentityService;
class Router;
class ServerRuntime;
class WorkflowService;
struct ServerContext;

// The whole server: every context's routes on one router, served by the worker threads. Used by
// main() and, in-process, by the tests.
class KeelServer
{
public:
    explicit KeelServer(ServerConfig config);
    ~KeelServer();

    bool start(QString *error);
    void stop();
    QString baseUrl() const;
    const Router &router() const;
    // Approvals: contexts register their ApprovalHandlers on it.
    WorkflowService &workflow() const { return *m_workflow; }

private:
    std::unique_ptr<IdentityService> m_identity;
    std::unique_ptr<WorkflowService> m_workflow;
    std::unique_ptr<DomainEvents> m_events; // before the contexts that publish on it
    std::unique_ptr<ContractService> m_contracts;
    std::unique_ptr<DeliveryService> m_delivery;
    std::shared_ptr<ServerContext> m_context;
    std::unique_ptr<ServerRuntime> m_runtime;
};

} // namespace keel
