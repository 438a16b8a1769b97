#include "analytics_routes.h"

#include "analytics_service.h"
#include "http/router.h"
#include "permissions.h"

#include <memory>

namespace keel {

void registerAnalyticsRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const auto service = std::make_shared<const AnalyticsService>(database);
    const QString base = QStringLiteral("/api/v1/analytics/metrics");
    const auto name = [](const Request &r) { return r.params.value(QStringLiteral("name")); };

    router.add({"GET", base, DashboardsUse, Scope::LegalEntity,
                "Every metric: name, title, unit and the dimensions it can be cut by",
                [service](Request &) { return Reply::json(service->list()); }});
    router.add({"GET", base + "/{name}", DashboardsUse, Scope::LegalEntity,
                "A metric's figure and points (?from=&to=&entity=&practice=&client=&project="
                "&person=&manager=&currency=group|entity&by=&by2=&limit=&order=)",
                [service, name](Request &r) { return Reply::json(service->metric(r, name(r))); }});
    router.add({"GET", base + "/{name}/records", DashboardsUse, Scope::LegalEntity,
                "The records a metric's figure or point sums (the metric's filters plus key=, "
                "key2=, part=, limit=, after=); total equals the figure",
                [service, name](Request &r) { return Reply::json(service->records(r, name(r))); }});
}

} // namespace keel
