#include "fx_revaluation_routes.h"

#include "fx_revaluation_service.h"
#include "http/router.h"
#include "permissions.h"

#include <memory>

namespace keel {

void registerFxRevaluationRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const auto s = std::make_shared<const FxRevaluationService>(database);
    router.add({"GET", "/api/v1/close/entities/{id}/periods/{period}/fx-revaluation", FinanceUse,
                Scope::LegalEntity,
                "The current FX revaluation of an entity's period and its items "
                "(?kind=&limit=&after=)",
                [s](Request &r) {
                    return Reply::json(s->items(r, r.idParam(QStringLiteral("id")),
                                                r.params.value(QStringLiteral("period"))));
                }});
}

} // namespace keel
