#pragma once

namespace keel {

class Router;
struct DbConfig;

// Margin-risk alerts (README.md, "margin_risk"). The model's spec is marginRiskModel() in
// insights_model.h.
void registerMarginRiskRoutes(Router &router, const DbConfig &database);

} // namespace keel
