#pragma once

namespace keel {

class Router;
struct DbConfig;

// Collections prediction (README.md, "collections_forecast"). The model's spec is
// collectionsModel() in insights_model.h.
void registerCollectionsRoutes(Router &router, const DbConfig &database);

} // namespace keel
