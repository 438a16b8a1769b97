#pragma once

#include "db/database.h"

#include <QByteArray>
#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace keel {

// The caller as an employee: whose expenses, which entity, who manages them.
struct EmployeeRef
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 legalEntityId = 0;
    QString entity;             // legal entity code
    QString functionalCurrency; // the entity's
    qint64 managerUserId = 0;   // 0 = no manager (or the manager has no user)
};

struct CategoryRow
{
    // Amounts in the entity's functional currency, as decimal text.
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString name;
    QString capKind;
    QString capAmount; // decimal text, empty when none
    QString receiptRequiredAbove;
    bool billableDefault = true;
    QString markupPct;
    bool active = true;
};

struct ProjectRef
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString status;
    qint64 projectManagerId = 0;
};

struct ExpenseRow
{
    QUuid id;
    qint64 employeeId = 0;
    qint64 legalEntityId = 0;
    qint64 categoryId = 0;
    QDate date;
    QString status;
    int version = 0;
    QString functionalAmount; // decimal text
    QString functionalCurrency;
    QString policyBreach;
    QString justification;
    QJsonObject json;
};

// The values of an expense the service has checked.
struct ExpenseValues
{
    QUuid id;
    qint64 employeeId = 0;
    qint64 legalEntityId = 0;
    qint64 categoryId = 0;
    qint64 projectId = 0; // 0 = none
    qint64 taskId = 0;
    QDate date;
    QString description;
    QString amount; // decimal text
    QString currency;
    QString fxRate;
    QString functionalAmount;
    QString functionalCurrency;
    bool billable = false;
    QString markupPct;
    QString policyBreach; // empty = none
    QString justification;
    qint64 userId = 0;
};

struct ReceiptRow
{
    QUuid id;
    QUuid expenseId;
    qint64 employeeId = 0;
    QString entity;
    QString fileName;
    QString mimeType;
    QByteArray sha256;
    QByteArray content;
    QJsonObject json;
};

// SQL for expense categories, expenses and receipts.
class ExpenseStore
{
public:
    explicit ExpenseStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<qint64> entityId(const QString &code) const; // legal entity by code
    std::optional<EmployeeRef> employeeOfUser(qint64 userId) const;
    std::optional<EmployeeRef> employee(qint64 id) const;
    QJsonArray categories(qint64 legalEntityId) const;
    std::optional<CategoryRow> category(qint64 id) const;
    // One category as the categories route lists it, with its version; lock for an update.
    std::optional<QJsonObject> categoryJson(qint64 id, bool lock) const;
    bool categoryCodeTaken(qint64 legalEntityId, const QString &code, qint64 except) const;
    qint64 insertCategory(const CategoryRow &c, const QString &code) const;
    void updateCategory(const CategoryRow &c) const; // bumps version
    std::optional<ProjectRef> project(qint64 id) const;
    std::optional<qint64> projectOfTask(qint64 taskId) const;
    // Soft- or hard-closed accounting period of the entity containing `date`.
    bool periodClosed(qint64 legalEntityId, QDate date) const;

    std::optional<ExpenseRow> expense(const QUuid &id, bool lock) const;
    QJsonArray expenses(qint64 employeeId, QDate from, QDate to, const QString &status) const;
    void insert(const ExpenseValues &v) const;
    void update(const ExpenseValues &v) const; // bumps version; status back to draft
    void setDeleted(const QUuid &id) const;
    // Sum of functional amounts of the employee's other live expenses of a category on a day.
    QString sameDayTotal(qint64 employeeId, qint64 categoryId, QDate date,
                         const QUuid &except) const;

    int receiptCount(const QUuid &expenseId) const;
    std::optional<ReceiptRow> receipt(const QUuid &id, bool withContent) const;
    void insertReceipt(const QUuid &id, const QUuid &expenseId, const QString &fileName,
                       const QString &mimeType, const QByteArray &sha256, const QByteArray &content,
                       qint64 userId) const;
    // Marks the expense changed for sync pulls without changing its version.
    void touch(const QUuid &id) const;

private:
    DbConfig m_config;
};

} // namespace keel
