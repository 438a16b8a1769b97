#include "collections_forecast.h"

#include "collections_forecast_service.h"
#include "db/database.h"
#include "http/router.h"
#include "insights_model.h"
#include "permissions.h"

namespace keel {

InsightsTrained collectionsTrain(QSqlDatabase db, QDate asOf, const InsightsProgress &progress);

InsightsModelSpec collectionsModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("collections");
    spec.title = QStringLiteral("Collections prediction");
    spec.description = QStringLiteral(
        "Each open invoice's expected payment date and probability of paying more than 30 days "
        "late, from the client's payment history shrunk towards the firm's, and the cash-in "
        "by week for 13 weeks.");
    spec.train = collectionsTrain;
    return spec;
}

void registerCollectionsRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const QString base = QStringLiteral("/api/v1/insights");
    router.add({"GET", base + "/collections", InsightsUse, Scope::LegalEntity,
                "Open invoices with their expected payment date, P(> 30 days late) and the "
                "factors behind them (?entity=&week=<Monday>&limit=&after=)",
                [database](Request &r) {
                    return Reply::json(collectionsListJson(db::connection(database), r));
                }});
    router.add({"GET", base + "/cash-in", InsightsUse, Scope::LegalEntity,
                "Expected cash-in by week for 13 weeks from this week's Monday, with P10-P90 "
                "(?entity=)",
                [database](Request &r) {
                    return Reply::json(collectionsCashInJson(db::connection(database), r));
                }});
}

} // namespace keel
