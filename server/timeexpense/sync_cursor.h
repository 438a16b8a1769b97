#pragma once

#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>

namespace keel {

// Where a pull resumes. A finished pull answers the snapshot-xmin bound alone ("8123"): every
// transaction below it had ended when the rows were read, so nothing below can still appear.
// A page cut short also names the last row sent ("8123:t:<uuid>"), because one transaction
// (a bulk approval) can stamp thousands of rows with the same xid; and a first pull carries
// its date floor along ("…:2026-07-28") so its later pages keep the same window. A page that
// saw reference data change says so to the pages after it (":r"), because a client looks at
// reference_changed on the last page only.
struct SyncCursor
{
    enum class Kind
    {
        TimeEntry = 0,
        Expense = 1
    };

    quint64 xid = 0;               // change_xid lower bound (inclusive)
    std::optional<Kind> afterKind; // set when resuming after a row ...
    QUuid afterId;                 // ... of this kind and id with change_xid == xid
    QDate since;                   // first pull only: work/expense date floor
    bool referenceChanged = false; // resuming only: an earlier page saw reference changes

    bool resumes() const { return afterKind.has_value(); }
    QString toString() const;
    // std::nullopt for anything this server did not write.
    static std::optional<SyncCursor> parse(const QString &text);
};

} // namespace keel
