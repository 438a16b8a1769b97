#pragma once

namespace keel {

class Router;
struct DbConfig;

// POST /api/v1/analytics/forecast-snapshots {legal_entity_id, month}: finance takes (or retakes
// nothing of) an entity's revenue forecast snapshot of a month by hand (forecast_snapshot.h).
void registerForecastSnapshotRoutes(Router &router, const DbConfig &database);

} // namespace keel
