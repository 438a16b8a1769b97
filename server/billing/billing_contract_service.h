#pragma once

#include "db/database.h"

#include <QJsonObject>

namespace keel {

struct Request;

// The contracts a billing run of an entity can bill (signed, amended, completed, terminated),
// for the run's client and contract choices: finance holds no sales.use, so the CRM lists are
// closed to it, and a client never invoiced must still be choosable.
class BillingContractService
{
public:
    explicit BillingContractService(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const { return db::connection(m_config); }

    // ?legal_entity_id=&q=&limit=&after= → {items, next_after?}
    QJsonObject list(const Request &request) const;

private:
    DbConfig m_config;
};

} // namespace keel
