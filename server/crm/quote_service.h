#pragma once

// Versioned quotes for an opportunity: role × hours × rate lines (rate from the client's
// override or the entity's rate card in force at the quote date, or an explicit override) and
// fixed-price items, discount, cost at the job roles' standard cost rates, margin. Priced by
// quote_pricing (the one place). Lifecycle "quote": draft → submitted → approved | rejected;
// approved → accepted; draft | approved | rejected → superseded when revised (the revision is
// a new draft, version_no + 1). Approval through WorkflowService (document type "quote").

#include "db/database.h"
#include "workflow/state_machine.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

struct Request;
class WorkflowService;

class QuoteService
{
public:
    QuoteService(DbConfig config, WorkflowService &workflow);
    QSqlDatabase db() const;

    static StateMachine machine();
    // Registers the "quote" machine and the approval handler (KeelServer ctor).
    void registerWorkflow();

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject listForOpportunity(const Request &request, qint64 opportunityId) const;
    QJsonObject submit(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject approvalPreview(const Request &request, qint64 id) const;
    QJsonObject accept(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject revise(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    DbConfig m_config;
    WorkflowService &m_workflow;
};

} // namespace keel
