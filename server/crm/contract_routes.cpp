#include "contract_routes.h"

#include "contract_service.h"
#include "http/concurrency.h"
#include "http/paging.h"
#include "http/router.h"
#include "permissions.h"

namespace keel {

void registerContractRoutes(Router &router, const ContractService &service)
{
    using namespace Permission;
    const auto *s = &service;
    const QString base = QStringLiteral("/api/v1/crm/contracts");

    router.add({"GET", base, SalesUse, Scope::LegalEntity, "List contracts",
                [s](Request &r) { return Reply::json(s->list(r, PageRequest::from(r))); }});
    router.add(
        {"POST", base, SalesUse, Scope::LegalEntity, "Enter a contract directly", [s](Request &r) {
             const QJsonObject body = r.jsonObject();
             return idempotent(s->store().db(), r,
                               [&] { return Reply::json(s->create(r, body), 201); });
         }});
    router.add({"POST", "/api/v1/crm/quotes/{id}/contract", SalesUse, Scope::LegalEntity,
                "Create a contract from an accepted quote", [s](Request &r) {
                    const qint64 quoteId = r.idParam(QStringLiteral("id"));
                    const QJsonObject body = r.jsonObject();
                    return idempotent(s->store().db(), r, [&] {
                        return Reply::json(s->createFromQuote(r, quoteId, body), 201);
                    });
                }});
    router.add({"GET", base + QStringLiteral("/{id}"), SalesUse, Scope::LegalEntity,
                "A contract with its lines", [s](Request &r) {
                    return Reply::json(s->get(r, r.idParam(QStringLiteral("id"))));
                }});
    router.add({"POST", base + QStringLiteral("/{id}/sign"), SalesUse, Scope::LegalEntity,
                "Sign a draft contract (numbers it and hands it over to delivery)",
                [s](Request &r) {
                    return Reply::json(s->sign(r, r.idParam(QStringLiteral("id")), r.jsonObject()));
                }});
    router.add({"POST", base + QStringLiteral("/{id}/complete"), SalesUse, Scope::LegalEntity,
                "Mark a signed contract completed", [s](Request &r) {
                    return Reply::json(s->close(r, r.idParam(QStringLiteral("id")),
                                                QStringLiteral("complete"), r.jsonObject()));
                }});
    router.add({"POST", base + QStringLiteral("/{id}/terminate"), SalesUse, Scope::LegalEntity,
                "Terminate a signed contract", [s](Request &r) {
                    return Reply::json(s->close(r, r.idParam(QStringLiteral("id")),
                                                QStringLiteral("terminate"), r.jsonObject()));
                }});
    router.add({"GET", base + QStringLiteral("/{id}/versions/{n}"), SalesUse, Scope::LegalEntity,
                "A kept version of a signed contract", [s](Request &r) {
                    return Reply::json(s->versionOf(r, r.idParam(QStringLiteral("id")),
                                                    int(r.idParam(QStringLiteral("n")))));
                }});
    router.add({"GET", base + QStringLiteral("/{id}/change-orders"), SalesUse, Scope::LegalEntity,
                "Change orders of a contract", [s](Request &r) {
                    return Reply::json(
                        s->changeOrders(r, r.idParam(QStringLiteral("id")), PageRequest::from(r)));
                }});
    router.add({"POST", base + QStringLiteral("/{id}/change-orders"), SalesUse, Scope::LegalEntity,
                "Submit a change order for approval", [s](Request &r) {
                    return Reply::json(
                        s->submitChangeOrder(r, r.idParam(QStringLiteral("id")), r.jsonObject()),
                        201);
                }});
    router.add({"GET", "/api/v1/crm/change-orders/{id}", SalesUse, Scope::LegalEntity,
                "A contract change order", [s](Request &r) {
                    return Reply::json(s->changeOrder(r, r.idParam(QStringLiteral("id"))));
                }});
}

} // namespace keel
