#pragma once

#include "time_entry_store.h"

#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace keel {

struct Request;

// A consultant's own time entries ("time_entry" state machine): create and edit drafts and
// rejected lines, delete them (status deleted, kept for sync), adjust approved time with a new
// entry that goes through approval again. Every change is one transaction with its audit entry;
// the rules are in time_entry_rules. The caller's employee is the one whose user_id is the
// caller's (403 when there is none).
class TimeEntryService
{
public:
    explicit TimeEntryService(DbConfig config);

    static void registerStateMachines();

    const TimeEntryStore &store() const { return m_store; }

    // Used by the REST routes and by sync (throw ApiError with the status the REST route
    // answers). baseVersion 0 = create; an id that exists already then answers 412 (or 409 when
    // it is not the caller's entry).
    QJsonObject save(const Request &request, const QUuid &id, const QJsonObject &fields,
                     int baseVersion) const;
    QJsonObject remove(const Request &request, const QUuid &id, int baseVersion) const;
    // Takes the employee's time lock for the rest of the caller's transaction, once for a batch
    // of saves and removes (each would otherwise take it again).
    void lockForBatch(TimeEmployee &me) const;
    // The same for a caller whose employee record was read already (sync reads it once per
    // push, not once per op).
    QJsonObject save(const Request &request, const TimeEmployee &me, const QUuid &id,
                     const QJsonObject &fields, int baseVersion) const;
    QJsonObject remove(const Request &request, const TimeEmployee &me, const QUuid &id,
                       int baseVersion) const;
    std::optional<QJsonObject> find(const Request &request, const QUuid &id) const;

    // Own entries with work_date in [from, to], at most 62 days.
    QJsonObject list(const Request &request, const QDate &from, const QDate &to) const;
    // A draft adjustment (body {id, hours: delta, notes}) of an approved or invoiced entry;
    // repeating it with the same new id returns the adjustment unchanged.
    QJsonObject adjust(const Request &request, const QUuid &originalId,
                       const QJsonObject &body) const;

    // Billing: approved entries → invoiced, inside the caller's transaction; 409 when one of
    // them is not approved.
    void markInvoiced(const Request &request, const QList<QUuid> &ids, qint64 invoiceId) const;

private:
    TimeEntryStore m_store;
};

} // namespace keel
