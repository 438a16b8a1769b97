#pragma once

#include "time_approval_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Project managers decide their projects' submitted time: the inbox (keyset paged) and
// decisions on many lines at once, all or nothing under row locks, audited once per batch.
// Approval stamps each line's cost from employee_cost_rates and adds hours and cost to the
// tasks' actuals; rejection sends lines back to the consultant with the comment.
class TimeApprovalService
{
public:
    explicit TimeApprovalService(DbConfig config) : m_store(std::move(config)) {}

    static constexpr int kInboxMax = 2000;
    static constexpr int kDecisionMax = 10000;

    // The page after (afterDate, afterId) — next_after "YYYY-MM-DD/uuid" of the previous one.
    // The JSON page {"items", "next_after"?} (see TimeApprovalStore::inboxPage).
    QByteArray inbox(const Request &request, qint64 projectId, qint64 employeeId, const QDate &week,
                     int limit, const QDate &afterDate, const QUuid &afterId) const;
    // {decision: approve|reject, comment, lines: [{id, version}]}: 404 unknown line, 403 a
    // line the caller does not decide, 409 a line no longer submitted, 412 stale, 422 bad body
    // or a line that cannot be costed.
    QJsonObject decide(const Request &request, const QJsonObject &body) const;

private:
    TimeApprovalStore m_store;
};

} // namespace keel
