#include "sync_routes.h"

#include "http/router.h"
#include "permissions.h"
#include "sync_service.h"

#include <memory>

namespace keel {

void registerSyncRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const auto s = std::make_shared<const SyncService>(database);
    const QString base = QStringLiteral("/api/v1/sync");
    router.add({"GET", base + "/pull", TimeUse, Scope::Own,
                "The caller's time entries and expenses changed since the cursor",
                [s](Request &r) { return Reply::json(s->pull(r)); }});
    router.add({"GET", base + "/reference", TimeUse, Scope::Own,
                "Projects, tasks, assignments and expense categories the caller books against",
                [s](Request &r) { return Reply::json(s->reference(r)); }});
    router.add({"POST", base + "/push", TimeUse, Scope::Own,
                "Apply a batch of offline changes, each on its own, idempotent by op_id",
                [s](Request &r) { return Reply::json(s->push(r, r.jsonObject())); }});
}

} // namespace keel
