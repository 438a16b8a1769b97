#include "insights_platform.h"

namespace keel {

// Placeholder until the platform lands.
void registerInsightsPlatformRoutes(Router &, const DbConfig &) {}

} // namespace keel
