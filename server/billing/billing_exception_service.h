#pragma once

#include "db/database.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Billing exceptions (server/billing/README.md): hours a run could not bill, a cap reached
// (cap_exceeded) or no rate (no_rate). Open until finance writes them off (the hours stay
// claimed and are never billed) or releases them (the claims go, the next run bills them; a
// cap_exceeded exception only once a change order has raised the cap: 409 cap_still_reached).
class BillingExceptionService
{
public:
    explicit BillingExceptionService(DbConfig config) : m_config(std::move(config)) {}
    static void registerStateMachines();
    QSqlDatabase db() const { return db::connection(m_config); }

    QJsonObject list(const Request &request) const;
    QJsonObject writeOff(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject release(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    QJsonObject resolve(const Request &request, qint64 id, const QJsonObject &body,
                        const QString &action) const;

    DbConfig m_config;
};

} // namespace keel
