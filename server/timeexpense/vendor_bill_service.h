#pragma once

#include "expense_store.h"
#include "ledger/ledger_service.h"
#include "money.h"
#include "vendor_bill_store.h"
#include "vendor_service.h"

#include <QJsonObject>

namespace keel {

class JsonReader;
struct Request;
struct StateMachine;

// Vendor bills: lines against project and task with hours × rate (each line rounded to the
// cent), within the agreement's cap, or other costs by amount without a project; submit, then
// approval by a manager of the lines' projects or finance of the entity — never the bill's
// creator. Approval stores the bill date's rate and the functional total AP carries.
class VendorBillService
{
public:
    VendorBillService(DbConfig config, const VendorService &vendors);
    static void registerStateMachines();
    static const StateMachine &machine();
    const VendorBillStore &store() const { return m_store; }

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject list(const Request &request) const;
    QJsonObject get(const Request &request, qint64 id) const;
    // A draft's fields (vendor_ref, bill_date, due_date, lines: all replaced); version required.
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject submit(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject decide(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    BillRow visibleBill(const Request &request, qint64 id, bool lock) const;
    // 422 on `field` when `total` would take the agreement beyond its cap.
    void checkCap(const AgreementRow &agreement, const Money &total, qint64 exceptBill,
                  const QString &field) const;
    // The agreement (row-locked) when it is the vendor's; problems go to `in`.
    std::optional<AgreementRow> agreementFor(JsonReader &in, qint64 vendorId, qint64 agreementId,
                                             QDate billDate) const;
    // 423 when the entity's period of `billDate` is hard-closed.
    void requireOpenPeriod(qint64 entityId, QDate billDate) const;
    // The lines into `out`, problems into `in`; the total.
    Money readLines(JsonReader &in, const QJsonArray &lines, const VendorRow &vendor,
                    const std::optional<AgreementRow> &agreement, const Currency &cur,
                    QList<BillLineValues> &out) const;

    VendorBillStore m_store;
    ExpenseStore m_projects; // project and task lookups
    const VendorService &m_vendors;
    LedgerService m_ledger;
};

// hours × rate in `currency`, rounded half away from zero to its minor unit, once.
Money lineAmount(const Decimal &hours, const Decimal &rate, const Currency &currency);

} // namespace keel
