#pragma once

#include "account_service.h"
#include "lead_store.h"

#include <memory>

namespace keel::crm {

// Leads: new → contacted → qualified → converted, and new | contacted | qualified →
// disqualified. Conversion (qualified only) creates the account (or uses an existing one), the
// contact and the opportunity in one transaction: all three or nothing.
class LeadService
{
public:
    LeadService(DbConfig config, std::shared_ptr<const AccountService> accounts)
        : m_store(std::move(config)), m_accounts(std::move(accounts))
    {}

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject list(const Request &request) const;
    // Body: {"version", "account_id"? | "account": {fields}?, "confirm_duplicate"?,
    //        "contact": {fields}?, "opportunity": {fields}?}
    QJsonObject convert(const Request &request, qint64 id, const QJsonObject &body) const;

    static const QStringList &sources();
    static const QStringList &statuses();
    // Whether status `to` may follow `from` through an update (conversion has its own action).
    static bool allowedTransition(const QString &from, const QString &to);

private:
    LeadRow visibleLead(const Request &request, qint64 id, bool forUpdate = false) const;
    void readLead(JsonReader &in, LeadFields &f) const;

    LeadStore m_store;
    std::shared_ptr<const AccountService> m_accounts;
};

} // namespace keel::crm
