#include "employee_routes.h"

#include "assignment_service.h"
#include "employee_service.h"
#include "http/paging.h"
#include "http/router.h"
#include "leave_routes.h"
#include "leave_service.h"
#include "permissions.h"
#include "planner_routes.h"
#include "planner_service.h"
#include "resource_request_routes.h"
#include "resource_request_service.h"

namespace keel {

void registerResourcingPeopleRoutes(Router &router, const DbConfig &config)
{
    LeaveService::registerStateMachines();
    registerEmployeeRoutes(router, std::make_shared<const EmployeeService>(config));
    registerLeaveRoutes(router, std::make_shared<const LeaveService>(config));
    registerResourceRequestRoutes(router, std::make_shared<const ResourceRequestService>(config));
    registerAssignmentRoutes(router, std::make_shared<const AssignmentService>(config));
    registerPlannerRoutes(router, std::make_shared<const PlannerService>(config));
}

void registerEmployeeRoutes(Router &router, std::shared_ptr<const EmployeeService> service)
{
    using namespace Permission;
    const auto s = std::move(service);
    // Resource managers / executives: their legal entities; project managers: the people on
    // their projects; everyone: their own record (applied per row by the service).
    router.add({"GET", "/api/v1/resourcing/employees", ResourcingUse, Scope::LegalEntity,
                "List employees (filters: practice, role, country, skill, min_level, "
                "legal_entity, manager_id, q)",
                [s](Request &r) { return Reply::json(s->list(r, PageRequest::from(r))); }});
    router.add({"POST", "/api/v1/resourcing/employees", ResourcingUse, Scope::LegalEntity,
                "Create the employee record of a user (resource manager)",
                [s](Request &r) { return Reply::json(s->create(r, r.jsonObject()), 201); }});
    router.add({"GET", "/api/v1/resourcing/employees/me", Authenticated, Scope::Own,
                "The caller's own employee record",
                [s](Request &r) { return Reply::json(s->me(r)); }});
    router.add(
        {"GET", "/api/v1/resourcing/employees/{id}", Authenticated, Scope::LegalEntity,
         "An employee with skills, certifications (and cost rates for resource managers)",
         [s](Request &r) { return Reply::json(s->get(r, r.idParam(QStringLiteral("id")))); }});
    router.add({"PATCH", "/api/v1/resourcing/employees/{id}", ResourcingUse, Scope::LegalEntity,
                "Change an employee (resource manager; version)", [s](Request &r) {
                    return Reply::json(
                        s->update(r, r.idParam(QStringLiteral("id")), r.jsonObject()));
                }});
    router.add({"GET", "/api/v1/resourcing/employees/{id}/cost-rates", ResourcingUse,
                Scope::LegalEntity, "An employee's cost rate history", [s](Request &r) {
                    return Reply::json(s->costRates(r, r.idParam(QStringLiteral("id"))));
                }});
    router.add(
        {"POST", "/api/v1/resourcing/employees/{id}/cost-rates", ResourcingUse, Scope::LegalEntity,
         "Add an effective-dated cost rate (no overlap: 422 naming the conflict)", [s](Request &r) {
             return Reply::json(s->addCostRate(r, r.idParam(QStringLiteral("id")), r.jsonObject()),
                                201);
         }});
    router.add({"PUT", "/api/v1/resourcing/employees/{id}/skills/{skill}", Authenticated,
                Scope::Own, "Set a skill level 1–5 (own record, or resource manager)",
                [s](Request &r) {
                    return Reply::json(s->setSkill(r, r.idParam(QStringLiteral("id")),
                                                   r.params.value(QStringLiteral("skill")),
                                                   r.jsonObject()));
                }});
    router.add({"DELETE", "/api/v1/resourcing/employees/{id}/skills/{skill}", Authenticated,
                Scope::Own, "Remove a skill (own record, or resource manager)", [s](Request &r) {
                    s->removeSkill(r, r.idParam(QStringLiteral("id")),
                                   r.params.value(QStringLiteral("skill")));
                    return Reply::noContent();
                }});
    router.add(
        {"POST", "/api/v1/resourcing/employees/{id}/certifications", Authenticated, Scope::Own,
         "Add a certification (own record, or resource manager)", [s](Request &r) {
             return Reply::json(
                 s->addCertification(r, r.idParam(QStringLiteral("id")), r.jsonObject()), 201);
         }});
    router.add({"GET", "/api/v1/resourcing/skills", Authenticated, Scope::All,
                "The skills taxonomy (filter: category)",
                [s](Request &r) { return Reply::json(s->skills(r, PageRequest::from(r))); }});
    router.add({"POST", "/api/v1/resourcing/skills", ResourcingUse, Scope::All,
                "Add a skill to the taxonomy (resource manager)",
                [s](Request &r) { return Reply::json(s->createSkill(r, r.jsonObject()), 201); }});
}

} // namespace keel
