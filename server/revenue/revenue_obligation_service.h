#pragma once

#include "db/database.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Performance obligations (server/revenue/README.md): listed per entity or contract (the lines
// that lack one get it first), and their method changed until the first run measures them.
class RevenueObligationService
{
public:
    explicit RevenueObligationService(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const { return db::connection(m_config); }

    QJsonObject list(const Request &request) const;
    QJsonObject patch(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    DbConfig m_config;
};

} // namespace keel
