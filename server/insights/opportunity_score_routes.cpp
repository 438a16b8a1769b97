#include "opportunity_score.h"

#include "db/database.h"
#include "http/router.h"
#include "opportunity_score_service.h"
#include "permissions.h"

namespace keel {

void registerOpportunityScoreRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const QString base = QStringLiteral("/api/v1/insights/opportunities");
    router.add({"GET", base, InsightsUse, Scope::LegalEntity,
                "Open opportunities with the model's win probability beside the rep's, weighted "
                "values and the top factors (?entity=&owner=me|<id>&sort=risk|value|model"
                "&limit=&after=)",
                [database](Request &r) {
                    return Reply::json(opportunityScoreList(db::connection(database), r));
                }});
    router.add({"GET", base + "/{id}", InsightsUse, Scope::LegalEntity,
                "One open opportunity's score with every factor", [database](Request &r) {
                    return Reply::json(
                        opportunityScoreOne(db::connection(database), r, r.idParam("id")));
                }});
}

} // namespace keel
