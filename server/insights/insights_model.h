#pragma once

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <vector>

namespace keel {

// What one training of a model produced. `backtest.figures` holds the measured figures under
// the names the benchmarks print (score_auc, anomaly_recall, …; ratios as fractions in strings
// with four places, days and percent with one or two). Non-empty `error`: nothing is stored.
struct InsightsTrained
{
    QJsonObject parameters; // everything scoring needs; small (coefficients, thresholds)
    QJsonObject backtest;   // {cutoff, trained_on, scored_on, figures: {name: "0.8123"}, notes}
    int sampleSize = 0;     // rows the final fit saw
    QString error;
};

// Reports progress within one model's training: 0–100 and a step in words.
using InsightsProgress = std::function<void(int percent, const QString &step)>;

// A model of server/insights: trained from the firm's own history up to `asOf` (its backtest
// fits on data before a cut-off it chooses and scores what came after), on a connection of its
// own, outside any request. Training must not write business tables; the platform stores the
// result as a new version in insights_models.
struct InsightsModelSpec
{
    QString name;        // insights_models.model
    QString title;       // English; the client translates
    QString description; // what it predicts, from what, in one sentence
    std::function<InsightsTrained(QSqlDatabase db, QDate asOf, const InsightsProgress &)> train;
};

// Every model, in training order (opportunity_score first: the executive forecast uses it).
const std::vector<InsightsModelSpec> &insightsModels();

// One model's spec, each defined in its own file.
InsightsModelSpec opportunityScoreModel();
InsightsModelSpec marginRiskModel();
InsightsModelSpec invoiceAnomalyModel();
InsightsModelSpec collectionsModel();
InsightsModelSpec executiveForecastModel();

} // namespace keel
