#include "insights_platform.h"

#include "http/router.h"
#include "insights_platform_service.h"
#include "permissions.h"

#include <memory>

namespace keel {

void registerInsightsPlatformRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    // The routes own the service and with it the trainer: it stops polling and waits for its
    // run when the server's router goes.
    const auto platform = std::make_shared<InsightsPlatformService>(database);
    const QString base = QStringLiteral("/api/v1/insights");
    router.add({"GET", base + "/models", InsightsUse, Scope::LegalEntity,
                "Every insights model with its current version, training date and backtest "
                "figures (version null before the first training)",
                [platform](Request &r) { return Reply::json(platform->models(r)); }});
    router.add({"POST", base + "/training-runs", InsightsUse, Scope::LegalEntity,
                "Retrain the models {models?: [names]}: 202 with the run (a run already queued "
                "or running is joined), poll GET /insights/training-runs/{id}",
                [platform](Request &r) {
                    const QJsonObject body =
                        r.body.trimmed().isEmpty() ? QJsonObject() : r.jsonObject();
                    return Reply::json(platform->requestTraining(r, body), 202);
                }});
    router.add({"GET", base + "/training-runs", InsightsUse, Scope::LegalEntity,
                "The latest training runs, newest first (?limit=, at most 100)",
                [platform](Request &r) { return Reply::json(platform->trainingRuns(r)); }});
    router.add({"GET", base + "/training-runs/{id}", InsightsUse, Scope::LegalEntity,
                "One training run: status, progress and step, per model its version or error",
                [platform](Request &r) {
                    return Reply::json(platform->trainingRun(r, r.idParam(QStringLiteral("id"))));
                }});
}

} // namespace keel
