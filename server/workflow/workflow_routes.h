#pragma once

namespace keel {

class Router;
class WorkflowService;

// /api/v1/approvals/... (inbox, decisions) and /api/v1/admin/approval-policies.
void registerWorkflowRoutes(Router &router, const WorkflowService &service);

} // namespace keel
