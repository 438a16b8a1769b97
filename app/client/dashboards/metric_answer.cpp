#include "metric_answer.h"

#include "decimal.h"

#include <QJsonArray>

namespace keel::dashboards {

namespace {
// Null, absent and numbers read as text: the server sends decimals as strings, but a count
// may arrive as a JSON number.
QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

bool isZero(const QString &decimal)
{
    const auto d = Decimal::parse(decimal);
    return d && *d == Decimal();
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}
} // namespace

MetricAnswer MetricAnswer::fromJson(const QJsonObject &json)
{
    MetricAnswer a;
    a.metric = textOf(json.value("metric"));
    a.title = textOf(json.value("title"));
    a.unit = textOf(json.value("unit"));
    a.currency = textOf(json.value("currency"));
    a.by = textOf(json.value("by"));
    a.by2 = textOf(json.value("by2"));
    a.from = textOf(json.value("from"));
    a.to = textOf(json.value("to"));
    a.value = textOf(json.value("value"));
    a.numerator = textOf(json.value("numerator"));
    a.denominator = textOf(json.value("denominator"));
    a.target = textOf(json.value("target"));
    a.filters = json.value("filters").toObject();
    a.extra = json.value("extra").toObject();
    a.drill = textOf(json.value("drill"));
    for (const QJsonValue &v : json.value("points").toArray()) {
        const QJsonObject o = v.toObject();
        a.points.append({textOf(o.value("key")), textOf(o.value("label")), textOf(o.value("key2")),
                         textOf(o.value("label2")), textOf(o.value("series")),
                         textOf(o.value("value")), textOf(o.value("numerator")),
                         textOf(o.value("denominator"))});
    }
    return a;
}

bool MetricAnswer::isEmpty() const
{
    for (const MetricPoint &p : points)
        if (!p.value.isEmpty() && !isZero(p.value))
            return false;
    return value.isEmpty() || isZero(value);
}

QStringList MetricAnswer::seriesNames() const
{
    QStringList out;
    for (const MetricPoint &p : points)
        if (!out.contains(p.series))
            out.append(p.series);
    if (out.isEmpty())
        out.append(QString());
    return out;
}

QStringList MetricAnswer::keys() const
{
    QStringList out;
    for (const MetricPoint &p : points)
        if (!out.contains(p.key))
            out.append(p.key);
    return out;
}

QStringList MetricAnswer::keys2() const
{
    QStringList out;
    for (const MetricPoint &p : points)
        if (!p.key2.isEmpty() && !out.contains(p.key2))
            out.append(p.key2);
    return out;
}

QString MetricAnswer::labelOf(const QString &key) const
{
    for (const MetricPoint &p : points)
        if (p.key == key)
            return p.label.isEmpty() ? p.key : p.label;
    return key;
}

QString MetricAnswer::label2Of(const QString &key2) const
{
    for (const MetricPoint &p : points)
        if (p.key2 == key2)
            return p.label2.isEmpty() ? p.key2 : p.label2;
    return key2;
}

const MetricPoint *MetricAnswer::find(const QString &key, const QString &key2,
                                      const QString &series) const
{
    for (const MetricPoint &p : points)
        if (p.key == key && p.key2 == key2 && p.series == series)
            return &p;
    return nullptr;
}

QString MetricAnswer::csv() const
{
    const bool two = !by2.isEmpty();
    QStringList header{QStringLiteral("key"), QStringLiteral("label")};
    if (two)
        header << QStringLiteral("key2") << QStringLiteral("label2");
    header << QStringLiteral("series") << QStringLiteral("value") << QStringLiteral("numerator")
           << QStringLiteral("denominator");
    QString out = header.join(u',') + QStringLiteral("\r\n");
    for (const MetricPoint &p : points) {
        QStringList row{csvField(p.key), csvField(p.label)};
        if (two)
            row << csvField(p.key2) << csvField(p.label2);
        row << csvField(p.series) << csvField(p.value) << csvField(p.numerator)
            << csvField(p.denominator);
        out += row.join(u',') + QStringLiteral("\r\n");
    }
    return out;
}

} // namespace keel::dashboards
