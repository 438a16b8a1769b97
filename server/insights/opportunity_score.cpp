#include "opportunity_score.h"

#include "insights_model.h"

namespace keel {

// Placeholder until its author lands the model: training reports that it is not built.
InsightsModelSpec opportunityScoreModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("opportunity_score");
    spec.title = QStringLiteral("Opportunity scoring");
    spec.train = [](QSqlDatabase, QDate, const InsightsProgress &) {
        InsightsTrained t;
        t.error = QStringLiteral("not built yet");
        return t;
    };
    return spec;
}

void registerOpportunityScoreRoutes(Router &, const DbConfig &) {}

std::vector<OpportunityWinProbability> opportunityWinProbabilities(QSqlDatabase,
                                                                   const QList<qint64> &, QDate)
{
    return {};
}

} // namespace keel
