#include "intercompany_routes.h"

#include "db/database.h"
#include "http/router.h"
#include "intercompany_reconciliation.h"
#include "permissions.h"
#include "statements_service.h"

namespace keel {

void registerIntercompanyRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const QString base = QStringLiteral("/api/v1/close");
    router.add({"GET", base + "/intercompany", FinanceUse, Scope::LegalEntity,
                "Intercompany reconciliation at a period end (?period=YYYY-MM): per pair of "
                "entities due-from and due-to in the group currency and the difference",
                [database](Request &r) {
                    return Reply::json(intercompanyReconciliationJson(db::connection(database), r));
                }});
    router.add(
        {"GET", base + "/statements", FinanceUse, Scope::LegalEntity,
         "Profit and loss or balance sheet of an entity or the group, with comparison columns "
         "(?kind=&legal_entity_id=<id>|group&from=&to=&compare=previous_period,previous_year)",
         [database](Request &r) {
             return Reply::json(financialStatement(db::connection(database), r));
         }});
}

} // namespace keel
