#include "project_routes.h"

#include "change_request_service.h"
#include "http/concurrency.h"
#include "http/paging.h"
#include "http/router.h"
#include "permissions.h"
#include "project_service.h"

namespace keel {

void registerProjectRoutes(Router &router, const ProjectService &projects,
                           const ChangeRequestService &changes)
{
    using namespace Permission;
    const auto *s = &projects;
    const auto *c = &changes;
    const QString base = QStringLiteral("/api/v1/delivery");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    // Creation and changes: project managers for their own projects, executives for their
    // entities (the service checks per project: 403 otherwise).
    router.add({"POST", base + "/projects", DeliveryUse, Scope::MyProjects,
                "Create a project by hand, from an offering's template or blank", [s](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(s->store().db(), r,
                                      [&] { return Reply::json(s->create(r, body), 201); });
                }});
    router.add({"PUT", base + "/projects/{id}", DeliveryUse, Scope::MyProjects,
                "Update a project's header (If-Match / version)",
                [s, id](Request &r) { return Reply::json(s->update(r, id(r), r.jsonObject())); }});
    router.add({"POST", base + "/projects/{id}/transition", DeliveryUse, Scope::MyProjects,
                "Move a project: activate, hold, resume, close", [s, id](Request &r) {
                    return Reply::json(s->transition(r, id(r), r.jsonObject()));
                }});
    router.add(
        {"POST", base + "/projects/{id}/phases", DeliveryUse, Scope::MyProjects, "Add a phase",
         [s, id](Request &r) { return Reply::json(s->addPhase(r, id(r), r.jsonObject()), 201); }});
    router.add(
        {"PUT", base + "/phases/{id}", DeliveryUse, Scope::MyProjects, "Update or close a phase",
         [s, id](Request &r) { return Reply::json(s->updatePhase(r, id(r), r.jsonObject())); }});
    router.add(
        {"POST", base + "/projects/{id}/tasks", DeliveryUse, Scope::MyProjects, "Add a task",
         [s, id](Request &r) { return Reply::json(s->addTask(r, id(r), r.jsonObject()), 201); }});
    router.add({"PUT", base + "/tasks/{id}", DeliveryUse, Scope::MyProjects,
                "Update or close a task; enter its estimate to complete", [s, id](Request &r) {
                    return Reply::json(s->updateTask(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/projects/{id}/milestones", DeliveryUse, Scope::MyProjects,
                "Add a milestone", [s, id](Request &r) {
                    return Reply::json(s->addMilestone(r, id(r), r.jsonObject()), 201);
                }});
    router.add({"PUT", base + "/milestones/{id}", DeliveryUse, Scope::MyProjects,
                "Update a pending milestone", [s, id](Request &r) {
                    return Reply::json(s->updateMilestone(r, id(r), r.jsonObject()));
                }});
    // Finance records client acceptance too: admitted for any signed-in user, the service
    // requires the project's manager, an executive or finance for the entity.
    router.add({"POST", base + "/milestones/{id}/transition", Authenticated, Scope::MyProjects,
                "Move a milestone: complete (PM), accept and bill (PM or finance)",
                [s, id](Request &r) {
                    return Reply::json(s->transitionMilestone(r, id(r), r.jsonObject()));
                }});

    // Reads: delivery users, finance and controllers of the project's entity.
    router.add({"GET", base + "/projects/{id}/budget-versions", Authenticated, Scope::LegalEntity,
                "Every budget version of a project with its lines (paged by version)",
                [s, id](Request &r) {
                    return Reply::json(s->budgetVersions(r, id(r), PageRequest::from(r)));
                }});
    router.add({"GET", base + "/projects/{id}/estimate", Authenticated, Scope::LegalEntity,
                "Estimate at completion and percent complete per task and in total",
                [s, id](Request &r) { return Reply::json(s->estimate(r, id(r))); }});
    router.add({"GET", base + "/projects/{id}/status-reports", Authenticated, Scope::LegalEntity,
                "A project's status reports", [s, id](Request &r) {
                    return Reply::json(s->statusReports(r, id(r), PageRequest::from(r)));
                }});
    router.add({"POST", base + "/projects/{id}/status-reports", DeliveryUse, Scope::MyProjects,
                "Report a period's status (one per project and month)", [s, id](Request &r) {
                    return Reply::json(s->addStatusReport(r, id(r), r.jsonObject()), 201);
                }});
    router.add({"PUT", base + "/status-reports/{id}", DeliveryUse, Scope::MyProjects,
                "Edit a status report until its period ends", [s, id](Request &r) {
                    return Reply::json(s->updateStatusReport(r, id(r), r.jsonObject()));
                }});

    router.add({"POST", base + "/projects/{id}/change-requests", DeliveryUse, Scope::MyProjects,
                "Submit a change request for approval", [c, id](Request &r) {
                    const qint64 projectId = id(r);
                    const QJsonObject body = r.jsonObject();
                    return idempotent(c->store().db(), r, [&] {
                        return Reply::json(c->submit(r, projectId, body), 201);
                    });
                }});
    router.add({"GET", base + "/projects/{id}/change-requests", Authenticated, Scope::LegalEntity,
                "A project's change requests", [c, id](Request &r) {
                    return Reply::json(c->list(r, id(r), PageRequest::from(r)));
                }});
    router.add({"GET", base + "/change-requests/{id}", Authenticated, Scope::LegalEntity,
                "A change request with its lines and approval chain",
                [c, id](Request &r) { return Reply::json(c->get(r, id(r))); }});
}

} // namespace keel
