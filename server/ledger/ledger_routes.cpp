#include "ledger_routes.h"

#include "fx_rate_routes.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "ledger_reports.h"
#include "ledger_service.h"
#include "permissions.h"
#include "workflow/workflow_service.h"

#include <memory>

namespace keel {

void registerLedgerRoutes(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    using namespace Permission;
    LedgerService::registerStateMachines();
    const auto l = std::make_shared<const LedgerService>(database, &workflow);
    const auto reports = std::make_shared<const LedgerReports>(database);
    workflow.registerHandler(
        QStringLiteral("journal_entry"),
        {[l](QSqlDatabase, const Request &r, const QString &id) {
             l->manualApproved(r, id.toLongLong());
         },
         [l](QSqlDatabase, const Request &r, const QString &id, const QString &comment) {
             l->manualRejected(r, id.toLongLong(), comment);
         }});
    registerFxRateRoutes(router, database);
    const QString base = QStringLiteral("/api/v1/ledger");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    router.add(
        {"POST", base + "/entities/{id}/chart", FinanceUse, Scope::LegalEntity,
         "Create the entity's chart of accounts from a country template (US, UK, DE); "
         "existing accounts are kept",
         [l, id](Request &r) { return Reply::json(l->createChart(r, id(r), r.jsonObject())); }});
    router.add({"GET", base + "/entities/{id}/accounts", FinanceUse, Scope::LegalEntity,
                "The entity's chart of accounts",
                [l, id](Request &r) { return Reply::json(l->chart(r, id(r))); }});
    router.add(
        {"GET", base + "/entities/{id}/trial-balance", FinanceUse, Scope::LegalEntity,
         "Debits, credits and balance per account in functional currency (?from=&to=)",
         [reports, id](Request &r) { return Reply::json(reports->trialBalance(r, id(r))); }});
    router.add(
        {"GET", base + "/entities/{id}/profit-and-loss", FinanceUse, Scope::LegalEntity,
         "Revenue and expense accounts and net income (?from=&to=)",
         [reports, id](Request &r) { return Reply::json(reports->profitAndLoss(r, id(r))); }});
    router.add(
        {"GET", base + "/entities/{id}/balance-sheet", FinanceUse, Scope::LegalEntity,
         "Asset, liability and equity balances and current earnings (?as_of=)",
         [reports, id](Request &r) { return Reply::json(reports->balanceSheet(r, id(r))); }});
    router.add(
        {"GET", base + "/accounts/{id}/lines", FinanceUse, Scope::LegalEntity,
         "An account's posted lines with their source document (?from=&to=&limit=&after=)",
         [reports, id](Request &r) { return Reply::json(reports->accountDetail(r, id(r))); }});
    router.add({"GET", base + "/entries/{id}", FinanceUse, Scope::LegalEntity,
                "One journal entry with its lines",
                [l, id](Request &r) { return Reply::json(l->entry(r, id(r))); }});
    router.add(
        {"POST", base + "/entries", LedgerPost, Scope::LegalEntity,
         "Propose a manual journal entry; it posts when the workflow approves it (journal_entry)",
         [l](Request &r) {
             const QJsonObject body = r.jsonObject();
             return idempotent(l->store().db(), r,
                               [&] { return Reply::json(l->createManual(r, body), 201); });
         }});
    router.add(
        {"POST", base + "/entries/{id}/reverse", LedgerPost, Scope::LegalEntity,
         "Post the reversal of a posted entry (optional date, description)",
         [l, id](Request &r) { return Reply::json(l->reverse(r, id(r), r.jsonObject()), 201); }});
    router.add(
        {"GET", base + "/export", FinanceUse, Scope::LegalEntity,
         "The entity's journal as a ledger-cli / hledger file (?entity=&from=&to=&format=ledger)",
         [reports](Request &r) {
             Reply reply;
             reply.contentType = "text/plain; charset=utf-8";
             reply.body = reports->exportLedger(r);
             return reply;
         }});
}

} // namespace keel
