#pragma once

#include "analytics_filter.h"
#include "analytics_rates.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace keel {

// What a metric's value is (server/analytics/README.md "Answers"). Money values are exact
// decimals at the currency's minor unit; ratios have four decimal places (0.7312).
enum class MetricUnit
{
    Money,
    Ratio,
    Hours,
    Days,
    Count
};
QString metricUnitName(MetricUnit unit);

// One point of a metric: the value for one key of the `by` dimension (and of `by2`).
struct MetricPoint
{
    QString key, label;   // "2026-03" / "Mar 2026"; entity code / name; ids as text / names
    QString key2, label2; // the second dimension's, when by2 is given
    QString series;       // several lines on one chart ("actual", "forecast"); empty for one
    QString value;        // exact decimal text; empty when undefined (a ratio over zero)
    QString numerator, denominator; // ratios: the sums the value divides
};

struct MetricAnswer
{
    QString value, numerator, denominator; // the figure over the whole filter
    QList<MetricPoint> points;
    QString target;    // a target line (utilisation target), empty for none
    QJsonObject extra; // anything metric-specific the card shows beside the figure
};

// A drill-down column: type is text, date, month, hours, money, ratio, count, days or id.
struct RecordColumn
{
    QString key, title, type;
};

// The records a figure sums, one page at a time; `total` is their sum over every page (in the
// answer's currency, converted as the figure is) and equals the point's value or numerator.
struct RecordsPage
{
    QList<RecordColumn> columns;
    QJsonArray items; // money as {"amount","currency"} in the record's own currency
    QString total;
    QString next; // cursor of the next page; empty on the last
};

// Everything a metric's SQL needs: the caller's connection, the filter, the entities in scope
// and the rates into the answer's currency.
struct MetricContext
{
    QSqlDatabase db;
    AnalyticsFilter filter;
    QList<qint64> entityIds; // in scope after the filter: never empty
    QString currency;        // the answer's currency (group or the one entity's)
    AnalyticsRates rates;
    qint64 callerUserId = 0;

    // "{1,2,3}": bind as ?::bigint[] for `legal_entity_id = ANY(?::bigint[])`.
    QString entityArray() const;
};

// A metric: computed in one place, drilled down to the records it sums.
struct MetricDefinition
{
    QString name;  // URL segment, snake_case: utilisation, project_margin, dso
    QString title; // English; the client translates
    QString description;
    MetricUnit unit = MetricUnit::Money;
    QStringList dimensions; // allowed `by` values, the default first
    QStringList facts;      // aggregates brought up to date before compute/records
    std::function<MetricAnswer(const MetricContext &)> compute;
    std::function<RecordsPage(const MetricContext &)> records;
    // False for metrics of hours or counts: no exchange rate is loaded, so a missing rate
    // cannot fail them (ctx.rates stays empty).
    bool convertsCurrency = true;
};

} // namespace keel
