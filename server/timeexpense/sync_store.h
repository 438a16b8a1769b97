#pragma once

#include "db/database.h"
#include "sync_cursor.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace keel {

// The employee a sync caller books as.
struct SyncEmployee
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString entity; // legal entity code
    QString weeklyCapacityHours;
};

// What the pull's snapshot says about running transactions: every transaction of this database
// below xmin had ended when the snapshot was taken.
struct SyncBound
{
    quint64 xmin = 0;
    quint64 xmax = 0;
};

// One changed row, in pull order (change_xid, kind, id).
struct SyncChange
{
    quint64 xid = 0;
    SyncCursor::Kind kind = SyncCursor::Kind::TimeEntry;
    QUuid id;
};

// A stored push result.
struct SyncStoredOp
{
    qint64 userId = 0;
    QJsonObject result;
};

// SQL of the sync protocol: changed rows between a cursor and the snapshot bound, the
// reference data a client keeps offline, and the stored results of pushed operations.
class SyncStore
{
public:
    explicit SyncStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<SyncEmployee> employeeOfUser(qint64 userId) const;

    // Makes the open transaction one snapshot for all that follows (the bound and the rows it
    // bounds); must come before any other statement of the transaction.
    void beginSnapshot() const;
    SyncBound bound() const;
    // Rows of one kind after `from` and below `bound`, at most `limit`, in pull order.
    QList<SyncChange> changes(SyncCursor::Kind kind, qint64 employeeId, const SyncCursor &from,
                              quint64 bound, int limit) const;
    // Entry JSON (README "Time") by id.
    QHash<QUuid, QJsonObject> timeEntries(const QList<QUuid> &ids) const;
    // Whether anything of the employee's reference data changed in [from, bound).
    bool referenceChanged(const SyncEmployee &employee, quint64 from, quint64 bound) const;

    // --- reference data ----------------------------------------------------------------
    QDate today() const;
    // Projects with a hard assignment of the employee overlapping [today-60, today+60] or
    // with the employee's time in the last 60 days; and their tasks.
    QJsonArray projects(qint64 employeeId, const QDate &today) const;
    QJsonArray tasks(const QList<qint64> &projectIds) const;
    QJsonArray assignments(qint64 employeeId, const QDate &today) const;

    // --- pushed operations -------------------------------------------------------------
    QHash<QUuid, SyncStoredOp> storedOps(const QList<QUuid> &opIds) const;
    // Stores the results of one push in one statement; the number stored (fewer when a
    // concurrent push stored some of the same op ids first).
    qsizetype recordOps(qint64 userId, const QList<QPair<QUuid, QJsonObject>> &results) const;

private:
    DbConfig m_config;
};

} // namespace keel
