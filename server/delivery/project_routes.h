#pragma once

namespace keel {

class ChangeRequestService;
class ProjectService;
class Router;

// /api/v1/delivery/projects (create, update, transition, phases, tasks, milestones, budget
// versions, estimate, status reports, change requests) and the item routes /phases/{id},
// /tasks/{id}, /milestones/{id}, /status-reports/{id}, /change-requests/{id}.
void registerProjectRoutes(Router &router, const ProjectService &projects,
                           const ChangeRequestService &changes);

} // namespace keel
