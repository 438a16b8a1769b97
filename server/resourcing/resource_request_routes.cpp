#include "resource_request_routes.h"

#include "http/concurrency.h"
#include "http/paging.h"
#include "http/router.h"
#include "permissions.h"
#include "resource_request_service.h"

namespace keel {

void registerResourceRequestRoutes(Router &router,
                                   std::shared_ptr<const ResourceRequestService> service)
{
    using namespace Permission;
    const auto s = std::move(service);
    // Sales (soft, from opportunities of their entities), project managers (hard, their
    // projects) and resource managers (both, their entities): checked per row by the service.
    router.add({"GET", "/api/v1/resourcing/requests", Authenticated, Scope::LegalEntity,
                "List resource requests (filters: status, kind, role, project_id, "
                "opportunity_id)",
                [s](Request &r) { return Reply::json(s->list(r, PageRequest::from(r))); }});
    router.add({"POST", "/api/v1/resourcing/requests", Authenticated, Scope::LegalEntity,
                "Create a resource request: soft from an opportunity, hard from a project",
                [s](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(s->store().db(), r,
                                      [&] { return Reply::json(s->create(r, body), 201); });
                }});
    router.add({"GET", "/api/v1/resourcing/requests/{id}", Authenticated, Scope::LegalEntity,
                "A resource request with its required skills", [s](Request &r) {
                    return Reply::json(s->get(r, r.idParam(QStringLiteral("id"))));
                }});
}

} // namespace keel
