#pragma once

#include "db/database.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Recognition schedules per contract and the revenue forecast by month
// (server/revenue/README.md "Schedules and forecast").
class RevenueForecastService
{
public:
    explicit RevenueForecastService(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const { return db::connection(m_config); }

    QJsonObject schedule(const Request &request, qint64 contractId) const;
    QJsonObject forecast(const Request &request) const;
    QJsonObject monthContracts(const Request &request, const QString &period) const;

private:
    DbConfig m_config;
};

} // namespace keel
