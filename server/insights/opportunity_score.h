#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>

#include <vector>

namespace keel {

class Router;
struct DbConfig;

// Opportunity scoring (README.md, "opportunity_score"). The model's spec is opportunityScoreModel()
// in insights_model.h.
void registerOpportunityScoreRoutes(Router &router, const DbConfig &database);

struct OpportunityWinProbability
{
    qint64 opportunityId = 0;
    double probability = 0; // the current model's P(won), features as of `asOf`
};

// The current model's win probability of every opportunity of the entities that was open at
// `asOf` (stage history), with features as of that day. Empty without a trained model. The
// executive forecast weights the pipeline with it.
std::vector<OpportunityWinProbability>
opportunityWinProbabilities(QSqlDatabase db, const QList<qint64> &entityIds, QDate asOf);

} // namespace keel
