#include "workflow_routes.h"

#include "http/paging.h"
#include "http/router.h"
#include "json_codec.h"
#include "permissions.h"
#include "workflow_service.h"

namespace keel {

namespace {
QString commentOf(const Request &r)
{
    if (r.body.trimmed().isEmpty())
        return {};
    JsonReader reader(r.jsonObject());
    const QString comment = reader.optionalString(QStringLiteral("comment")).value_or(QString());
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
    if (comment.size() > 2000)
        throw ApiError::invalidField(QStringLiteral("comment"), "too_long",
                                     QStringLiteral("at most 2000 characters"));
    return comment;
}
} // namespace

void registerWorkflowRoutes(Router &router, const WorkflowService &service)
{
    using namespace Permission;
    const auto *s = &service;

    router.add({"GET", "/api/v1/approvals/inbox", Authenticated, Scope::Own,
                "Approval requests waiting for the caller's decision", [s](Request &r) {
                    const PageRequest p = PageRequest::from(r);
                    return Reply::json(s->inbox(r, p.after, p.limit));
                }});
    router.add({"GET", "/api/v1/approvals/inbox/count", Authenticated, Scope::Own,
                "How many approval requests wait for the caller", [s](Request &r) {
                    return Reply::json(QJsonObject{{"count", s->inboxCount(r)}});
                }});
    router.add({"GET", "/api/v1/approvals/{id}", Authenticated, Scope::LegalEntity,
                "An approval request with its steps and decisions", [s](Request &r) {
                    return Reply::json(s->requestJson(r, r.idParam(QStringLiteral("id"))));
                }});
    router.add({"POST", "/api/v1/approvals/{id}/approve", Authenticated, Scope::LegalEntity,
                "Approve the current step", [s](Request &r) {
                    const qint64 id = r.idParam(QStringLiteral("id"));
                    return Reply::json(s->approve(r, id, commentOf(r)));
                }});
    router.add({"POST", "/api/v1/approvals/{id}/reject", Authenticated, Scope::LegalEntity,
                "Reject the request (comment required)", [s](Request &r) {
                    const qint64 id = r.idParam(QStringLiteral("id"));
                    return Reply::json(s->reject(r, id, commentOf(r)));
                }});

    router.add({"GET", "/api/v1/admin/approval-policies", WorkflowManage, Scope::All,
                "List approval policies", [s](Request &r) {
                    const PageRequest p = PageRequest::from(r);
                    return Reply::json(s->listPolicies(
                        p.after, p.limit, r.query.queryItemValue(QStringLiteral("document_type"))));
                }});
    router.add({"POST", "/api/v1/admin/approval-policies", WorkflowManage, Scope::All,
                "Create an approval policy",
                [s](Request &r) { return Reply::json(s->createPolicy(r, r.jsonObject()), 201); }});
    router.add({"PUT", "/api/v1/admin/approval-policies/{id}", WorkflowManage, Scope::All,
                "Replace an approval policy (version required)", [s](Request &r) {
                    const qint64 id = r.idParam(QStringLiteral("id"));
                    return Reply::json(s->updatePolicy(r, id, r.jsonObject()));
                }});
    router.add({"DELETE", "/api/v1/admin/approval-policies/{id}", WorkflowManage, Scope::All,
                "Delete an approval policy", [s](Request &r) {
                    s->deletePolicy(r, r.idParam(QStringLiteral("id")));
                    return Reply::noContent();
                }});
}

} // namespace keel
