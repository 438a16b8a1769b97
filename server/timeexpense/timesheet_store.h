#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace keel {

// SQL of a consultant's weeks: timesheet_weeks and the week's time entries.
class TimesheetStore
{
public:
    explicit TimesheetStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // One object per week from `firstMonday` to `lastMonday`: week_start, hours, submitted,
    // submitted_at, statuses {status: count}.
    QJsonArray weeks(qint64 employeeId, const QDate &firstMonday, const QDate &lastMonday) const;

    // The first draft or rejected entry date of the week that lies in a closed period of the
    // entry's or the employee's legal entity, with the period's status; invalid date when none.
    QPair<QDate, QString> closedDay(qint64 employeeId, qint64 employeeEntityId,
                                    const QDate &monday) const;
    // The week's draft and rejected entries → submitted; their ids.
    QList<QUuid> submitLines(qint64 employeeId, const QDate &monday) const;
    // Records (or re-records) the week's submission with its hours.
    void recordWeek(qint64 employeeId, const QDate &monday) const;

private:
    DbConfig m_config;
};

} // namespace keel
