#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariantList>

#include <optional>

namespace keel {

struct AssignmentRow
{
    qint64 employeeId = 0, projectId = 0, opportunityId = 0, taskId = 0, requestId = 0;
    QDate start, end;
    QString hoursPerWeek, kind, probability;
    bool overallocated = false;
    qint64 confirmedBy = 0, createdBy = 0;
};

struct AssignmentFilter
{
    QString visibleSql; // condition on a, e, le, p
    QVariantList visibleBinds;
    qint64 employeeId = 0, projectId = 0, requestId = 0;
    QString kind;
    QDate from, to;
};

class AssignmentStore
{
public:
    explicit AssignmentStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    qint64 insert(const AssignmentRow &row) const;
    void update(qint64 id, const AssignmentRow &row) const;
    void remove(qint64 id) const;
    // JSON plus the employee's entity code.
    std::optional<QPair<QJsonObject, QString>> assignment(qint64 id, bool lock = false) const;
    QJsonArray list(const AssignmentFilter &filter, qint64 after, int limit) const;
    // Locks the employee row (serialises staffing of one person); entity code, nullopt if none.
    std::optional<QString> lockEmployee(qint64 employeeId) const;
    bool taskOfProject(qint64 taskId, qint64 projectId) const;
    // Project / opportunity of a request, its kind and probability.
    struct RequestFacts
    {
        qint64 projectId = 0, opportunityId = 0;
        QString kind, probability, status;
    };
    std::optional<RequestFacts> requestFacts(qint64 requestId) const;

private:
    DbConfig m_config;
};

} // namespace keel
