#pragma once

#include "delivery_store.h"

#include <QJsonObject>

namespace keel {

class DomainEvents;
struct PageRequest;
struct Request;

// The delivery context's first records. Subscribes to crm's contract.signed (the handover:
// project, phase and tasks, budget baseline version 1 by role, milestones, billing rules,
// resource requests — in the signing transaction) and contract.amended (a new budget version).
class DeliveryService
{
public:
    explicit DeliveryService(DbConfig config);

    void subscribe(DomainEvents &events) const;

    // Inside the caller's transaction; idempotent: a project that exists for the contract is
    // returned as is. Returns the project id.
    qint64 handover(const Request &request, qint64 contractId) const;
    // POST /delivery/handover/{contract_id}: own transaction; {"project": …, "created": bool}.
    QJsonObject handoverRoute(const Request &request, qint64 contractId) const;
    void contractAmended(const Request &request, qint64 contractId, int contractVersion) const;

    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject get(const Request &request, qint64 id) const;

private:
    QJsonObject projectJson(qint64 id) const;

    DeliveryStore m_store;
};

} // namespace keel
