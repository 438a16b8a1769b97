#include "receivables_routes.h"

#include "aging_service.h"
#include "collections_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"
#include "receipt_service.h"
#include "statement_service.h"

#include <memory>

namespace keel {

void registerReceivablesRoutes(Router &router, const DbConfig &database,
                               WorkflowService & /*workflow*/)
{
    using namespace Permission;
    const auto receipts = std::make_shared<const ReceiptService>(database);
    const auto aging = std::make_shared<const AgingService>(database);
    // The statement service reads aging through a reference; the lambdas own both.
    const auto statements = std::shared_ptr<const StatementService>(
        new StatementService(database, *aging), [aging](const StatementService *p) { delete p; });
    const auto collections = std::make_shared<const CollectionsService>(database);
    const QString base = QStringLiteral("/api/v1/receivables");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    router.add({"POST", base + "/receipts", CashManage, Scope::LegalEntity,
                "Record a customer receipt (Dr bank / Cr AR at its date's rate), optionally "
                "allocated to open invoices of the client",
                [receipts](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(receipts->store().db(), r,
                                      [&] { return Reply::json(receipts->create(r, body), 201); });
                }});
    router.add({"GET", base + "/receipts", FinanceUse, Scope::LegalEntity,
                "Receipts of an entity with allocated and unapplied amounts "
                "(?legal_entity_id=&account_id=&unapplied=true&limit=&after=)",
                [receipts](Request &r) { return Reply::json(receipts->list(r)); }});
    router.add({"POST", base + "/receipts/{id}/allocations", CashManage, Scope::LegalEntity,
                "Allocate a receipt's unapplied cash to open invoices; realised FX posted",
                [receipts, id](Request &r) {
                    return Reply::json(receipts->allocate(r, id(r), r.jsonObject()));
                }});
    router.add({"GET", base + "/aging", FinanceUse, Scope::LegalEntity,
                "Open receivables per client by days past due at a date "
                "(?legal_entity_id=&as_of=&currency=functional|transaction)",
                [aging](Request &r) { return Reply::json(aging->aging(r)); }});
    router.add({"GET", base + "/aging/{account_id}/invoices", FinanceUse, Scope::LegalEntity,
                "The open invoices behind an aging cell (?legal_entity_id=&as_of=&bucket=)",
                [aging](Request &r) {
                    return Reply::json(aging->invoices(r, r.idParam(QStringLiteral("account_id"))));
                }});
    router.add({"GET", base + "/statements/{account_id}", FinanceUse, Scope::LegalEntity,
                "Client statement: opening balance, invoices, credit notes, receipts, running "
                "and closing balance, aging (?legal_entity_id=&from=&to=&currency=)",
                [statements](Request &r) {
                    return Reply::json(
                        statements->statement(r, r.idParam(QStringLiteral("account_id"))));
                }});
    router.add({"POST", base + "/invoices/{id}/collection-notes", CashManage, Scope::LegalEntity,
                "Add a collection note; a dunning_level raises the invoice's level",
                [collections, id](Request &r) {
                    return Reply::json(collections->addNote(r, id(r), r.jsonObject()), 201);
                }});
    router.add(
        {"GET", base + "/invoices/{id}/collection-notes", FinanceUse, Scope::LegalEntity,
         "An invoice's collection notes, newest first, with its dunning level",
         [collections, id](Request &r) { return Reply::json(collections->notes(r, id(r))); }});
    router.add({"GET", base + "/dso", FinanceUse, Scope::LegalEntity,
                "Days sales outstanding at a date (?legal_entity_id=&as_of=), on billed revenue "
                "until revenue recognition exists",
                [aging](Request &r) { return Reply::json(aging->dso(r)); }});
}

} // namespace keel
