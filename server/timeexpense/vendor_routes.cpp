#include "vendor_routes.h"

#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"
#include "vendor_bill_service.h"
#include "vendor_service.h"

#include <memory>

namespace keel {

void registerVendorRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    VendorBillService::registerStateMachines();
    const auto vendors = std::make_shared<const VendorService>(database);
    // The bill service keeps a reference to the vendor service; the lambdas own both.
    const auto bills = std::shared_ptr<const VendorBillService>(
        new VendorBillService(database, *vendors),
        [vendors](const VendorBillService *p) { delete p; });
    const QString base = QStringLiteral("/api/v1");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    router.add({"GET", base + "/vendors", PayablesManage, Scope::LegalEntity,
                "Vendors of the entities whose payables the caller manages",
                [vendors](Request &r) { return Reply::json(vendors->vendors(r)); }});
    router.add({"POST", base + "/vendors", PayablesManage, Scope::LegalEntity, "Create a vendor",
                [vendors](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(vendors->store().db(), r, [&] {
                        return Reply::json(vendors->createVendor(r, body), 201);
                    });
                }});
    router.add({"GET", base + "/subcontract-agreements", PayablesManage, Scope::LegalEntity,
                "Subcontract agreements with what is billed and what is left under the cap",
                [vendors](Request &r) { return Reply::json(vendors->agreements(r)); }});
    router.add(
        {"POST", base + "/subcontract-agreements", PayablesManage, Scope::LegalEntity,
         "Create a subcontract agreement (hourly rate, optional cap)", [vendors](Request &r) {
             const QJsonObject body = r.jsonObject();
             return idempotent(vendors->store().db(), r,
                               [&] { return Reply::json(vendors->createAgreement(r, body), 201); });
         }});
    router.add({"GET", base + "/vendor-bills", PayablesManage, Scope::LegalEntity,
                "Vendor bills (?status=&vendor_id=)",
                [bills](Request &r) { return Reply::json(bills->list(r)); }});
    router.add({"POST", base + "/vendor-bills", PayablesManage, Scope::LegalEntity,
                "Enter a vendor bill with lines against project and task", [bills](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(bills->store().db(), r,
                                      [&] { return Reply::json(bills->create(r, body), 201); });
                }});
    router.add({"GET", base + "/vendor-bills/{id}", PayablesManage, Scope::LegalEntity,
                "One vendor bill with its lines",
                [bills, id](Request &r) { return Reply::json(bills->get(r, id(r))); }});
    router.add(
        {"PATCH", base + "/vendor-bills/{id}", PayablesManage, Scope::LegalEntity,
         "Edit a draft vendor bill (vendor_ref, bill_date, due_date, lines); version",
         [bills, id](Request &r) { return Reply::json(bills->update(r, id(r), r.jsonObject())); }});
    router.add({"POST", base + "/vendor-bills/{id}/submit", PayablesManage, Scope::LegalEntity,
                "Submit a draft or rejected vendor bill for approval", [bills, id](Request &r) {
                    return Reply::json(bills->submit(r, id(r), r.jsonObject()));
                }});
    router.add(
        {"POST", base + "/vendor-bills/{id}/decide", PayablesManage, Scope::MyProjects,
         "Approve or reject: the manager of the bill's projects or finance, not its "
         "creator",
         [bills, id](Request &r) { return Reply::json(bills->decide(r, id(r), r.jsonObject())); }});
}

} // namespace keel
