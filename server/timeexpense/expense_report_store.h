#pragma once

#include "db/database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace keel {

struct ReportRow
{
    qint64 id = 0;
    qint64 employeeId = 0;
    qint64 employeeUserId = 0;
    qint64 managerUserId = 0; // the employee's manager's user, 0 when none
    qint64 legalEntityId = 0;
    QString entity;
    QString status;
    int version = 0;
    QJsonObject json; // without expenses
};

// Who may see or decide which reports: entity codes ("*" = all) where the caller approves
// expenses and where they hold the finance role.
struct ApproverScope
{
    qint64 userId = 0;
    QStringList approverEntities;
    QStringList financeEntities;
};

// SQL for expense reports and the status of the expenses they carry.
class ExpenseReportStore
{
public:
    explicit ExpenseReportStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    qint64 insert(qint64 employeeId, qint64 legalEntityId, const QString &title,
                  const QString &currency, const QString &total) const;
    std::optional<ReportRow> report(qint64 id, bool lock) const;
    QJsonArray expensesOf(qint64 reportId) const;
    QJsonArray mine(qint64 employeeId) const;
    QJsonArray toApprove(const ApproverScope &scope) const;

    void setJustification(const QUuid &expense, const QString &text) const;
    void setPolicyBreach(const QUuid &expense, const QString &breach) const;
    void submitExpense(const QUuid &expense, qint64 reportId) const;
    void setStatus(qint64 reportId, const QString &status) const;
    void managerApproved(qint64 reportId, qint64 userId) const;
    void financeApproved(qint64 reportId, qint64 userId) const;
    void rejected(qint64 reportId, const QString &reason) const;
    // All expenses of the report to `status` (with the reason when rejected); versions bump.
    void setExpenseStatus(qint64 reportId, const QString &status, const QString &reason) const;

private:
    DbConfig m_config;
};

} // namespace keel
