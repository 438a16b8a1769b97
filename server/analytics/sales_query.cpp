#include "sales_query.h"

#include "db/database.h"
#include "http/http_types.h"

#include <QJsonDocument>

namespace keel {

namespace {

bool isRanking(const QString &by)
{
    return by == QLatin1String(Dimension::Client) || by == QLatin1String(Dimension::Project) ||
           by == QLatin1String(Dimension::Person);
}

// The order of a dimension's keys when it is not a ranking.
QString sortOf(const QString &by)
{
    if (by == QLatin1String(Dimension::Month))
        return QStringLiteral("f.month");
    if (by == QLatin1String("stage"))
        return QStringLiteral("f.stage_sort");
    return {};
}

struct SalesSliceSql
{
    QString where;
    QVariantList binds;
};

SalesSliceSql sliceOf(const MetricContext &c, const SalesRelation &r, const SalesCondition &extra)
{
    const SqlFragment slice = sliceCondition(c, r.columns);
    SalesSliceSql out{slice.sql, slice.binds};
    if (!extra.sql.isEmpty()) {
        out.where += QStringLiteral(" AND (") + extra.sql + u')';
        out.binds += extra.binds;
    }
    return out;
}

} // namespace

DimensionSql salesDimension(const QString &dimension)
{
    if (dimension == QLatin1String("stage"))
        return {QStringLiteral("f.stage_code"), QStringLiteral("f.stage_name"), {}};
    if (dimension == QLatin1String("kind"))
        return {QStringLiteral("f.rec_kind"), QStringLiteral("f.rec_kind"), {}};
    if (dimension.isEmpty())
        return {QStringLiteral("''"), QStringLiteral("''"), {}};
    return dimensionSql(dimension);
}

QList<SalesSumRow> salesSums(const MetricContext &c, const SalesRelation &r, const QString &by,
                             const QString &by2, const SalesCondition &extra)
{
    const DimensionSql d1 = salesDimension(by);
    const DimensionSql d2 = by2.isEmpty()
                                ? DimensionSql{QStringLiteral("''"), QStringLiteral("''"), {}}
                                : salesDimension(by2);
    const QString sort1 = sortOf(by), sort2 = sortOf(by2);
    const SalesSliceSql slice = sliceOf(c, r, extra);
    const QString rate =
        r.balance ? QStringLiteral("fx.closing_rate") : QStringLiteral("fx.average_rate");
    const QString converted = QStringLiteral("sum(round(p.amount * %1, 2))").arg(rate);
    QString order;
    if (isRanking(by))
        order = QStringLiteral(" ORDER BY coalesce(%1, 0) %2, p.k LIMIT %3")
                    .arg(converted, c.filter.order == QLatin1String("asc") ? QStringLiteral("ASC")
                                                                           : QStringLiteral("DESC"))
                    .arg(c.filter.limit);
    else
        order = QStringLiteral(" ORDER BY min(p.s1), p.k, min(p.s2), p.k2");
    const QString sql =
        QStringLiteral("WITH f AS (") + r.sql +
        QStringLiteral(") SELECT p.k, p.l, p.k2, p.l2, coalesce(%1, 0)::numeric(20, 2)::text, "
                       "sum(p.n)::int FROM (SELECT %2 AS k, %3 AS l, %4 AS k2, %5 AS l2, "
                       "min(%6) AS s1, min(%7) AS s2, f.legal_entity_id, f.month, "
                       "sum(f.amount) AS amount, count(*) AS n FROM f")
            .arg(converted, d1.key, d1.label, d2.key, d2.label,
                 sort1.isEmpty() ? QStringLiteral("NULL::int") : sort1,
                 sort2.isEmpty() ? QStringLiteral("NULL::int") : sort2) +
        d1.joins + d2.joins + QStringLiteral(" WHERE ") + slice.where +
        QStringLiteral(" GROUP BY 1, 2, 3, 4, f.legal_entity_id, f.month) p JOIN ") +
        AnalyticsRates::relation() +
        QStringLiteral(" ON fx.legal_entity_id = p.legal_entity_id AND fx.month = p.month "
                       "GROUP BY p.k, p.l, p.k2, p.l2") +
        order;
    QSqlQuery q = db::query(c.db, sql, r.binds + slice.binds + c.rates.binds());
    QList<SalesSumRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()});
    return rows;
}

SalesSumRow salesTotal(const MetricContext &c, const SalesRelation &r, const SalesCondition &extra)
{
    SalesCondition condition = extra;
    if (r.balance) {
        // A balance's figure is the one at the end of the last month.
        condition.sql =
            (extra.sql.isEmpty() ? QString() : u'(' + extra.sql + QStringLiteral(") AND ")) +
            QStringLiteral("f.month = ?");
        condition.binds.append(c.filter.to);
    }
    const QList<SalesSumRow> rows = salesSums(c, r, {}, {}, condition);
    return rows.isEmpty() ? SalesSumRow{{}, {}, {}, {}, QStringLiteral("0.00"), 0} : rows.first();
}

QList<MetricPoint> salesMoneyPoints(const MetricContext &c, const SalesRelation &r,
                                    const SalesCondition &extra)
{
    const AnalyticsFilter &f = c.filter;
    const QList<SalesSumRow> rows = salesSums(c, r, f.by, f.by2, extra);
    QList<MetricPoint> points;
    if (f.by == QLatin1String(Dimension::Month) && f.by2.isEmpty()) {
        QHash<QString, QString> byKey;
        for (const SalesSumRow &row : rows)
            byKey.insert(row.key, row.value);
        for (const QDate &m : f.months()) {
            const QString key = m.toString(QStringLiteral("yyyy-MM"));
            points.append({key,
                           QLocale::c().toString(m, QStringLiteral("MMM yyyy")),
                           {},
                           {},
                           {},
                           byKey.value(key, QStringLiteral("0.00")),
                           {},
                           {}});
        }
        return points;
    }
    for (const SalesSumRow &row : rows)
        points.append({row.key, row.label, row.key2, row.label2, {}, row.value, {}, {}});
    return points;
}

void salesRequireRates(const MetricContext &c, const SalesRelation &r)
{
    const SalesSliceSql slice = sliceOf(c, r, {});
    QSqlQuery q = db::query(c.db,
                            QStringLiteral("WITH f AS (") + r.sql +
                                QStringLiteral(") SELECT min(f.missing) FROM f WHERE ") +
                                slice.where + QStringLiteral(" AND f.missing IS NOT NULL"),
                            r.binds + slice.binds);
    if (q.next() && !q.value(0).isNull())
        throw ApiError::invalidField(
            QStringLiteral("currency"), QStringLiteral("no_fx_rate"),
            QStringLiteral("No exchange rate %1: enter it under Finance, exchange rates.")
                .arg(q.value(0).toString()));
}

RecordsPage salesRecordsPage(const MetricContext &c, const SalesRelation &r,
                             const QList<RecordColumn> &columns, const QString &total,
                             const SalesCondition &extra)
{
    SalesCondition condition = extra;
    const AnalyticsFilter &f = c.filter;
    if (!f.after.isEmpty()) {
        const qsizetype colon = f.after.lastIndexOf(u':');
        bool ok = false;
        const qint64 id = colon > 0 ? f.after.mid(colon + 1).toLongLong(&ok) : 0;
        if (!ok)
            throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_cursor"),
                                         QStringLiteral("after is the next cursor of a page."));
        condition.sql =
            (extra.sql.isEmpty() ? QString() : u'(' + extra.sql + QStringLiteral(") AND ")) +
            QStringLiteral("(f.rec_kind, f.rec_id) > (?::text, ?::bigint)");
        condition.binds += QVariantList{f.after.left(colon), id};
    }
    const SalesSliceSql slice = sliceOf(c, r, condition);
    QSqlQuery q =
        db::query(c.db,
                  QStringLiteral("WITH f AS (") + r.sql +
                      QStringLiteral(") SELECT f.item::text, f.rec_kind, f.rec_id FROM f "
                                     "WHERE ") +
                      slice.where +
                      QStringLiteral(" ORDER BY f.rec_kind, f.rec_id LIMIT %1").arg(f.limit + 1),
                  r.binds + slice.binds);
    RecordsPage page;
    page.columns = columns;
    page.total = total;
    QString last;
    while (q.next()) {
        if (page.items.size() == f.limit) {
            page.next = last;
            break;
        }
        page.items.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        last = q.value(1).toString() + u':' + q.value(2).toString();
    }
    return page;
}

QList<SalesRatioRow> salesCountRatio(const MetricContext &c, const SalesRelation &r,
                                     const QString &by, const QString &by2,
                                     const QString &numerator)
{
    const DimensionSql d1 = salesDimension(by);
    const DimensionSql d2 = salesDimension(by2);
    const QString sort1 = sortOf(by), sort2 = sortOf(by2);
    const SalesSliceSql slice = sliceOf(c, r, {});
    const QString sql =
        QStringLiteral("WITH f AS (") + r.sql +
        QStringLiteral(") SELECT %1, %2, %3, %4, count(*) FILTER (WHERE %5)::int, count(*)::int, "
                       "round((count(*) FILTER (WHERE %5))::numeric / nullif(count(*), 0), "
                       "4)::text FROM f")
            .arg(d1.key, d1.label, d2.key, d2.label, numerator) +
        d1.joins + d2.joins + QStringLiteral(" WHERE ") + slice.where +
        QStringLiteral(" GROUP BY 1, 2, 3, 4 ORDER BY min(%1), 1, min(%2), 3")
            .arg(sort1.isEmpty() ? QStringLiteral("NULL::int") : sort1,
                 sort2.isEmpty() ? QStringLiteral("NULL::int") : sort2);
    QSqlQuery q = db::query(c.db, sql, r.binds + slice.binds);
    QList<SalesRatioRow> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt(),
                     q.value(6).toString()});
    return rows;
}

QString salesStageKey(const AnalyticsFilter &f)
{
    if (f.by == QLatin1String("stage"))
        return f.key;
    if (f.by2 == QLatin1String("stage"))
        return f.key2;
    return {};
}

} // namespace keel
