#include "planner_routes.h"

#include "assignment_service.h"
#include "http/concurrency.h"
#include "http/paging.h"
#include "http/router.h"
#include "permissions.h"
#include "planner_service.h"

namespace keel {

void registerPlannerRoutes(Router &router, std::shared_ptr<const PlannerService> planner)
{
    using namespace Permission;
    const auto p = std::move(planner);
    // Resource managers / executives: their entities; project managers: the people on their
    // projects (and themselves).
    router.add({"GET", "/api/v1/resourcing/planner", ResourcingUse, Scope::LegalEntity,
                "Resource planner: people × ISO weeks with capacity, hard, soft and weighted "
                "soft hours and allocation % (filters: from, weeks, practice, skill, min_level, "
                "country, role, legal_entity; limit/after by employee)",
                [p](Request &r) {
                    return Reply{200, "application/json", p->planner(r), {}};
                }});
}

void registerAssignmentRoutes(Router &router, std::shared_ptr<const AssignmentService> service)
{
    using namespace Permission;
    const auto s = std::move(service);
    router.add({"GET", "/api/v1/resourcing/assignments", ResourcingUse, Scope::LegalEntity,
                "List assignments (filters: employee_id, project_id, request_id, kind, from, to)",
                [s](Request &r) { return Reply::json(s->list(r, PageRequest::from(r))); }});
    router.add({"POST", "/api/v1/resourcing/assignments", ResourcingUse, Scope::MyProjects,
                "Assign a person (project manager of the project or resource manager); "
                "over-allocation → 409 unless confirmed by a resource manager",
                [s](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    try {
                        return idempotent(s->db(), r,
                                          [&] { return Reply::json(s->create(r, body), 201); });
                    } catch (const OverallocationError &e) {
                        return e.reply();
                    }
                }});
    router.add({"GET", "/api/v1/resourcing/assignments/{id}", ResourcingUse, Scope::LegalEntity,
                "An assignment", [s](Request &r) {
                    return Reply::json(s->get(r, r.idParam(QStringLiteral("id"))));
                }});
    router.add({"PATCH", "/api/v1/resourcing/assignments/{id}", ResourcingUse, Scope::MyProjects,
                "Change an assignment's dates, hours, kind or task (version); over-allocation "
                "as on create",
                [s](Request &r) {
                    try {
                        return Reply::json(
                            s->update(r, r.idParam(QStringLiteral("id")), r.jsonObject()));
                    } catch (const OverallocationError &e) {
                        return e.reply();
                    }
                }});
    router.add({"DELETE", "/api/v1/resourcing/assignments/{id}", ResourcingUse, Scope::MyProjects,
                "Remove an assignment (If-Match version)", [s](Request &r) {
                    s->remove(r, r.idParam(QStringLiteral("id")));
                    return Reply::noContent();
                }});
}

} // namespace keel
