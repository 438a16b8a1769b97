#include "project_sql.h"

#include "db/database.h"
#include "http/http_types.h"

#include <QLocale>
#include <QUuid>

namespace keel::project_analytics {

namespace {

QString money2(const QString &expression)
{
    return QStringLiteral("coalesce(%1, 0)::numeric(20, 2)::text").arg(expression);
}

QString ratio4(const QString &num, const QString &den)
{
    return QStringLiteral("CASE WHEN coalesce(%2, 0) = 0 THEN NULL ELSE round(%1 / %2, 4)::text "
                          "END")
        .arg(num, den);
}

} // namespace

QJsonObject moneyJson(const QVariant &amount, const QString &currency)
{
    return {{"amount", amount.toString()}, {"currency", currency}};
}

QJsonValue ratioJson(const QVariant &ratio)
{
    return ratio.isNull() ? QJsonValue() : QJsonValue(ratio.toString());
}

int recordsLimit(const MetricContext &context)
{
    return qBound(1, context.filter.limit, 500);
}

QStringList cursorParts(const MetricContext &context, const char *kinds)
{
    if (context.filter.after.isEmpty())
        return {};
    const QStringList parts = context.filter.after.split(u'|');
    bool ok = parts.size() == qsizetype(qstrlen(kinds));
    for (qsizetype i = 0; ok && i < parts.size(); ++i) {
        const QString &p = parts.at(i);
        if (kinds[i] == 'd')
            ok = QDate::fromString(p, Qt::ISODate).isValid();
        else if (kinds[i] == 'u')
            ok = !QUuid::fromString(p).isNull();
        else
            ok = p.toLongLong() > 0;
    }
    if (!ok)
        throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_cursor"),
                                     QStringLiteral("The cursor is not one of this list's."));
    return parts;
}

void fillPage(QSqlQuery &query, const MetricContext &context, RecordsPage &page,
              const std::function<QString(QJsonObject &)> &row)
{
    const int limit = recordsLimit(context);
    int n = 0;
    while (query.next()) {
        if (++n > limit)
            return;
        QJsonObject item;
        page.next = row(item);
        page.items.append(item);
    }
    page.next.clear();
}

QString convertedTotal(const MetricContext &context, const ProjectRatioSql &ratio,
                       const QString &expression)
{
    const SqlFragment slice = sliceCondition(context, ratio.columns);
    QVariantList binds = slice.binds;
    binds += context.rates.binds();
    QSqlQuery q = db::query(
        context.db,
        QStringLiteral("SELECT %1 FROM (SELECT f.legal_entity_id, f.month, sum(%2) AS n FROM %3 "
                       "WHERE %4 GROUP BY 1, 2) s JOIN %5 ON fx.legal_entity_id = "
                       "s.legal_entity_id AND fx.month = s.month")
            .arg(money2(QStringLiteral("sum(round(s.n * fx.average_rate, 2))")), expression,
                 ratio.relation, slice.sql, AnalyticsRates::relation()),
        binds);
    return q.next() ? q.value(0).toString() : QStringLiteral("0.00");
}

MetricAnswer computeProjectRatio(const MetricContext &context, const ProjectRatioSql &ratio)
{
    const AnalyticsFilter &f = context.filter;
    const SqlFragment slice = sliceCondition(context, ratio.columns);
    MetricAnswer out;

    // The figure: each entity-month partition converted on its own, then added.
    {
        QVariantList binds = slice.binds;
        binds += context.rates.binds();
        QSqlQuery q = db::query(
            context.db,
            QStringLiteral("SELECT %1, %2, %3 FROM (SELECT sum(round(s.n * fx.average_rate, 2)) "
                           "AS cn, sum(round(s.d * fx.average_rate, 2)) AS cd FROM (SELECT "
                           "f.legal_entity_id, f.month, sum(%4) AS n, sum(%5) AS d FROM %6 WHERE "
                           "%7 GROUP BY 1, 2) s JOIN %8 ON fx.legal_entity_id = s.legal_entity_id "
                           "AND fx.month = s.month) t")
                .arg(money2(QStringLiteral("cn")), money2(QStringLiteral("cd")),
                     ratio4(QStringLiteral("cn"), QStringLiteral("cd")), ratio.numerator,
                     ratio.denominator, ratio.relation, slice.sql, AnalyticsRates::relation()),
            binds);
        if (q.next()) {
            out.numerator = q.value(0).toString();
            out.denominator = q.value(1).toString();
            out.value = q.value(2).toString();
        }
    }

    // The points: the same rule within each key.
    const DimensionSql d1 = dimensionSql(f.by);
    const bool two = !f.by2.isEmpty();
    const DimensionSql d2 = two ? dimensionSql(f.by2) : DimensionSql{};
    const bool byMonth = f.by == QLatin1String(Dimension::Month);
    QString order;
    if (byMonth)
        order = QStringLiteral("ORDER BY k1, k2");
    else
        order = QStringLiteral("ORDER BY (CASE WHEN sum(cd) = 0 THEN NULL ELSE sum(cn) / "
                               "sum(cd) END) %1 NULLS LAST, k1, k2 LIMIT %2")
                    .arg(f.order == QLatin1String("asc") ? QStringLiteral("ASC")
                                                         : QStringLiteral("DESC"))
                    .arg(qBound(1, f.limit, 500));
    QVariantList binds = slice.binds;
    binds += context.rates.binds();
    QSqlQuery q = db::query(
        context.db,
        QStringLiteral(
            "SELECT k1, l1, k2, l2, %1, %2, %3 FROM (SELECT s.k1, s.l1, s.k2, s.l2, "
            "round(s.n * fx.average_rate, 2) AS cn, round(s.d * fx.average_rate, 2) AS cd FROM "
            "(SELECT f.legal_entity_id, f.month, %4 AS k1, %5 AS l1, %6 AS k2, %7 AS l2, "
            "sum(%8) AS n, sum(%9) AS d FROM %10 %11 %12 WHERE %13 GROUP BY 1, 2, 3, 4, 5, 6) s "
            "JOIN %14 ON fx.legal_entity_id = s.legal_entity_id AND fx.month = s.month) t "
            "GROUP BY k1, l1, k2, l2 %15")
            .arg(money2(QStringLiteral("sum(cn)")), money2(QStringLiteral("sum(cd)")),
                 ratio4(QStringLiteral("sum(cn)"), QStringLiteral("sum(cd)")), d1.key, d1.label,
                 two ? d2.key : QStringLiteral("''"), two ? d2.label : QStringLiteral("''"),
                 ratio.numerator, ratio.denominator)
            .arg(ratio.relation, d1.joins, d2.joins, slice.sql, AnalyticsRates::relation(), order),
        binds);
    while (q.next()) {
        MetricPoint p;
        p.key = q.value(0).toString();
        p.label = q.value(1).toString();
        if (two) {
            p.key2 = q.value(2).toString();
            p.label2 = q.value(3).toString();
        }
        p.numerator = q.value(4).toString();
        p.denominator = q.value(5).toString();
        p.value = q.value(6).toString();
        out.points.append(p);
    }
    if (byMonth && !two) {
        // A trend has every month of the slice: one without data reads 0.00 over 0.00 (null).
        QList<MetricPoint> all;
        qsizetype i = 0;
        for (const QDate &m : f.months()) {
            const QString key = m.toString(QStringLiteral("yyyy-MM"));
            if (i < out.points.size() && out.points.at(i).key == key) {
                all.append(out.points.at(i++));
                continue;
            }
            MetricPoint p;
            p.key = key;
            p.label = QLocale::c().toString(m, QStringLiteral("MMM yyyy"));
            p.numerator = p.denominator = QStringLiteral("0.00");
            all.append(p);
        }
        out.points = all;
    }
    return out;
}

} // namespace keel::project_analytics
