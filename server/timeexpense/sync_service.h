#pragma once

#include "expense_service.h"
#include "sync_store.h"
#include "time_entry_service.h"

#include <QJsonObject>

namespace keel {

struct Request;

// One pushed operation, as validated.
struct SyncOp
{
    QUuid opId;
    QString kind; // time_entry.save | time_entry.delete | expense.save | expense.delete
    QUuid id;
    int baseVersion = 0;
    QJsonObject fields;
};

// The offline-sync protocol (DESIGN.md section 6, README "Sync"): pull of the caller's time
// entries and expenses changed since a cursor, the reference data a client keeps offline, and
// push of a batch of operations, each in its own savepoint and idempotent by op_id.
class SyncService
{
public:
    static constexpr int kMaxPullRows = 2000;
    static constexpr int kMaxOps = 2000;
    static constexpr int kFirstPullDays = 120;

    explicit SyncService(const DbConfig &config);
    const SyncStore &store() const { return m_store; }

    QJsonObject pull(const Request &request) const;
    QJsonObject reference(const Request &request) const;
    QJsonObject push(const Request &request, const QJsonObject &body) const;

private:
    SyncEmployee employee(const Request &request) const;
    // Runs one op in its own savepoint; `store` false when the result must not be kept (a
    // server fault, so a later replay tries again).
    QJsonObject apply(const Request &request, const TimeEmployee &me, const SyncOp &op,
                      bool &store) const;

    SyncStore m_store;
    ExpenseStore m_expenses;
    TimeEntryService m_time;
    ExpenseService m_expenseService;
};

} // namespace keel
