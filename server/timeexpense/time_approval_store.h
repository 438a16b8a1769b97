#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QUuid>

namespace keel {

// Filters and keyset position of the approvals inbox (ordered by work_date, id).
struct InboxQuery
{
    qint64 approverUserId = 0;
    qint64 projectId = 0;  // 0 = all
    qint64 employeeId = 0; // 0 = all
    QDate week;            // Monday; invalid = all
    int limit = 500;
    QDate afterDate; // invalid = first page
    QUuid afterId;
};

// A line named in a decision, as it stands under its row lock.
struct LockedLine
{
    QUuid id;
    int version = 0;
    QString status;
    bool mayDecide = false; // the caller approves this line (see TimeApprovalStore)
};

// A line that cannot be costed: no cost rate on its date, or no exchange rate into the
// project's currency.
struct UncostedLine
{
    QUuid id;
    QString employeeName;
    QDate workDate;
    QString problem; // "no_cost_rate" | "no_fx_rate"
    QString fromCurrency;
    QString toCurrency;
};

// SQL of the project managers' approvals. A line is approved by its project's manager, except
// the manager's own lines, which go to the manager's line manager (employees.manager_id): no
// one approves their own time.
class TimeApprovalStore
{
public:
    explicit TimeApprovalStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // The page as the JSON document the route answers, {"items": [...], "next_after"?}, built
    // by PostgreSQL in one value: a page of thousands of lines costs no parsing here.
    QByteArray inboxPage(const InboxQuery &query) const;

    // Locks the named entries (FOR UPDATE, in id order so concurrent deciders queue instead of
    // deadlocking) and says for each whether `approverUserId` decides it.
    QList<LockedLine> lockLines(const QList<QUuid> &ids, qint64 approverUserId) const;
    // Lines among `ids` that approval could not cost (at most `limit`).
    QList<UncostedLine> uncosted(const QList<QUuid> &ids, int limit) const;
    // submitted → approved with the cost stamped; adds hours and cost (in the project's
    // currency) to the tasks' actuals. Set-based. The lines' total hours.
    QString approve(const QList<QUuid> &ids, qint64 userId) const;
    void reject(const QList<QUuid> &ids, qint64 userId, const QString &reason) const;
    // id → version after the decision.
    QList<QPair<QUuid, int>> versions(const QList<QUuid> &ids) const;

private:
    DbConfig m_config;
};

} // namespace keel
