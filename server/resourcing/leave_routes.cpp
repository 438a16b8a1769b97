#include "leave_routes.h"

#include "http/paging.h"
#include "http/router.h"
#include "leave_service.h"
#include "permissions.h"

namespace keel {

void registerLeaveRoutes(Router &router, std::shared_ptr<const LeaveService> service)
{
    using namespace Permission;
    const auto s = std::move(service);
    // Everyone reads and requests their own leave; resource managers those of their entities.
    router.add({"GET", "/api/v1/resourcing/leave", Authenticated, Scope::Own,
                "List leave (own, or the entities of a resource manager; filters: employee_id, "
                "status, from, to)",
                [s](Request &r) { return Reply::json(s->list(r, PageRequest::from(r))); }});
    router.add({"POST", "/api/v1/resourcing/leave", Authenticated, Scope::Own,
                "Request leave (own, or for an employee by a resource manager)",
                [s](Request &r) { return Reply::json(s->create(r, r.jsonObject()), 201); }});
    for (const char *action : {"approve", "reject", "cancel"}) {
        const QString a = QString::fromLatin1(action);
        router.add({"POST", QStringLiteral("/api/v1/resourcing/leave/{id}/") + a, Authenticated,
                    a == QLatin1String("cancel") ? Scope::Own : Scope::LegalEntity,
                    a == QLatin1String("cancel")
                        ? QStringLiteral("Cancel leave (employee or resource manager; version)")
                        : QStringLiteral("%1 leave (resource manager, not own; version)")
                              .arg(a == QLatin1String("approve") ? QStringLiteral("Approve")
                                                                 : QStringLiteral("Reject")),
                    [s, a](Request &r) {
                        return Reply::json(
                            s->transition(r, r.idParam(QStringLiteral("id")), a,
                                          r.body.isEmpty() ? QJsonObject() : r.jsonObject()));
                    }});
    }
    router.add({"GET", "/api/v1/resourcing/holidays", Authenticated, Scope::All,
                "Public holidays (filters: country, from, to)",
                [s](Request &r) { return Reply::json(s->holidays(r, PageRequest::from(r))); }});
    router.add({"POST", "/api/v1/resourcing/holidays", ResourcingUse, Scope::All,
                "Add a public holiday to a country's calendar (resource manager)",
                [s](Request &r) { return Reply::json(s->createHoliday(r, r.jsonObject()), 201); }});
}

} // namespace keel
