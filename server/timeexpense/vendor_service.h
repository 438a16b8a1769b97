#pragma once

#include "expense_store.h"
#include "vendor_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Vendors (subcontractors) and their agreements (hourly rate, optional cap), for holders of
// payables.manage in the vendor's entity.
class VendorService
{
public:
    explicit VendorService(DbConfig config);
    const VendorStore &store() const { return m_store; }

    QJsonObject vendors(const Request &request) const;
    QJsonObject createVendor(const Request &request, const QJsonObject &body) const;
    QJsonObject agreements(const Request &request) const;
    QJsonObject createAgreement(const Request &request, const QJsonObject &body) const;

    // The vendor, 404 when it is missing or of an entity the caller does not manage payables for.
    VendorRow visibleVendor(const Request &request, qint64 id) const;

private:
    VendorStore m_store;
    ExpenseStore m_projects; // entity and project lookups
};

// Entity codes ("*" = all) where the caller manages payables.
QStringList payablesEntities(const Request &request);

} // namespace keel
