#pragma once

#include "opportunity_score_store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace keel {

// The fitted opportunity model: the feature layout, each feature's training mean and spread,
// the coefficients (on the features' own scale), the value bands and the historical win rates
// the factors quote. Stored as the model version's parameters (toJson / fromJson).
struct OpportunityScoreParams
{
    QStringList stages;         // open stage codes seen in training, by sort order
    QList<qint64> serviceLines; // service line ids seen in training
    std::vector<double> bands;  // value quartile cut points (group currency): 3 values
    double firmRate = 0;        // won ÷ closed deals of the training history
    double smoothing = 3;       // pseudo-deals at the firm's rate in a client's rate
    QStringList features;       // names, in column order
    std::vector<double> means, spreads, coefficients;
    double intercept = 0;
    // Historical win rates the factors quote, per level: "stage:PROPOSE", "line:<id>",
    // "band:4", "discount:modest"; and the mean days in each stage ("days:PROPOSE").
    QHash<QString, double> rates;
    QHash<QString, int> counts;

    QJsonObject toJson() const;
    static OpportunityScoreParams fromJson(const QJsonObject &json);
};

// Fits on closed opportunities' points (outcome 0 or 1).
OpportunityScoreParams fitOpportunityScore(const std::vector<OpportunityScorePoint> &points);

// One factor of a deal's score: its contribution to the log-odds (coefficient × (x − mean),
// summed over a factor's columns) with the numbers and one English sentence.
struct OpportunityFactor
{
    QString factor; // stage, age_in_stage, value_band, client_history, service_line, discount,
                    // capacity
    QString label;
    QString value;
    QString comparedWith;
    double effect = 0;
    QString text;
    QJsonObject toJson() const;
};

struct OpportunityScore
{
    double probability = 0;
    std::vector<OpportunityFactor> factors; // by |effect|, largest first
};

OpportunityScore scoreOpportunity(const OpportunityScoreParams &params,
                                  const OpportunityScorePoint &point,
                                  const QHash<qint64, QString> &serviceLineNames = {});
double opportunityProbability(const OpportunityScoreParams &params,
                              const OpportunityScorePoint &point);

// "0.6312": probabilities and rates as fractions with four places.
QString fraction4(double value);

} // namespace keel
