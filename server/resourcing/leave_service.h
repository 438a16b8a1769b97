#pragma once

#include "leave_store.h"

#include <QJsonObject>

namespace keel {

struct PageRequest;
struct Request;

// Leave (requested → approved | rejected, → cancelled; only approved leave reduces capacity)
// and public holiday calendars per country.
class LeaveService
{
public:
    explicit LeaveService(DbConfig config);
    static void registerStateMachines();

    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    // action: approve | reject | cancel
    QJsonObject transition(const Request &request, qint64 id, const QString &action,
                           const QJsonObject &body) const;

    QJsonObject holidays(const Request &request, const PageRequest &page) const;
    QJsonObject createHoliday(const Request &request, const QJsonObject &body) const;

private:
    LeaveStore m_store;
};

} // namespace keel
