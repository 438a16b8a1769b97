#include "finance_metrics.h"

#include "analytics_dimensions.h"
#include "decimal.h"
#include "receivables/aging_service.h"

#include <QHash>
#include <QLocale>
#include <QMap>

namespace keel {

namespace {

using namespace finance_ledger;

const QStringList kDsoColumns{Dimension::Month, Dimension::Entity};

Decimal decimalOf(const QString &text)
{
    return Decimal::parse(text).valueOr(Decimal());
}

Decimal plus(const Decimal &a, const Decimal &b)
{
    return a.add(b).valueOr(a);
}

struct DsoSums
{
    Decimal receivable, revenue;
};

MetricPoint dsoPoint(const DsoSums &s)
{
    MetricPoint p;
    if (const auto days = receivables::dsoDays(s.receivable, s.revenue))
        p.value = days->toString(1);
    p.numerator = s.receivable.toString(2);
    p.denominator = s.revenue.toString(2);
    return p;
}

// AR at each month end and the revenue of the three months ending with it, per entity, in the
// answer's currency (each entity-month converted as `ar` and `revenue` convert it).
MetricAnswer dsoAnswer(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    sliceCondition(c, kDsoColumns); // 422 for a filter DSO has no dimension for
    const bool byMonth =
        f.by == QLatin1String(Dimension::Month) || f.by2 == QLatin1String(Dimension::Month);
    const QDate first = byMonth ? f.from : f.to;
    MetricContext arContext = c;
    arContext.filter.from = first;
    MetricContext revenueContext = c;
    revenueContext.filter.from = first.addMonths(-2);

    QHash<QString, QString> entityNames;
    QHash<QString, Decimal> receivable, revenue; // "code|YYYY-MM"
    for (const LedgerCell &cell : ledgerCells(arContext, receivableAccounts(), LedgerKind::Balance,
                                              kDsoColumns, Dimension::Entity, Dimension::Month)) {
        entityNames.insert(cell.key, cell.label);
        receivable.insert(cell.key + u'|' + cell.key2, decimalOf(cell.amount));
    }
    for (const LedgerCell &cell : ledgerCells(revenueContext, revenueAccounts(), LedgerKind::Flow,
                                              kDsoColumns, Dimension::Entity, Dimension::Month)) {
        entityNames.insert(cell.key, cell.label);
        revenue.insert(cell.key + u'|' + cell.key2, decimalOf(cell.amount));
    }
    const auto sumsOf = [&](const QString &entity, QDate month) {
        DsoSums s;
        s.receivable = receivable.value(entity + u'|' + month.toString(QStringLiteral("yyyy-MM")));
        for (int back = 0; back < 3; ++back)
            s.revenue =
                plus(s.revenue,
                     revenue.value(entity + u'|' +
                                   month.addMonths(-back).toString(QStringLiteral("yyyy-MM"))));
        return s;
    };
    QList<QString> entities = entityNames.keys();
    std::sort(entities.begin(), entities.end());
    const QList<QDate> months = byMonth ? f.months() : QList<QDate>{f.to};
    const auto monthLabel = [](QDate m) {
        return QLocale::c().toString(m, QStringLiteral("MMM yyyy"));
    };

    MetricAnswer a;
    DsoSums whole;
    for (const QString &e : entities) {
        const DsoSums s = sumsOf(e, f.to);
        whole.receivable = plus(whole.receivable, s.receivable);
        whole.revenue = plus(whole.revenue, s.revenue);
    }
    const MetricPoint figure = dsoPoint(whole);
    a.value = figure.value;
    a.numerator = figure.numerator;
    a.denominator = figure.denominator;

    if (f.by2.isEmpty()) {
        if (f.by == QLatin1String(Dimension::Month)) {
            for (const QDate m : months) {
                DsoSums s;
                for (const QString &e : entities) {
                    const DsoSums one = sumsOf(e, m);
                    s.receivable = plus(s.receivable, one.receivable);
                    s.revenue = plus(s.revenue, one.revenue);
                }
                MetricPoint p = dsoPoint(s);
                p.key = m.toString(QStringLiteral("yyyy-MM"));
                p.label = monthLabel(m);
                a.points.append(p);
            }
        } else {
            for (const QString &e : entities) {
                MetricPoint p = dsoPoint(sumsOf(e, f.to));
                p.key = e;
                p.label = entityNames.value(e);
                a.points.append(p);
            }
        }
    } else {
        const bool monthFirst = f.by == QLatin1String(Dimension::Month);
        for (const QDate m : months)
            for (const QString &e : entities) {
                MetricPoint p = dsoPoint(sumsOf(e, m));
                p.key = monthFirst ? m.toString(QStringLiteral("yyyy-MM")) : e;
                p.label = monthFirst ? monthLabel(m) : entityNames.value(e);
                p.key2 = monthFirst ? e : m.toString(QStringLiteral("yyyy-MM"));
                p.label2 = monthFirst ? entityNames.value(e) : monthLabel(m);
                a.points.append(p);
            }
        if (!monthFirst)
            std::stable_sort(
                a.points.begin(), a.points.end(),
                [](const MetricPoint &x, const MetricPoint &y) { return x.key < y.key; });
    }
    a.extra.insert(QStringLiteral("revenue_months"), 3);
    return a;
}

// Numerator: the receivables at the month end by client; denominator: the revenue lines of the
// three months ending with it.
RecordsPage dsoRecords(const MetricContext &c)
{
    sliceCondition(c, kDsoColumns);
    if (c.filter.part == QLatin1String("denominator")) {
        MetricContext r = c;
        r.filter.from = c.filter.to.addMonths(-2);
        return flowRecords(r, revenueAccounts(), kDsoColumns);
    }
    MetricContext r = c;
    r.filter.from = c.filter.to;
    return balanceRecords(r, receivableAccounts(), kDsoColumns, BalanceGrouping::Client);
}

} // namespace

MetricDefinition financeDsoMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("dso");
    m.title = QStringLiteral("DSO");
    m.description =
        QStringLiteral("Days sales outstanding: receivables at the month end / recognised revenue "
                       "of the three months ending with it × 90, in days with one decimal.");
    m.unit = MetricUnit::Days;
    m.dimensions = {Dimension::Month, Dimension::Entity};
    m.facts = {QStringLiteral("ledger_month")};
    m.compute = dsoAnswer;
    m.records = dsoRecords;
    return m;
}

} // namespace keel
