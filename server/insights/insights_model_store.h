#pragma once

#include "insights_model.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace keel {

// A stored version of a model (insights_models).
struct InsightsModelRecord
{
    qint64 id = 0;
    QString model;
    int version = 0;
    QDate asOf;
    QDateTime trainedAt;
    int trainingMs = 0;
    int sampleSize = 0;
    QJsonObject parameters;
    QJsonObject backtest;
};

// The version scoring uses; nullopt before the first training.
std::optional<InsightsModelRecord> currentInsightsModel(QSqlDatabase db, const QString &model);

// Stores `trained` as the model's next version and makes it current, in one transaction.
InsightsModelRecord storeInsightsModel(QSqlDatabase db, const QString &model, QDate asOf,
                                       const InsightsTrained &trained, int trainingMs,
                                       qint64 trainingRunId);

// {name, version, trained_at, as_of, training_ms, sample_size, backtest}: every scoring answer
// carries it as "model", so a user sees which version and how well it did on unseen data.
QJsonObject insightsModelJson(const InsightsModelRecord &record);

// The current model or 409 problem `not_trained` ("No trained <title> model yet: train the
// models in the Insights workspace.").
InsightsModelRecord requireInsightsModel(QSqlDatabase db, const QString &model);

} // namespace keel
