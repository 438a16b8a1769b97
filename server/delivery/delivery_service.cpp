#include "delivery_service.h"

#include "audit/audit_log.h"
#include "change_request_service.h"
#include "events/domain_events.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "project_service.h"

namespace keel {

namespace {

// Who may read projects: delivery users for their entities, and sales users for projects
// created from contracts of their entities.
struct Reach
{
    QStringList delivery;
    QStringList sales;
};

Reach reachOf(const Request &request)
{
    // Finance and controllers read projects of their entities like delivery users (milestone
    // acceptance, estimates).
    QStringList delivery =
        request.caller().entitiesFor(QString::fromLatin1(Permission::DeliveryUse));
    for (const QString &e :
         request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)))
        if (!delivery.contains(e))
            delivery.append(e);
    return {delivery, request.caller().entitiesFor(QString::fromLatin1(Permission::SalesUse))};
}

bool covers(const QStringList &entities, const QString &entity)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(entity);
}

int minorUnitsOf(const QString &currency)
{
    return Currency::fromCode(currency).valueOr(Currency()).minorUnits();
}

} // namespace

DeliveryService::DeliveryService(DbConfig config) : m_store(std::move(config)) {}

DeliveryService::~DeliveryService() = default;

void DeliveryService::startProjects(const DomainEvents &events, WorkflowService &workflow)
{
    ProjectService::registerStateMachines();
    ChangeRequestService::registerStateMachines();
    m_projects = std::make_unique<ProjectService>(m_store.config(), *this);
    m_changes = std::make_unique<ChangeRequestService>(m_store.config(), events, workflow);
    m_changes->registerApprovalHandlers(workflow);
}

void DeliveryService::subscribe(DomainEvents &events) const
{
    events.subscribe(DomainEventType::ContractSigned, [this](QSqlDatabase, const Request &request,
                                                             const DomainEvent &event) {
        handover(request, event.payload.value("contract_id").toString().toLongLong());
    });
    events.subscribe(DomainEventType::ContractAmended, [this](QSqlDatabase, const Request &request,
                                                              const DomainEvent &event) {
        contractAmended(request, event.payload.value("contract_id").toString().toLongLong(),
                        event.payload.value("contract_version").toInt());
    });
}

qint64 DeliveryService::handover(const Request &request, qint64 contractId) const
{
    if (const auto existing = m_store.projectOfContract(contractId))
        return *existing;
    const auto contract = m_store.contract(contractId, false);
    if (!contract)
        throw ApiError::notFound(QStringLiteral("There is no contract %1.").arg(contractId));
    const auto inserted = m_store.insertProject(contractId);
    if (!inserted) // a concurrent handover committed first
        return *m_store.projectOfContract(contractId);
    const qint64 projectId = *inserted;
    const qint64 phaseId = m_store.insertPhase(projectId, contractId);
    const qint64 budgetId = m_store.insertBudgetVersion(projectId, QStringLiteral("handover"),
                                                        contract->contractVersion);
    m_store.insertBudgetLines(budgetId, contractId, phaseId, minorUnitsOf(contract->currency));
    m_store.insertTasks(projectId, phaseId, budgetId, contractId);
    m_store.insertMilestones(projectId, contractId);
    m_store.insertTemplateMilestones(projectId, contractId);
    m_store.insertBillingRules(projectId, contractId);
    m_store.insertResourceRequests(projectId);

    AuditEntry audit = AuditEntry::from(request, QStringLiteral("project.handover"),
                                        QStringLiteral("project"), QString::number(projectId));
    audit.after = m_store.project(projectId)->first;
    audit.after.insert("budget", m_store.budget(projectId));
    appendAudit(m_store.db(), audit);
    return projectId;
}

QJsonObject DeliveryService::handoverRoute(const Request &request, qint64 contractId) const
{
    db::Transaction tx(m_store.db());
    const auto contract = m_store.contract(contractId, true);
    const Reach reach = reachOf(request);
    if (!contract || !(covers(reach.delivery, contract->legalEntity) ||
                       covers(reach.sales, contract->legalEntity)))
        throw ApiError::notFound(QStringLiteral("There is no contract %1.").arg(contractId));
    const auto existing = m_store.projectOfContract(contractId);
    if (!existing && contract->status != QLatin1String("signed") &&
        contract->status != QLatin1String("amended"))
        throw ApiError::conflict(QStringLiteral("The contract is %1; only a signed contract is "
                                                "handed over to delivery.")
                                     .arg(contract->status));
    const qint64 projectId = existing ? *existing : handover(request, contractId);
    tx.commit();
    return {{"created", !existing.has_value()}, {"project", projectJson(projectId)}};
}

void DeliveryService::contractAmended(const Request &request, qint64 contractId,
                                      int contractVersion) const
{
    const auto projectId = m_store.projectOfContract(contractId);
    if (!projectId) {
        handover(request, contractId);
        return;
    }
    const auto contract = m_store.contract(contractId, false);
    const qint64 budgetId = m_store.insertBudgetVersion(
        *projectId, QStringLiteral("contract version %1").arg(contractVersion), contractVersion);
    m_store.insertBudgetLines(budgetId, contractId, m_store.firstPhase(*projectId).value_or(0),
                              minorUnitsOf(contract->currency));
    m_store.insertMilestones(*projectId, contractId);
    m_store.insertBillingRules(*projectId, contractId);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("project.rebaseline"),
                                        QStringLiteral("project"), QString::number(*projectId));
    audit.after = m_store.budget(*projectId);
    appendAudit(m_store.db(), audit);
}

QJsonObject DeliveryService::projectJson(qint64 id) const
{
    QJsonObject o = m_store.project(id)->first;
    o.insert("phases", m_store.phases(id));
    o.insert("tasks", m_store.tasks(id));
    o.insert("milestones", m_store.milestones(id));
    o.insert("budget", m_store.budget(id));
    o.insert("billing_rules", m_store.billingRules(id));
    o.insert("resource_requests", m_store.resourceRequests(id));
    return o;
}

QJsonObject DeliveryService::projectHeader(qint64 id) const
{
    return m_store.project(id)->first;
}

QJsonObject DeliveryService::get(const Request &request, qint64 id) const
{
    const auto project = m_store.project(id);
    const Reach reach = reachOf(request);
    const bool fromContract = project && !project->first.value("contract_id").isNull();
    if (!project || !(covers(reach.delivery, project->second) ||
                      (fromContract && covers(reach.sales, project->second))))
        throw ApiError::notFound(QStringLiteral("There is no project %1.").arg(id));
    return projectJson(id);
}

QJsonObject DeliveryService::list(const Request &request, const PageRequest &page) const
{
    const Reach reach = reachOf(request);
    ProjectFilter f;
    if (!reach.delivery.isEmpty()) {
        f.entities = reach.delivery;
        // A sales grant for more entities than the delivery one is rare; delivery scope wins.
    } else {
        f.entities = reach.sales;
        f.onlyFromContracts = true;
    }
    if (f.entities.isEmpty())
        throw ApiError::forbidden(QStringLiteral("Projects are for delivery and sales users."));
    f.status = request.query.queryItemValue(QStringLiteral("status"));
    static const QStringList statuses{"planned", "active", "on_hold", "closed"};
    if (!f.status.isEmpty() && !statuses.contains(f.status))
        throw ApiError::invalidField(QStringLiteral("status"), QStringLiteral("invalid_value"),
                                     QStringLiteral("one of: planned, active, on_hold, closed"));
    // project_manager_id=me: the caller's own projects.
    if (request.query.queryItemValue(QStringLiteral("project_manager_id")) == QLatin1String("me"))
        f.projectManagerId = request.caller().user.id;
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("contract_id"), &f.contractId},
          std::pair{QStringLiteral("account_id"), &f.accountId},
          std::pair{QStringLiteral("project_manager_id"), &f.projectManagerId}}) {
        if (name == QLatin1String("project_manager_id") && f.projectManagerId)
            continue;
        const QString v = request.query.queryItemValue(name);
        if (v.isEmpty())
            continue;
        bool ok = false;
        *target = v.toLongLong(&ok);
        if (!ok || *target <= 0)
            throw ApiError::invalidField(name, QStringLiteral("invalid_value"),
                                         QStringLiteral("an id"));
    }
    return page.page(m_store.list(f, page.after, page.limit));
}

} // namespace keel
