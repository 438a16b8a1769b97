#pragma once

namespace keel {

class Router;
struct DbConfig;

// Executive forecast (README.md, "executive_forecast"). The model's spec is
// executiveForecastModel() in insights_model.h.
void registerExecutiveForecastRoutes(Router &router, const DbConfig &database);

} // namespace keel
