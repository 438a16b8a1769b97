#include "banking_routes.h"

#include "bank_account_service.h"
#include "bank_statement_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"
#include "reconciliation_service.h"

#include <memory>

namespace keel {

void registerBankingRoutes(Router &router, const DbConfig &database, WorkflowService & /*workflow*/)
{
    using namespace Permission;
    BankStatementService::registerStateMachines();
    const auto accounts = std::make_shared<const BankAccountService>(database);
    // The statement and reconciliation services keep a reference to the account service; the
    // lambdas own all three.
    const auto statements = std::shared_ptr<const BankStatementService>(
        new BankStatementService(database, *accounts),
        [accounts](const BankStatementService *p) { delete p; });
    const auto reconciliation = std::shared_ptr<const ReconciliationService>(
        new ReconciliationService(database, *accounts),
        [accounts](const ReconciliationService *p) { delete p; });
    const QString base = QStringLiteral("/api/v1/banking");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    router.add({"GET", base + "/accounts", FinanceUse, Scope::LegalEntity,
                "Bank accounts of an entity (?legal_entity_id=)",
                [accounts](Request &r) { return Reply::json(accounts->list(r)); }});
    router.add({"POST", base + "/accounts", CashManage, Scope::LegalEntity,
                "Open a bank account: the entity's first posts to its bank ledger account, later "
                "ones to new accounts 1001, 1002 …",
                [accounts, database](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(db::connection(database), r,
                                      [&] { return Reply::json(accounts->create(r, body), 201); });
                }});
    router.add(
        {"POST", base + "/accounts/{id}/statements", CashManage, Scope::LegalEntity,
         "Import a CSV statement (text/csv: date,amount,reference,counterparty); "
         "duplicates skipped, a bad row is 422 and imports nothing",
         [statements, id](Request &r) { return Reply::json(statements->import(r, id(r)), 201); }});
    router.add({"GET", base + "/accounts/{id}/statement-lines", FinanceUse, Scope::LegalEntity,
                "Statement lines (?status=&from=&to=&limit=&after=)",
                [statements, id](Request &r) { return Reply::json(statements->lines(r, id(r))); }});
    router.add({"GET", base + "/accounts/{id}/reconciliation", FinanceUse, Scope::LegalEntity,
                "Bank reconciliation at ?as_of=: statement vs ledger balance and what explains "
                "the difference",
                [reconciliation, id](Request &r) {
                    return Reply::json(reconciliation->report(r, id(r)));
                }});
    router.add(
        {"GET", base + "/statement-lines/{id}/suggestions", FinanceUse, Scope::LegalEntity,
         "Ranked receipts, payments, open invoices and bills a line may match",
         [statements, id](Request &r) { return Reply::json(statements->suggestions(r, id(r))); }});
    router.add({"POST", base + "/statement-lines/{id}/match", CashManage, Scope::LegalEntity,
                "Reconcile a line with a receipt, a payment, a bill (pays it) or a journal",
                [statements, id](Request &r) {
                    return Reply::json(statements->match(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/statement-lines/{id}/ignore", CashManage, Scope::LegalEntity,
                "Ignore a line (nothing in the books explains it)", [statements, id](Request &r) {
                    return Reply::json(statements->ignore(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/statement-lines/{id}/unmatch", CashManage, Scope::LegalEntity,
                "Undo a match or an ignore; a journal of the match is reversed",
                [statements, id](Request &r) {
                    return Reply::json(statements->unmatch(r, id(r), r.jsonObject()));
                }});
}

} // namespace keel
