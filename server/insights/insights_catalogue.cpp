#include "insights_model.h"

namespace keel {

const std::vector<InsightsModelSpec> &insightsModels()
{
    static const std::vector<InsightsModelSpec> models = {
        opportunityScoreModel(), marginRiskModel(),        invoiceAnomalyModel(),
        collectionsModel(),      executiveForecastModel(),
    };
    return models;
}

} // namespace keel
