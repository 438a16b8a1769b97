#pragma once

#include "db/database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace keel {

// The contract facts the handover needs (read from crm's tables: delivery sits above crm).
struct HandoverContract
{
    qint64 id = 0;
    QString status;
    QString legalEntity;
    QString currency;
    int contractVersion = 1;
};

struct ProjectFilter
{
    QStringList entities; // codes or {"*"}
    bool onlyFromContracts = false;
    QString status;
    qint64 contractId = 0;
    qint64 accountId = 0;
    qint64 projectManagerId = 0;
};

// SQL for projects and the records the handover creates. Every handover step is one
// set-based statement (INSERT … SELECT), independent of the number of lines.
class DeliveryStore
{
public:
    explicit DeliveryStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;
    const DbConfig &config() const { return m_config; }

    std::optional<HandoverContract> contract(qint64 contractId, bool lock) const;
    std::optional<qint64> projectOfContract(qint64 contractId) const;
    // nullopt when a concurrent handover inserted it first (unique contract_id).
    std::optional<qint64> insertProject(qint64 contractId) const;
    qint64 insertPhase(qint64 projectId, qint64 contractId) const;
    qint64 insertBudgetVersion(qint64 projectId, const QString &reason, int contractVersion) const;
    void insertBudgetLines(qint64 budgetVersionId, qint64 contractId, qint64 phaseId,
                           int minorUnits) const;
    void insertTasks(qint64 projectId, qint64 phaseId, qint64 budgetVersionId,
                     qint64 contractId) const;
    // Milestones / billing rules for contract lines the project does not have yet.
    void insertMilestones(qint64 projectId, qint64 contractId) const;
    void insertTemplateMilestones(qint64 projectId, qint64 contractId) const;
    void insertBillingRules(qint64 projectId, qint64 contractId) const;
    void insertResourceRequests(qint64 projectId) const;
    int latestBudgetVersion(qint64 projectId) const;
    std::optional<qint64> firstPhase(qint64 projectId) const;

    // Reads: the header as JSON plus its entity code.
    std::optional<QPair<QJsonObject, QString>> project(qint64 id) const;
    QJsonArray list(const ProjectFilter &filter, qint64 after, int limit) const;
    QJsonArray phases(qint64 projectId) const;
    QJsonArray tasks(qint64 projectId) const;
    QJsonArray milestones(qint64 projectId) const;
    QJsonObject budget(qint64 projectId) const; // latest version
    QJsonArray billingRules(qint64 projectId) const;
    QJsonArray resourceRequests(qint64 projectId) const;

private:
    DbConfig m_config;
};

} // namespace keel
