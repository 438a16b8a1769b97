#pragma once

// The people family (README "People metrics"): utilisation and bench over the person_month
// aggregate.

#include "analytics_facts.h"
#include "metric_definition.h"

namespace keel {

MetricDefinition utilisationMetric(); // people_utilisation.cpp
MetricDefinition benchMetric();       // people_bench.cpp
AnalyticsFact personMonthFact();      // people_metrics.cpp

} // namespace keel
