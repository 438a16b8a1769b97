#pragma once

#include "metric_definition.h"

namespace keel::revenue_analytics {

// The revenue and billing family (README "Revenue and billing metrics"), one file each.
MetricDefinition revenueVsForecastMetric(); // revenue_forecast_metrics.cpp
MetricDefinition forecastAccuracyMetric();  // revenue_forecast_metrics.cpp
MetricDefinition writeOffRateMetric();      // revenue_billing_metrics.cpp
MetricDefinition invoiceCycleTimeMetric();  // revenue_billing_metrics.cpp
MetricDefinition milestonesDueMetric();     // revenue_milestones_metric.cpp

// Answers of a ratio: "" when the denominator is zero.
MetricPoint ratioPoint(const QString &key, const QString &label, const QString &value,
                       const QString &numerator, const QString &denominator);

} // namespace keel::revenue_analytics
