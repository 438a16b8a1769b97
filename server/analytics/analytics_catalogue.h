#pragma once

#include "analytics_facts.h"
#include "metric_definition.h"

namespace keel {

// Every metric, in the order GET /analytics/metrics lists them.
const QList<MetricDefinition> &analyticsMetrics();
const MetricDefinition *findMetric(const QString &name);

// The families (one file each; README "Where each metric lives"). Each returns its metrics and
// the aggregates they read.
QList<MetricDefinition> peopleMetrics(); // people_metrics.cpp: utilisation, bench…
QList<AnalyticsFact> peopleFacts();
QList<MetricDefinition> projectMetrics(); // project_metrics.cpp: margin, realisation, burn…
QList<AnalyticsFact> projectFacts();
QList<MetricDefinition> financeMetrics(); // finance_metrics.cpp: WIP, deferred, AR, DSO, cash
QList<AnalyticsFact> financeFacts();
QList<MetricDefinition> revenueMetrics(); // revenue_metrics.cpp: recognised vs forecast, accuracy,
QList<AnalyticsFact> revenueFacts();      //   write-offs, invoice cycle time
QList<MetricDefinition> salesMetrics();   // sales_metrics.cpp: bookings, backlog, pipeline…
QList<AnalyticsFact> salesFacts();

} // namespace keel
