#pragma once

#include "invoice_issue.h"
#include "invoice_store.h"
#include "ledger/ledger_service.h"

#include <QJsonObject>

namespace keel {

struct Request;
struct StateMachine;
class WorkflowService;

// Invoice review and issue (server/billing/README.md, "Invoices"): list and read, drill-down to
// the sources, draft edits, hold a line, write-downs and approval through the workflow, issue
// (one or many). Credit notes: CreditNoteService; PDF: invoice_pdf.
class InvoiceService
{
public:
    InvoiceService(DbConfig config, const WorkflowService *workflow);
    static void registerStateMachines();
    static const StateMachine &machine();
    // "invoice" (approved → approved) and "invoice_write_down" (line id) handlers.
    void registerApprovalHandlers(WorkflowService &workflow) const;
    const InvoiceStore &store() const { return m_store; }

    QJsonObject list(const Request &request) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject sources(const Request &request, qint64 id, qint64 lineId) const;
    QJsonObject patch(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject hold(const Request &request, qint64 id, qint64 lineId,
                     const QJsonObject &body) const;
    QJsonObject writeDown(const Request &request, qint64 id, qint64 lineId,
                          const QJsonObject &body) const;
    QJsonObject approve(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject issue(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject bulk(const Request &request, const QJsonObject &body) const;
    QByteArray pdf(const Request &request, qint64 id) const;

    // For the demo loader and batch jobs, inside the CALLER's transaction on `db`, which must be
    // the calling thread's db::connection() of this service's database (the ledger posts on
    // it). Drafts are approved as `userId` without the workflow (the loader stands in for
    // finance's decisions), then everything is issued set-based: numbers for the batch in one
    // statement, the invoices, time and expenses in one statement each, the journals through
    // LedgerService::postMany. issued_at is `issueDate` at noon UTC (invalid: now); invoice
    // dates stay as drafted. Throws ApiError: 404 unknown id, 409 not draft/approved or a
    // write-down pending, 422 a missing rate, 423 a hard-closed period.
    void approveAndIssueMany(QSqlDatabase db, const QList<qint64> &ids, qint64 userId,
                             QDate issueDate) const;

    // Visible to the caller for `permission`, else 404.
    InvoiceRow visible(const Request &request, qint64 id, const char *permission, bool lock) const;

private:
    void approvalDecided(const Request &request, qint64 id, bool approved) const;
    void writeDownDecided(const Request &request, qint64 lineId, bool approved) const;
    void applyWriteDown(QSqlDatabase db, const InvoiceLineRow &line) const;
    // The locked draft and its line for a line action: 404 unknown, 409 not editable or a
    // write-down of the line waiting.
    std::pair<InvoiceRow, std::optional<InvoiceLineRow>>
    editableLine(const Request &request, qint64 id, qint64 lineId, const QJsonObject &body) const;
    // Drafts only, with no approval waiting (409 otherwise).
    void requireEditableDraft(const InvoiceRow &row) const;

    InvoiceStore m_store;
    LedgerService m_ledger;
    InvoiceIssuer m_issuer;
    const WorkflowService *m_workflow;
};

} // namespace keel
