#include "sales_query.h"

#include "db/database.h"
#include "decimal.h"
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
    if (dimension == QLatin1String("outcome"))
        return {QStringLiteral("CASE WHEN f.won THEN 'won' ELSE 'lost' END"),
                QStringLiteral("CASE WHEN f.won THEN 'won' ELSE 'lost' END"),
                {}};
    if (dimension.isEmpty())
        return {QStringLiteral("''"), QStringLiteral("''"), {}};
    return dimensionSql(dimension);
}

QList<SalesSumRow> salesSums(const MetricContext &c, const SalesRelation &r, const QString &by,
                             const QString &by2, const SalesCondition &extra, bool requireRates)
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
        QStringLiteral(
            ") SELECT p.k, p.l, p.k2, p.l2, coalesce(%1, 0)::numeric(20, 2)::text, "
            "sum(p.n)::int, min(p.missing) FROM (SELECT %2 AS k, %3 AS l, %4 AS k2, %5 AS l2, "
            "min(%6) AS s1, min(%7) AS s2, f.legal_entity_id, f.month, "
            "sum(f.amount) AS amount, count(*) AS n, min(f.missing) AS missing FROM f")
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
    QString missing;
    while (q.next()) {
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()});
        if (missing.isEmpty())
            missing = q.value(6).toString();
    }
    if (requireRates && !missing.isEmpty())
        throw ApiError::invalidField(
            QStringLiteral("currency"), QStringLiteral("no_fx_rate"),
            QStringLiteral("No exchange rate %1: enter it under Finance, exchange rates.")
                .arg(missing));
    return rows;
}

SalesSumRow salesTotal(const MetricContext &c, const SalesRelation &r, const SalesCondition &extra,
                       bool requireRates)
{
    SalesCondition condition = extra;
    if (r.balance) {
        // A balance's figure is the one at the end of the last month.
        condition.sql =
            (extra.sql.isEmpty() ? QString() : u'(' + extra.sql + QStringLiteral(") AND ")) +
            QStringLiteral("f.month = ?");
        condition.binds.append(c.filter.to);
    }
    const QList<SalesSumRow> rows = salesSums(c, r, {}, {}, condition, requireRates);
    return rows.isEmpty() ? SalesSumRow{{}, {}, {}, {}, QStringLiteral("0.00"), 0} : rows.first();
}

SalesMoney salesMoney(const MetricContext &c, const SalesRelation &r, const SalesCondition &extra)
{
    const AnalyticsFilter &f = c.filter;
    const QList<SalesSumRow> rows = salesSums(c, r, f.by, f.by2, extra);
    SalesMoney out;
    if (f.by != QLatin1String(Dimension::Month) || !f.by2.isEmpty()) {
        for (const SalesSumRow &row : rows)
            out.points.append({row.key, row.label, row.key2, row.label2, {}, row.value, {}, {}});
        const SalesSumRow total = salesTotal(c, r, extra);
        out.value = total.value;
        out.count = total.count;
        return out;
    }
    QHash<QString, SalesSumRow> byKey;
    for (const SalesSumRow &row : rows)
        byKey.insert(row.key, row);
    Decimal sum;
    for (const QDate &m : f.months()) {
        const QString key = m.toString(QStringLiteral("yyyy-MM"));
        const SalesSumRow row = byKey.value(key, {key, {}, {}, {}, QStringLiteral("0.00"), 0});
        out.points.append({key,
                           QLocale::c().toString(m, QStringLiteral("MMM yyyy")),
                           {},
                           {},
                           {},
                           row.value,
                           {},
                           {}});
        if (r.balance) {
            out.value = row.value;
            out.count = row.count;
        } else {
            sum = sum.add(Decimal::parse(row.value).valueOr(Decimal())).valueOr(sum);
            out.count += row.count;
        }
    }
    if (!r.balance)
        out.value = sum.toString(2);
    return out;
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

SalesRatios salesCountRatio(const MetricContext &c, const SalesRelation &r,
                            const QString &numerator)
{
    const AnalyticsFilter &f = c.filter;
    const DimensionSql d1 = salesDimension(f.by);
    const DimensionSql d2 = salesDimension(f.by2);
    const QString sort1 = sortOf(f.by), sort2 = sortOf(f.by2);
    const SalesSliceSql slice = sliceOf(c, r, {});
    // Counts add up exactly, so the points and the figure come from one statement.
    const QString sql =
        QStringLiteral("WITH f AS (") + r.sql +
        QStringLiteral(") SELECT q.k, q.l, q.k2, q.l2, count(*) FILTER (WHERE q.num)::int, "
                       "count(*)::int, round((count(*) FILTER (WHERE q.num))::numeric / "
                       "nullif(count(*), 0), 4)::text, grouping(q.k) FROM (SELECT %1 AS k, %2 AS "
                       "l, %3 AS k2, %4 AS l2, %5 AS s1, %6 AS s2, (%7) AS num FROM f")
            .arg(d1.key, d1.label, d2.key, d2.label,
                 sort1.isEmpty() ? QStringLiteral("NULL::int") : sort1,
                 sort2.isEmpty() ? QStringLiteral("NULL::int") : sort2, numerator) +
        d1.joins + d2.joins + QStringLiteral(" WHERE ") + slice.where +
        QStringLiteral(") q GROUP BY GROUPING SETS ((q.k, q.l, q.k2, q.l2), ()) "
                       "ORDER BY grouping(q.k), min(q.s1), q.k, min(q.s2), q.k2");
    QSqlQuery q = db::query(c.db, sql, r.binds + slice.binds);
    SalesRatios out;
    out.total.value.clear();
    while (q.next()) {
        const SalesRatioRow row{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toInt(),    q.value(5).toInt(),
                                q.value(6).toString()};
        if (q.value(7).toInt() == 1)
            out.total = row;
        else
            out.rows.append(row);
    }
    return out;
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
