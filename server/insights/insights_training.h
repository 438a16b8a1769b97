#pragma once

#include "insights_model.h"

#include <QJsonObject>

namespace keel {

// What one model's training left behind: the stored version, or why there is none.
struct InsightsTrainingOutcome
{
    QString model;
    int version = 0;    // 0 when nothing was stored
    int trainingMs = 0; // the fit and its backtest, wall time
    QString error;      // empty when a version was stored

    bool ok() const { return error.isEmpty(); }
    // A training run's result entry: {version, training_ms} or {error, training_ms}.
    QJsonObject json() const;
};

// Trains `spec` on the history up to `asOf` and stores it as the model's next current version,
// synchronously, on `db` (in a transaction of its own, or a savepoint of the caller's: a model
// that fails leaves nothing behind and does not spoil the caller's transaction). A spec error
// or an exception is returned as `error`, never thrown. Tests, the demo load and the training
// runs call it.
InsightsTrainingOutcome trainInsightsModel(QSqlDatabase db, const InsightsModelSpec &spec,
                                           QDate asOf, qint64 runId,
                                           const InsightsProgress &progress);

// The spec named `name` in insightsModels(), or nullptr.
const InsightsModelSpec *insightsModelSpec(const QString &name);

} // namespace keel
