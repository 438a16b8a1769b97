#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace keel::dashboards {

// One point of a metric answer (server/analytics/README.md "Answer"). Values stay the server's
// exact decimal text; a chart converts them to qreal only to place a bar.
struct MetricPoint
{
    QString key, label;   // "2026-03" / "Mar 2026"; entity code; ids as text
    QString key2, label2; // the second dimension's (heatmaps)
    QString series;       // "actual", "forecast", "capacity"; empty for a single series
    QString value;        // empty when undefined (a ratio over zero)
    QString numerator, denominator;

    bool operator==(const MetricPoint &) const = default;
};

// GET /api/v1/analytics/metrics/{name}: the figure over the filter and its points.
struct MetricAnswer
{
    QString metric, title, unit, currency, by, by2, from, to;
    QString value, numerator, denominator, target; // empty when absent or null
    QList<MetricPoint> points;
    QJsonObject filters; // the filter as the server applied it: {"entity": "1", …}
    QJsonObject extra;
    QString drill; // the records route

    static MetricAnswer fromJson(const QJsonObject &json);

    // No point carries a value and the figure is absent or zero: nothing to draw.
    bool isEmpty() const;
    // The series names in the order they first appear; {""} for a single series.
    QStringList seriesNames() const;
    // The keys of the first dimension in the server's order (each once).
    QStringList keys() const;
    QStringList keys2() const;
    QString labelOf(const QString &key) const;
    QString label2Of(const QString &key2) const;
    // The point of (key, key2, series), or nullptr.
    const MetricPoint *find(const QString &key, const QString &key2 = {},
                            const QString &series = {}) const;
    // The points as CSV (RFC 4180, comma, CRLF): key,label,[key2,label2,]series,value,
    // numerator,denominator with the server's exact strings.
    QString csv() const;
};

} // namespace keel::dashboards
