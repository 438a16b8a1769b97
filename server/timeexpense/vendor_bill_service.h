#pragma once

#include "expense_store.h"
#include "ledger/ledger_service.h"
#include "money.h"
#include "vendor_bill_store.h"
#include "vendor_service.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Vendor bills: lines against project and task with hours × rate (each line rounded to the
// cent), within the agreement's cap; submit, then approval by a manager of the lines' projects
// or finance of the entity — never the bill's creator.
class VendorBillService
{
public:
    VendorBillService(DbConfig config, const VendorService &vendors);
    static void registerStateMachines();
    const VendorBillStore &store() const { return m_store; }

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject list(const Request &request) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject submit(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject decide(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    BillRow visibleBill(const Request &request, qint64 id, bool lock) const;
    // 422 on `field` when `total` would take the agreement beyond its cap.
    void checkCap(const AgreementRow &agreement, const Money &total, qint64 exceptBill,
                  const QString &field) const;

    VendorBillStore m_store;
    ExpenseStore m_projects; // project and task lookups
    const VendorService &m_vendors;
    LedgerService m_ledger;
};

// hours × rate in `currency`, rounded half away from zero to its minor unit, once.
Money lineAmount(const Decimal &hours, const Decimal &rate, const Currency &currency);

} // namespace keel
