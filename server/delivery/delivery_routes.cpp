#include "delivery_routes.h"

#include "delivery_service.h"
#include "http/paging.h"
#include "http/router.h"
#include "permissions.h"
#include "project_routes.h"

namespace keel {

void registerDeliveryRoutes(Router &router, const DeliveryService &service)
{
    using namespace Permission;
    const auto *s = &service;
    // Projects are read by delivery users and, for projects created from their contracts, by
    // sales users: the route admits any signed-in user and the service applies that rule per
    // legal entity (403 / 404 otherwise).
    router.add({"GET", "/api/v1/delivery/projects", Authenticated, Scope::LegalEntity,
                "List projects (delivery, or sales for projects from their contracts)",
                [s](Request &r) { return Reply::json(s->list(r, PageRequest::from(r))); }});
    router.add(
        {"GET", "/api/v1/delivery/projects/{id}", Authenticated, Scope::LegalEntity,
         "A project with phases, tasks, milestones, budget and resource requests",
         [s](Request &r) { return Reply::json(s->get(r, r.idParam(QStringLiteral("id")))); }});
    router.add({"POST", "/api/v1/delivery/handover/{contract_id}", DeliveryUse, Scope::LegalEntity,
                "Hand a signed contract over (idempotent)", [s](Request &r) {
                    return Reply::json(
                        s->handoverRoute(r, r.idParam(QStringLiteral("contract_id"))));
                }});
    if (service.hasProjects())
        registerProjectRoutes(router, service.projects(), service.changeRequests());
}

} // namespace keel
