#pragma once

#include "time_entry_store.h"
#include "timesheet_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// A consultant's weeks (Monday to Sunday): what each holds and its submission, which sends
// every draft and rejected line of the week to its project's manager (time_approval_service).
class TimesheetService
{
public:
    explicit TimesheetService(DbConfig config);

    // Weeks touching [from, to], at most 53.
    QJsonObject weeks(const Request &request, const QDate &from, const QDate &to) const;
    // One transaction with its audit entry; 422 when `monday` is not a Monday, 423 when a line
    // to submit lies in a closed period. An empty week may be submitted (0 hours, on leave).
    QJsonObject submit(const Request &request, const QDate &monday) const;

private:
    TimeEntryStore m_entries;
    TimesheetStore m_store;
};

} // namespace keel
