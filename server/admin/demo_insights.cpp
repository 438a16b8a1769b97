#include "demo_insights.h"

#include "db/database.h"
#include "demo_sales.h"
#include "insights/insights_training.h"
#include "insights/insights_training_runs.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <cstdio>

namespace keel {

bool loadDemoInsights(QSqlDatabase db, DemoInsightsCounts *counts, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    DemoInsightsCounts c;
    try {
        QStringList names;
        for (const InsightsModelSpec &spec : insightsModels())
            names << spec.name;
        c.runId = insights_runs::insertDemo(db, names);
        QJsonObject result;
        for (const InsightsModelSpec &spec : insightsModels()) {
            const InsightsTrainingOutcome outcome =
                trainInsightsModel(db, spec, demoAsOf(), c.runId, {});
            result.insert(spec.name, outcome.json());
            if (outcome.ok()) {
                ++c.trained;
            } else {
                c.failed << QStringLiteral("%1: %2").arg(spec.name, outcome.error);
                std::fprintf(stderr, "demo: the %s model was not trained: %s\n",
                             qPrintable(spec.name), qPrintable(outcome.error));
            }
        }
        insights_runs::finish(
            db, c.runId, result,
            c.trained == 0 && !c.failed.isEmpty()
                ? QStringLiteral("Every model failed. %1").arg(c.failed.join(QStringLiteral("; ")))
                : QString());
    } catch (const DbError &e) {
        if (error)
            *error = QStringLiteral("Training the insights models: %1").arg(e.message());
        return false;
    }
    c.milliseconds = timer.elapsed();
    std::fprintf(stderr, "demo: %d of %d insights models trained in %lld ms\n", c.trained,
                 int(insightsModels().size()), c.milliseconds);
    if (counts)
        *counts = c;
    return true;
}

} // namespace keel
