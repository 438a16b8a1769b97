#include "invoice_routes.h"

#include "credit_note_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "invoice_service.h"
#include "permissions.h"
#include "workflow/workflow_service.h"

#include <memory>

namespace keel {

void registerInvoiceRoutes(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    using namespace Permission;
    InvoiceService::registerStateMachines();
    const auto invoices = std::make_shared<const InvoiceService>(database, &workflow);
    invoices->registerApprovalHandlers(workflow);
    const auto credits = std::make_shared<const CreditNoteService>(database);
    const QString base = QStringLiteral("/api/v1/billing/invoices");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };
    const auto line = [](Request &r) { return r.idParam(QStringLiteral("line")); };
    const auto bodyOrEmpty = [](Request &r) {
        return r.body.trimmed().isEmpty() ? QJsonObject() : r.jsonObject();
    };

    router.add({"GET", base, BillingUse, Scope::LegalEntity,
                "Invoices and credit notes, keyset paged (?legal_entity_id=&status=&account_id="
                "&billing_run_id=&kind=&from=&to=&q=&limit=&after=)",
                [invoices](Request &r) { return Reply::json(invoices->list(r)); }});
    router.add({"GET", base + "/{id}", BillingUse, Scope::LegalEntity,
                "One invoice or credit note with its lines",
                [invoices, id](Request &r) { return Reply::json(invoices->get(r, id(r))); }});
    router.add({"GET", base + "/{id}/lines/{line}/sources", BillingUse, Scope::LegalEntity,
                "The time entries, expenses, milestones or schedule items a line bills",
                [invoices, id, line](Request &r) {
                    return Reply::json(invoices->sources(r, id(r), line(r)));
                }});
    router.add({"PATCH", base + "/{id}", BillingManage, Scope::LegalEntity,
                "Edit a draft (If-Match/version): notes, show_time_detail, invoice_date, "
                "due_date, line descriptions",
                [invoices, id](Request &r) {
                    return Reply::json(invoices->patch(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/{id}/lines/{line}/hold", BillingManage, Scope::LegalEntity,
                "Hold a draft line to the next run: removed, its sources released",
                [invoices, id, line, bodyOrEmpty](Request &r) {
                    return Reply::json(invoices->hold(r, id(r), line(r), bodyOrEmpty(r)));
                }});
    router.add({"POST", base + "/{id}/lines/{line}/write-down", BillingManage, Scope::LegalEntity,
                "Write a draft line down or off {amount, reason}; approval by policy "
                "(invoice_write_down)",
                [invoices, id, line](Request &r) {
                    return Reply::json(invoices->writeDown(r, id(r), line(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/{id}/approve", BillingManage, Scope::LegalEntity,
                "Submit a draft for approval (workflow document type invoice); approved at once "
                "when no policy applies",
                [invoices, id, bodyOrEmpty](Request &r) {
                    return Reply::json(invoices->approve(r, id(r), bodyOrEmpty(r)));
                }});
    router.add({"POST", base + "/bulk", BillingManage, Scope::LegalEntity,
                "Approve or issue many invoices {action: approve|issue, ids}; a result per id",
                [invoices](Request &r) { return Reply::json(invoices->bulk(r, r.jsonObject())); }});
    router.add({"POST", base + "/{id}/issue", BillingManage, Scope::LegalEntity,
                "Issue an approved invoice: gapless number, functional amounts at the invoice "
                "date's rate, frozen, sources invoiced, posted",
                [invoices, id, bodyOrEmpty](Request &r) {
                    return Reply::json(invoices->issue(r, id(r), bodyOrEmpty(r)));
                }});
    router.add({"GET", base + "/{id}/pdf", BillingUse, Scope::LegalEntity,
                "The invoice or credit note as a PDF, rendered on demand",
                [invoices, id](Request &r) {
                    Reply reply;
                    reply.contentType = "application/pdf";
                    reply.body = invoices->pdf(r, id(r));
                    return reply;
                }});
    router.add({"POST", base + "/{id}/credit-note", BillingManage, Scope::LegalEntity,
                "Credit an issued invoice in full or in part {lines?: [{line_id, amount}], "
                "reason, release_sources?, date?}",
                [credits, id](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(credits->store().db(), r, [&] {
                        return Reply::json(credits->create(r, id(r), body), 201);
                    });
                }});
}

} // namespace keel
