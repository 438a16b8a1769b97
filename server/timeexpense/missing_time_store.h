#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QStringList>

namespace keel {

// Whose weeks a missing-time query covers and where the page starts.
struct MissingTimeQuery
{
    QDate firstMonday;
    QDate lastMonday;
    QStringList entities;     // codes whose employees are covered; "*" = all
    qint64 managerUserId = 0; // also the people with time or assignments on their projects
    qint64 projectId = 0;     // only people with time or assignments on this project
    int limit = 1000;
    QDate afterWeek; // keyset (week_start, employee_id)
    qint64 afterEmployee = 0;
};

// SQL of missing time: expected hours per person and week (employee_week_capacity: weekly
// capacity less public holidays and approved leave), hours entered, and whether the week was
// submitted.
class MissingTimeStore
{
public:
    explicit MissingTimeStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    QJsonArray weeks(const MissingTimeQuery &query) const;
    // The project's legal entity code and manager; empty code when there is no such project.
    QPair<QString, qint64> project(qint64 id) const;

private:
    DbConfig m_config;
};

} // namespace keel
