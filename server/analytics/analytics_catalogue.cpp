#include "analytics_catalogue.h"

#include "ledger_month_fact.h"

namespace keel {

const QList<MetricDefinition> &analyticsMetrics()
{
    static const QList<MetricDefinition> all = [] {
        QList<MetricDefinition> out;
        out += financeMetrics();
        out += revenueMetrics();
        out += peopleMetrics();
        out += projectMetrics();
        out += salesMetrics();
        return out;
    }();
    return all;
}

const MetricDefinition *findMetric(const QString &name)
{
    for (const MetricDefinition &m : analyticsMetrics())
        if (m.name == name)
            return &m;
    return nullptr;
}

const QList<AnalyticsFact> &analyticsFacts()
{
    static const QList<AnalyticsFact> all = [] {
        QList<AnalyticsFact> out{ledgerMonthFact()};
        out += financeFacts();
        out += revenueFacts();
        out += peopleFacts();
        out += projectFacts();
        out += salesFacts();
        return out;
    }();
    return all;
}

} // namespace keel
