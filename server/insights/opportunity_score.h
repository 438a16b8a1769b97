#pragma once

namespace keel {

class Router;
struct DbConfig;

// Opportunity scoring (README.md, "opportunity_score"). The model's spec is opportunityScoreModel()
// in insights_model.h.
void registerOpportunityScoreRoutes(Router &router, const DbConfig &database);

} // namespace keel
