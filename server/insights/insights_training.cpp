#include "insights_training.h"

#include "db/database.h"
#include "http/http_types.h"
#include "insights_model_store.h"

#include <QElapsedTimer>

namespace keel {

QJsonObject InsightsTrainingOutcome::json() const
{
    QJsonObject out{{QStringLiteral("training_ms"), trainingMs}};
    if (ok())
        out.insert(QStringLiteral("version"), version);
    else
        out.insert(QStringLiteral("error"), error);
    return out;
}

const InsightsModelSpec *insightsModelSpec(const QString &name)
{
    for (const InsightsModelSpec &spec : insightsModels())
        if (spec.name == name)
            return &spec;
    return nullptr;
}

InsightsTrainingOutcome trainInsightsModel(QSqlDatabase db, const InsightsModelSpec &spec,
                                           QDate asOf, qint64 runId,
                                           const InsightsProgress &progress)
{
    InsightsTrainingOutcome outcome;
    outcome.model = spec.name;
    const InsightsProgress report = [&](int percent, const QString &step) {
        if (progress)
            progress(qBound(0, percent, 100), step);
    };
    QElapsedTimer timer;
    timer.start();
    try {
        // A savepoint inside the demo load's transaction: a model whose SQL fails rolls back to
        // here and the load goes on.
        db::Transaction tx(db);
        if (!spec.train)
            throw std::runtime_error("the model has no training");
        const InsightsTrained trained = spec.train(db, asOf, report);
        outcome.trainingMs = int(timer.elapsed());
        if (!trained.error.isEmpty()) {
            outcome.error = trained.error;
        } else {
            outcome.version =
                storeInsightsModel(db, spec.name, asOf, trained, outcome.trainingMs, runId).version;
            tx.commit();
        }
    } catch (const DbError &e) {
        outcome.error = QStringLiteral("The database refused the training: %1").arg(e.message());
    } catch (const ApiError &e) {
        outcome.error = e.problem().detail;
    } catch (const std::exception &e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    if (!outcome.ok()) {
        outcome.version = 0;
        if (!outcome.trainingMs)
            outcome.trainingMs = int(timer.elapsed());
        qWarning("insights: training %s failed: %s", qPrintable(spec.name),
                 qPrintable(outcome.error));
    }
    report(100, QStringLiteral("done"));
    return outcome;
}

} // namespace keel
