#include "capacity_routes.h"

#include "capacity_service.h"
#include "http/router.h"
#include "permissions.h"
#include "staffing_service.h"

#include <memory>

namespace keel {

void registerCapacityRoutes(Router &router, const DbConfig &database)
{
    using Permission::ResourcingUse;
    const auto capacity = std::make_shared<CapacityService>(database);
    const auto staffing = std::make_shared<StaffingService>(database);
    router.add({"GET", QStringLiteral("/api/v1/resourcing/capacity"), ResourcingUse,
                Scope::LegalEntity,
                QStringLiteral("Capacity versus demand by role, skill, practice or country and "
                               "ISO week: available, hard, weighted soft demand, gap"),
                [capacity](Request &r) { return Reply::json(capacity->capacity(r)); }});
    router.add({"GET", QStringLiteral("/api/v1/resourcing/bench"), ResourcingUse,
                Scope::LegalEntity,
                QStringLiteral("People with free capacity in a date range, most free first"),
                [capacity](Request &r) { return Reply::json(capacity->bench(r)); }});
    router.add({"GET", QStringLiteral("/api/v1/resourcing/requests/{id}/suggestions"),
                ResourcingUse, Scope::LegalEntity,
                QStringLiteral("Staffing suggestions for a resource request, ranked by a score "
                               "explained factor by factor"),
                [staffing](Request &r) { return Reply::json(staffing->suggestions(r)); }});
}

} // namespace keel
