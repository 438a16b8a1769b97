#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QVariant>

#include <optional>

namespace keel {

// The facts the project rules need about a project.
struct ProjectRow
{
    qint64 id = 0;
    QString entity; // legal entity code
    qint64 legalEntityId = 0;
    qint64 projectManagerId = 0;
    QString practice; // code, may be empty
    QString name;
    QString currency;
    QString status;
    QDate startDate;
    QDate endDate;
    int version = 0;
};

// A row of a project's child table (phase, task, milestone, status report, change request).
struct ChildRow
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString state; // status / state column, empty where the table has none
    int version = 0;
    QJsonObject json;
};

struct NewProject
{
    qint64 legalEntityId = 0;
    qint64 accountId = 0;
    qint64 practiceId = 0;
    qint64 projectManagerId = 0;
    qint64 offeringId = 0;
    QString name;
    QString currency;
    QDate startDate;
    QDate endDate;
    qint64 createdBy = 0;
};

struct ChangeRequestLine
{
    qint64 jobRoleId = 0;
    qint64 phaseId = 0;
    QString deltaHours; // decimal text
    QString deltaValue; // decimal text in the project's currency
};

// SQL for projects created by hand and their work breakdown, milestones, budget versions,
// estimates, status reports and change requests. Updates name their columns; values are bound.
class ProjectStore
{
public:
    explicit ProjectStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // --- lookups ------------------------------------------------------------------------
    std::optional<qint64> entityId(const QString &code) const;
    std::optional<qint64> practiceId(const QString &code) const;
    // The account's entity id and billing currency.
    std::optional<QPair<qint64, QString>> account(qint64 id) const;
    bool offeringExists(qint64 id) const;
    bool jobRoleExists(qint64 id) const;
    bool userHoldsRole(qint64 userId, const QString &role, qint64 entityId) const;

    // --- projects -----------------------------------------------------------------------
    std::optional<ProjectRow> project(qint64 id, bool lock) const;
    qint64 insertProject(const NewProject &p) const;
    // Phase 1 named after the offering, one task per role of its standard effort, its
    // milestones (amount 0, planned start + week offset), budget version 1 by role: cost at the
    // role's standard cost, revenue at the entity's standard rate card (both at the start date,
    // rounded per line at the minor unit; 0 without one). Blank projects get an empty version 1.
    void applyOfferingTemplate(qint64 projectId, qint64 offeringId, int minorUnits) const;
    void insertEmptyBudget(qint64 projectId, qint64 userId) const;
    void updateProject(qint64 id, const QVariantMap &columns) const; // bumps version

    // --- children -----------------------------------------------------------------------
    std::optional<ChildRow> phase(qint64 id, bool lock) const;
    std::optional<ChildRow> task(qint64 id, bool lock) const;
    std::optional<ChildRow> milestone(qint64 id, bool lock) const;
    std::optional<ChildRow> statusReport(qint64 id, bool lock) const;
    qint64 insertPhase(qint64 projectId, const QString &name, const QDate &start,
                       const QDate &end) const;
    qint64 insertTask(qint64 projectId, qint64 phaseId, const QString &name, qint64 jobRoleId,
                      const QString &budgetHours, bool billable) const;
    qint64 insertMilestone(qint64 projectId, const QString &name, const QString &amount,
                           const QString &currency, const QDate &planned) const;
    // table ∈ project_phases, project_tasks, project_milestones, project_status_reports.
    void updateChild(const QString &table, qint64 id, const QVariantMap &columns) const;

    // --- budget -------------------------------------------------------------------------
    QJsonArray budgetVersions(qint64 projectId, int after, int limit) const;
    int currentBudgetVersion(qint64 projectId) const;
    // Current hours per (role, phase) for the change request check.
    QString budgetHours(qint64 projectId, qint64 jobRoleId, qint64 phaseId) const;

    // --- estimate -----------------------------------------------------------------------
    QJsonObject estimate(qint64 projectId) const;

    // --- status reports -----------------------------------------------------------------
    // nullopt when the project has one for the period already.
    std::optional<qint64> insertStatusReport(qint64 projectId, const QString &period,
                                             const QString &rag, const QString &narrative,
                                             qint64 userId) const;
    QJsonArray statusReports(qint64 projectId, qint64 after, int limit) const;

    // --- change requests ----------------------------------------------------------------
    // Standard cost of delta hours for the role in the project's entity and currency today,
    // rounded at the minor unit.
    QString deltaCost(qint64 projectId, qint64 jobRoleId, const QString &hours,
                      int minorUnits) const;
    qint64 insertChangeRequest(qint64 projectId, const QString &reason, const QString &deltaValue,
                               const QString &deltaHours, const QDate &newStart,
                               const QDate &newEnd, qint64 userId) const;
    void insertChangeRequestLine(qint64 changeRequestId, int lineNo, const ChangeRequestLine &l,
                                 const QString &deltaCost) const;
    std::optional<ChildRow> changeRequest(qint64 id, bool lock) const;
    QJsonArray changeRequests(qint64 projectId, qint64 after, int limit) const;
    void setChangeRequest(qint64 id, const QVariantMap &columns) const;
    // The project's approved change value and dates take the request's.
    void applyChange(qint64 projectId, qint64 changeRequestId) const;
    // Budget version N+1 = version N + the request's lines; returns N+1.
    int rebaseline(qint64 projectId, qint64 changeRequestId, qint64 userId) const;

private:
    DbConfig m_config;
};

} // namespace keel
