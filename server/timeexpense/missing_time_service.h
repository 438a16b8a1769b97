#pragma once

#include "missing_time_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Who has not submitted which week, or submitted fewer hours than expected: finance,
// controllers and resource managers see the people of their legal entities, project managers
// the people with time or assignments on their projects. Expected hours are the weekly
// capacity less public holidays and approved leave; weeks expecting nothing are left out, and
// so are weeks that have not started.
class MissingTimeService
{
public:
    explicit MissingTimeService(DbConfig config) : m_store(std::move(config)) {}

    static constexpr int kMaxWeeks = 27;
    static constexpr int kMaxLimit = 5000;

    // The page after (afterWeek, afterEmployee) — next_after "YYYY-MM-DD/employee_id" of the
    // previous one.
    QJsonObject list(const Request &request, const QDate &from, const QDate &to, qint64 projectId,
                     int limit, const QDate &afterWeek, qint64 afterEmployee) const;

private:
    MissingTimeStore m_store;
};

} // namespace keel
