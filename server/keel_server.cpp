#include "keel_server.h"

#include "analytics/analytics_context.h"
#include "audit/audit_routes.h"
#include "billing/billing_context.h"
#include "close/close_context.h"
#include "crm/account_routes.h"
#include "crm/contract_routes.h"
#include "crm/contract_service.h"
#include "crm/opportunity_routes.h"
#include "crm/sales_figures_routes.h"
#include "delivery/delivery_routes.h"
#include "delivery/delivery_service.h"
#include "events/domain_events.h"
#include "http/server_context.h"
#include "http/server_runtime.h"
#include "identity/identity_routes.h"
#include "identity/identity_service.h"
#include "insights/insights_context.h"
#include "ledger/ledger_routes.h"
#include "resourcing/capacity_routes.h"
#include "resourcing/employee_routes.h"
#include "revenue/revenue_context.h"
#include "system/system_routes.h"
#include "timeexpense/timeexpense_context.h"
#include "workflow/workflow_routes.h"
#include "workflow/workflow_service.h"

namespace keel {

KeelServer::KeelServer(ServerConfig config) : m_context(std::make_shared<ServerContext>())
{
    m_context->config = std::move(config);
    m_identity = std::make_unique<IdentityService>(m_context->config);
    Router &router = m_context->router;
    registerSystemRoutes(router, m_context->config.database);
    registerIdentityRoutes(router, *m_identity);
    registerAuditRoutes(router, m_context->config.database);
    registerCrmAccountRoutes(router, m_context->config.database);
    m_workflow = std::make_unique<WorkflowService>(m_context->config.database);
    registerWorkflowRoutes(router, *m_workflow);
    registerCrmSalesRoutes(router, m_context->config.database, *m_workflow);
    registerSalesFiguresRoutes(router, m_context->config.database);
    registerCapacityRoutes(router, m_context->config.database);
    // Contracts (crm) publish contract.signed / contract.amended; delivery subscribes.
    m_events = std::make_unique<DomainEvents>();
    ContractService::registerStateMachines();
    m_contracts =
        std::make_unique<ContractService>(m_context->config.database, *m_events, m_workflow.get());
    m_contracts->registerApprovalHandlers(*m_workflow);
    registerContractRoutes(router, *m_contracts);
    m_delivery = std::make_unique<DeliveryService>(m_context->config.database);
    m_delivery->subscribe(*m_events);
    m_delivery->startProjects(*m_events, *m_workflow);
    registerDeliveryRoutes(router, *m_delivery);
    registerResourcingPeopleRoutes(router, m_context->config.database);
    registerLedgerRoutes(router, m_context->config.database, *m_workflow);
    registerTimeExpenseContext(router, m_context->config.database, *m_workflow, *m_events);
    registerBillingContext(router, m_context->config.database, *m_workflow);
    registerRevenueContext(router, m_context->config.database, *m_workflow);
    registerCloseContext(router, m_context->config.database, *m_workflow);
    registerAnalyticsContext(router, m_context->config.database);
    registerInsightsContext(router, m_context->config.database);
    const IdentityService *identity = m_identity.get();
    m_context->authenticate = [identity](const QByteArray &token) {
        return identity->authenticate(token);
    };
    m_runtime = std::make_unique<ServerRuntime>(m_context);
}

KeelServer::~KeelServer()
{
    stop();
}

bool KeelServer::start(QString *error)
{
    return m_runtime->start(error);
}

void KeelServer::stop()
{
    if (m_runtime)
        m_runtime->stop();
}

QString KeelServer::baseUrl() const
{
    return m_runtime->baseUrl();
}

const Router &KeelServer::router() const
{
    return m_context->router;
}

} // namespace keel
