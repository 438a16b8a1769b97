#include "fx_rate_routes.h"

#include "fx_rate_service.h"
#include "http/router.h"
#include "permissions.h"

#include <memory>

namespace keel {

void registerFxRateRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const auto s = std::make_shared<const FxRateService>(database);
    const QString base = QStringLiteral("/api/v1");
    // Rates and the group's settings belong to no one entity: every finance user reads them.
    router.add({"GET", base + "/fx/rates", FinanceUse, Scope::All,
                "Exchange rates by day (?from_currency=&to_currency=&from=&to=&limit=&after=)",
                [s](Request &r) { return Reply::json(s->list(r)); }});
    router.add({"PUT", base + "/fx/rates", FxManage, Scope::All,
                "Set the day's rate of a currency pair {from_currency, to_currency, rate_date, "
                "rate} (inserts or replaces)",
                [s](Request &r) { return Reply::json(s->put(r, r.jsonObject())); }});
    router.add({"POST", base + "/fx/rates/import", FxManage, Scope::All,
                "Import rates from text/csv date,from,to,rate (all or nothing)",
                [s](Request &r) { return Reply::json(s->import(r)); }});
    router.add({"GET", base + "/fx/rates/on", FinanceUse, Scope::All,
                "The rate used on a day: the latest on or before it "
                "(?from_currency=&to_currency=&date=)",
                [s](Request &r) { return Reply::json(s->rateOn(r)); }});
    router.add({"GET", base + "/group", FinanceUse, Scope::All,
                "The group's currency and intercompany markup",
                [s](Request &) { return Reply::json(s->group()); }});
    router.add({"PATCH", base + "/group", CloseApprove, Scope::All,
                "Change the group currency or intercompany markup (If-Match or version)",
                [s](Request &r) { return Reply::json(s->patchGroup(r, r.jsonObject())); }});
}

} // namespace keel
