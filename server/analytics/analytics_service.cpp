#include "analytics_service.h"

#include "analytics_catalogue.h"
#include "db/pg_array.h"
#include "http/http_types.h"
#include "permissions.h"

#include <QJsonArray>

namespace keel {

namespace {

const MetricDefinition &metricNamed(const QString &name)
{
    const MetricDefinition *metric = findMetric(name);
    if (!metric)
        throw ApiError::notFound(QStringLiteral("There is no metric %1.").arg(name));
    return *metric;
}

QString monthKey(QDate month)
{
    return month.toString(QStringLiteral("yyyy-MM"));
}

void checkDimension(const MetricDefinition &metric, const QString &by, const char *field)
{
    if (!metric.dimensions.contains(by))
        throw ApiError::invalidField(
            QString::fromLatin1(field), QStringLiteral("invalid_choice"),
            QStringLiteral("%1 can be cut by %2.").arg(metric.name, metric.dimensions.join(u", ")));
}

void putIfSet(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

QJsonObject filterJson(const AnalyticsFilter &f)
{
    QJsonObject o;
    const auto id = [&o](const char *key, qint64 v) {
        if (v > 0)
            o.insert(QLatin1String(key), QString::number(v));
    };
    id("entity", f.entityId);
    id("practice", f.practiceId);
    id("client", f.clientId);
    id("project", f.projectId);
    id("person", f.personId);
    id("manager", f.managerUserId);
    return o;
}

} // namespace

QString MetricContext::entityArray() const
{
    db::PgArray ids;
    for (qint64 id : entityIds)
        ids.add(id);
    return ids.literal();
}

QString metricUnitName(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Money:
        return QStringLiteral("money");
    case MetricUnit::Ratio:
        return QStringLiteral("ratio");
    case MetricUnit::Hours:
        return QStringLiteral("hours");
    case MetricUnit::Days:
        return QStringLiteral("days");
    case MetricUnit::Count:
        return QStringLiteral("count");
    }
    return {};
}

MetricContext AnalyticsService::contextFor(QSqlDatabase db, const Request &request,
                                           const MetricDefinition &metric, bool drill)
{
    const Principal &caller = request.caller();
    MetricContext c;
    c.db = db;
    c.callerUserId = caller.user.id;
    c.filter = parseAnalyticsFilter(request, c.callerUserId);
    AnalyticsFilter &f = c.filter;
    if (f.by.isEmpty())
        f.by = metric.dimensions.value(0);
    checkDimension(metric, f.by, "by");
    if (!f.by2.isEmpty()) {
        checkDimension(metric, f.by2, "by2");
        if (f.by2 == f.by)
            throw ApiError::invalidField(QStringLiteral("by2"), QStringLiteral("same_as_by"),
                                         QStringLiteral("by2 must differ from by."));
    }

    // The entities the caller's dashboard grants cover.
    const QStringList granted = caller.entitiesFor(QString::fromLatin1(Permission::DashboardsUse));
    const bool all = granted.contains(QStringLiteral("*"));
    QHash<QString, qint64> byCode;
    QHash<qint64, QString> currencyOf;
    QSqlQuery q = db::exec(
        db, QStringLiteral("SELECT id, code, functional_currency FROM legal_entities ORDER BY id"));
    QList<qint64> visible;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString code = q.value(1).toString();
        currencyOf.insert(id, q.value(2).toString());
        if (all || granted.contains(code)) {
            visible.append(id);
            byCode.insert(code, id);
        }
    }
    // The currency a figure was answered in is the one its drill-down keeps: narrowing a group
    // answer to one entity's point must not switch to that entity's currency.
    const bool groupByDefault = f.entityId != 0 ? false : visible.size() > 1;
    if (drill) {
        // Without a key the records are those of the whole figure.
        if (!f.key.isEmpty()) {
            if (f.by == QLatin1String(Dimension::Entity)) {
                if (!byCode.contains(f.key))
                    throw ApiError::invalidField(
                        QStringLiteral("key"), QStringLiteral("invalid_key"),
                        QStringLiteral("No entity %1 in your scope.").arg(f.key));
                f.entityId = byCode.value(f.key);
            } else {
                narrowToKey(f, f.by, f.key, "key");
            }
        }
        if (!f.key2.isEmpty()) {
            if (f.by2 == QLatin1String(Dimension::Entity)) {
                if (!byCode.contains(f.key2))
                    throw ApiError::invalidField(
                        QStringLiteral("key2"), QStringLiteral("invalid_key"),
                        QStringLiteral("No entity %1 in your scope.").arg(f.key2));
                f.entityId = byCode.value(f.key2);
            } else {
                narrowToKey(f, f.by2, f.key2, "key2");
            }
        }
    }
    if (f.entityId != 0) {
        if (!visible.contains(f.entityId))
            throw ApiError::forbidden(
                QStringLiteral("Your dashboards do not cover entity %1.").arg(f.entityId));
        c.entityIds = {f.entityId};
    } else {
        c.entityIds = visible;
    }
    if (c.entityIds.isEmpty())
        throw ApiError::forbidden(QStringLiteral("Your dashboards cover no legal entity."));

    const bool currencyGiven = request.query.hasQueryItem(QStringLiteral("currency"));
    if (!currencyGiven)
        f.groupCurrency = groupByDefault;
    if (!f.groupCurrency && c.entityIds.size() > 1)
        throw ApiError::invalidField(QStringLiteral("currency"), QStringLiteral("one_entity"),
                                     QStringLiteral("Choose one entity to see its figures in its "
                                                    "own currency."));
    if (f.groupCurrency) {
        QSqlQuery g = db::exec(db, QStringLiteral("SELECT group_currency FROM group_settings"));
        c.currency = g.next() ? g.value(0).toString() : QStringLiteral("USD");
    } else {
        c.currency = currencyOf.value(c.entityIds.first());
    }
    if (metric.convertsCurrency)
        c.rates = AnalyticsRates::load(db, c.entityIds, c.currency, f.from.addMonths(-12), f.to);
    refreshStaleFacts(db, metric.facts);
    return c;
}

QJsonObject AnalyticsService::list() const
{
    QJsonArray items;
    for (const MetricDefinition &m : analyticsMetrics())
        items.append(QJsonObject{{"name", m.name},
                                 {"title", m.title},
                                 {"description", m.description},
                                 {"unit", metricUnitName(m.unit)},
                                 {"dimensions", QJsonArray::fromStringList(m.dimensions)}});
    return {{"items", items}};
}

QJsonObject AnalyticsService::metric(const Request &request, const QString &name) const
{
    const MetricDefinition &metric = metricNamed(name);
    const QSqlDatabase db = db::connection(m_config);
    const MetricContext c = contextFor(db, request, metric, false);
    const MetricAnswer a = metric.compute(c);

    QJsonArray points;
    for (const MetricPoint &p : a.points) {
        QJsonObject o{{"key", p.key}, {"label", p.label}};
        putIfSet(o, "key2", p.key2);
        putIfSet(o, "label2", p.label2);
        putIfSet(o, "series", p.series);
        o.insert(QStringLiteral("value"),
                 p.value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.value));
        putIfSet(o, "numerator", p.numerator);
        putIfSet(o, "denominator", p.denominator);
        points.append(o);
    }
    QJsonObject out{{"metric", metric.name},
                    {"title", metric.title},
                    {"unit", metricUnitName(metric.unit)},
                    {"currency", c.currency},
                    {"by", c.filter.by},
                    {"from", monthKey(c.filter.from)},
                    {"to", monthKey(c.filter.to)},
                    {"filters", filterJson(c.filter)},
                    {"value", a.value.isEmpty() ? QJsonValue(QJsonValue::Null) : a.value},
                    {"points", points},
                    {"drill", QStringLiteral("/api/v1/analytics/metrics/%1/records").arg(name)}};
    putIfSet(out, "by2", c.filter.by2);
    putIfSet(out, "numerator", a.numerator);
    putIfSet(out, "denominator", a.denominator);
    putIfSet(out, "target", a.target);
    if (!a.extra.isEmpty())
        out.insert(QStringLiteral("extra"), a.extra);
    return out;
}

QJsonObject AnalyticsService::records(const Request &request, const QString &name) const
{
    const MetricDefinition &metric = metricNamed(name);
    const QSqlDatabase db = db::connection(m_config);
    const MetricContext c = contextFor(db, request, metric, true);
    const RecordsPage page = metric.records(c);
    QJsonArray columns;
    for (const RecordColumn &col : page.columns)
        columns.append(QJsonObject{{"key", col.key}, {"title", col.title}, {"type", col.type}});
    return {{"metric", metric.name},
            {"currency", c.currency},
            {"from", monthKey(c.filter.from)},
            {"to", monthKey(c.filter.to)},
            {"columns", columns},
            {"items", page.items},
            {"total", page.total},
            {"next", page.next.isEmpty() ? QJsonValue(QJsonValue::Null) : page.next}};
}

} // namespace keel
