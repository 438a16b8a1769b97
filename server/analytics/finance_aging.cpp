#include "finance_metrics.h"

#include "analytics_dimensions.h"
#include "db/pg_array.h"
#include "decimal.h"
#include "http/http_types.h"
#include "receivables/aging_store.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace keel {

namespace {

using namespace finance_ledger;

const QString kBucket = QStringLiteral("bucket");
const QStringList kAgingColumns{Dimension::Month, Dimension::Entity, Dimension::Client};
// The receivables aging's buckets (server/receivables), in their order.
const QStringList kBuckets{QStringLiteral("current"), QStringLiteral("d1_30"),
                           QStringLiteral("d31_60"), QStringLiteral("d61_90"),
                           QStringLiteral("d90_plus")};
const QStringList kBucketLabels{QStringLiteral("Current"), QStringLiteral("1–30 days"),
                                QStringLiteral("31–60 days"), QStringLiteral("61–90 days"),
                                QStringLiteral("Over 90 days")};

Decimal decimalOf(const QString &text)
{
    return Decimal::parse(text).valueOr(Decimal());
}

// Open at the end of `to`, or today while that month is running (days past due are counted to a
// day that has happened).
QDate agingDate(const AnalyticsFilter &f)
{
    return std::min(f.lastDay(), QDate::currentDate());
}

struct AgingEntity
{
    qint64 id = 0;
    QString code, name;
};

QList<AgingEntity> entitiesOf(const MetricContext &c)
{
    QSqlQuery q = db::query(c.db,
                            QStringLiteral("SELECT id, code, name FROM legal_entities WHERE id = "
                                           "ANY(?::bigint[]) ORDER BY code"),
                            {c.entityArray()});
    QList<AgingEntity> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

// Functional amounts of (entity, amount) pairs into the answer's currency at the closing rate of
// `to`, each rounded to the cent, in input order.
QStringList atClosing(const MetricContext &c, const QList<qint64> &entities,
                      const QList<Decimal> &amounts)
{
    if (entities.isEmpty())
        return {};
    db::PgArray e, a;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        e.add(entities.at(i));
        a.add(amounts.at(i).toString());
    }
    QSqlQuery q = db::query(
        c.db,
        QStringLiteral("SELECT round(u.a * fx.closing_rate, 2)::numeric(20, 2)::text FROM "
                       "unnest(?::bigint[], ?::numeric[]) WITH ORDINALITY AS u(e, a, i) JOIN %1 "
                       "ON fx.legal_entity_id = u.e AND fx.month = ? ORDER BY u.i")
            .arg(AnalyticsRates::relation()),
        QVariantList{e.literal(), a.literal()} + c.rates.binds() + QVariantList{c.filter.to});
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QString bucketOf(const AnalyticsFilter &f)
{
    const QString key = f.by == kBucket ? f.key : (f.by2 == kBucket ? f.key2 : QString());
    if (!key.isEmpty() && !kBuckets.contains(key))
        throw ApiError::invalidField(
            f.by == kBucket ? QStringLiteral("key") : QStringLiteral("key2"),
            QStringLiteral("invalid_key"),
            QStringLiteral("A bucket is one of %1.").arg(kBuckets.join(u", ")));
    return key;
}

QString bucketAmount(const AgingRow &r, int i)
{
    const QString *v[] = {&r.current, &r.d1_30, &r.d31_60, &r.d61_90, &r.d90_plus};
    return *v[i];
}

MetricAnswer agingAnswer(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    sliceCondition(c, kAgingColumns); // 422 for practice, project, person, manager
    const QDate asOf = agingDate(f);
    const std::optional<qint64> client =
        f.clientId > 0 ? std::optional<qint64>(f.clientId) : std::nullopt;
    AgingStore store(db::threadConfigOf(c.db));

    // (entity, key, key2) → functional open amount; the figure per entity; unapplied cash.
    QMap<std::tuple<QString, QString, qint64>, Decimal> cells;
    QHash<QString, QString> labels;
    QList<qint64> entityIds;
    QList<Decimal> totals, unapplied;
    const auto keyOf = [&](const QString &dim, const AgingEntity &e, const AgingRow &r,
                           int bucket) -> QString {
        if (dim == kBucket) {
            labels.insert(QStringLiteral("b:") + kBuckets.at(bucket), kBucketLabels.at(bucket));
            return kBuckets.at(bucket);
        }
        if (dim == QLatin1String(Dimension::Entity)) {
            labels.insert(QStringLiteral("e:") + e.code, e.name);
            return e.code;
        }
        labels.insert(QStringLiteral("c:") + QString::number(r.accountId), r.accountName);
        return QString::number(r.accountId);
    };
    {
        db::Transaction tx(c.db);
        store.withoutJit();
        for (const AgingEntity &e : entitiesOf(c)) {
            Decimal total, cash;
            for (const AgingRow &r : store.aging(e.id, asOf, true, client)) {
                total = total.add(decimalOf(r.total)).valueOr(total);
                for (int i = 0; i < kBuckets.size(); ++i) {
                    const Decimal amount = decimalOf(bucketAmount(r, i));
                    if (amount.isZero())
                        continue;
                    const QString k1 = keyOf(f.by, e, r, i);
                    const QString k2 = f.by2.isEmpty() ? QString() : keyOf(f.by2, e, r, i);
                    Decimal &cell = cells[{k1, k2, e.id}];
                    cell = cell.add(amount).valueOr(cell);
                }
            }
            for (const UnappliedRow &u : store.unapplied(e.id, asOf, true, client))
                cash = cash.add(decimalOf(u.amount)).valueOr(cash);
            entityIds << e.id;
            totals << total;
            unapplied << cash;
        }
        tx.commit();
    }

    QList<qint64> convertEntities = entityIds + entityIds;
    QList<Decimal> convertAmounts = totals + unapplied;
    for (auto it = cells.cbegin(); it != cells.cend(); ++it) {
        convertEntities << std::get<2>(it.key());
        convertAmounts << it.value();
    }
    const QStringList converted = atClosing(c, convertEntities, convertAmounts);
    const qsizetype n = entityIds.size();
    MetricAnswer a;
    a.value = addAmounts(converted.mid(0, n));
    a.extra.insert(QStringLiteral("as_of"), asOf.toString(Qt::ISODate));
    a.extra.insert(QStringLiteral("unapplied"), addAmounts(converted.mid(n, n)));

    QMap<std::pair<QString, QString>, QStringList> points;
    qsizetype i = 2 * n;
    for (auto it = cells.cbegin(); it != cells.cend(); ++it, ++i)
        points[{std::get<0>(it.key()), std::get<1>(it.key())}] << converted.value(i);
    if (f.by == kBucket && f.by2.isEmpty())
        for (const QString &b : kBuckets) {
            labels.insert(QStringLiteral("b:") + b, kBucketLabels.at(kBuckets.indexOf(b)));
            points[{b, QString()}];
        }
    const auto labelOf = [&](const QString &dim, const QString &key) {
        const QString prefix = dim == kBucket                            ? QStringLiteral("b:")
                               : dim == QLatin1String(Dimension::Entity) ? QStringLiteral("e:")
                                                                         : QStringLiteral("c:");
        return labels.value(prefix + key);
    };
    for (auto it = points.cbegin(); it != points.cend(); ++it) {
        MetricPoint p;
        p.key = it.key().first;
        p.label = labelOf(f.by, p.key);
        p.key2 = it.key().second;
        if (!f.by2.isEmpty())
            p.label2 = labelOf(f.by2, p.key2);
        p.value = addAmounts(it.value());
        a.points.append(p);
    }
    // Buckets in their order; clients as a ranking.
    const auto bucketRank = [](const QString &k) { return kBuckets.indexOf(k); };
    if (f.by == kBucket)
        std::stable_sort(a.points.begin(), a.points.end(),
                         [&](const MetricPoint &x, const MetricPoint &y) {
                             return bucketRank(x.key) < bucketRank(y.key);
                         });
    if (f.by == QLatin1String(Dimension::Client) && f.by2.isEmpty()) {
        const bool asc = f.order == QLatin1String("asc");
        std::stable_sort(a.points.begin(), a.points.end(),
                         [asc](const MetricPoint &x, const MetricPoint &y) {
                             const Decimal dx = decimalOf(x.value), dy = decimalOf(y.value);
                             return asc ? dx < dy : dy < dx;
                         });
        if (a.points.size() > f.limit)
            a.points = a.points.mid(0, f.limit);
    }
    return a;
}

// The open invoices behind the figure or a point, by invoice id across the entities.
RecordsPage agingRecords(const MetricContext &c)
{
    const AnalyticsFilter &f = c.filter;
    sliceCondition(c, kAgingColumns);
    const QString bucket = bucketOf(f);
    const QDate asOf = agingDate(f);
    qint64 after = 0;
    if (!f.after.isEmpty()) {
        bool ok = false;
        after = f.after.toLongLong(&ok);
        if (!ok || after < 0)
            throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_value"),
                                         QStringLiteral("after is the next cursor of a page."));
    }
    const std::optional<qint64> client =
        f.clientId > 0 ? std::optional<qint64>(f.clientId) : std::nullopt;
    AgingStore store(db::threadConfigOf(c.db));
    struct Row
    {
        AgingEntity entity;
        OpenInvoiceRow invoice;
    };
    QList<Row> rows;
    QList<qint64> entityIds;
    QList<Decimal> totals;
    {
        db::Transaction tx(c.db);
        store.withoutJit();
        for (const AgingEntity &e : entitiesOf(c)) {
            for (const OpenInvoiceRow &r : store.openInvoices(e.id, f.clientId > 0 ? f.clientId : 0,
                                                              asOf, bucket, after, f.limit + 1))
                rows.append({e, r});
            Decimal total;
            const int column = bucket.isEmpty() ? -1 : int(kBuckets.indexOf(bucket));
            for (const AgingRow &r : store.aging(e.id, asOf, true, client))
                total = total.add(decimalOf(column < 0 ? r.total : bucketAmount(r, column)))
                            .valueOr(total);
            entityIds << e.id;
            totals << total;
        }
        tx.commit();
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row &x, const Row &y) { return x.invoice.id < y.invoice.id; });
    RecordsPage page;
    if (rows.size() > f.limit) {
        rows = rows.mid(0, f.limit);
        page.next = QString::number(rows.last().invoice.id);
    }
    db::PgArray clientIds;
    for (const Row &r : rows)
        clientIds.add(r.invoice.accountId);
    QHash<qint64, QString> clientNames;
    QSqlQuery names =
        db::query(c.db, QStringLiteral("SELECT id, name FROM accounts WHERE id = ANY(?::bigint[])"),
                  {clientIds.literal()});
    while (names.next())
        clientNames.insert(names.value(0).toLongLong(), names.value(1).toString());

    page.columns = {{"number", "Invoice", "text"},
                    {"entity", "Entity", "text"},
                    {"client", "Client", "text"},
                    {"invoice_date", "Date", "date"},
                    {"due_date", "Due", "date"},
                    {"days_past_due", "Days past due", "days"},
                    {"bucket", "Bucket", "text"},
                    {"balance", "Open", "money"},
                    {"functional_balance", "Open (functional)", "money"}};
    for (const Row &r : rows) {
        const OpenInvoiceRow &i = r.invoice;
        const int d = i.daysPastDue;
        const int b = d <= 0 ? 0 : d <= 30 ? 1 : d <= 60 ? 2 : d <= 90 ? 3 : 4;
        page.items.append(QJsonObject{
            {"id", QString::number(i.id)},
            {"number", i.number},
            {"entity", r.entity.code},
            {"client_id", QString::number(i.accountId)},
            {"client", clientNames.value(i.accountId)},
            {"invoice_date", i.invoiceDate.toString(Qt::ISODate)},
            {"due_date", i.dueDate.toString(Qt::ISODate)},
            {"days_past_due", d},
            {"bucket", kBuckets.at(b)},
            {"balance", QJsonObject{{"amount", decimalOf(i.balance).rounded(2).toString(2)},
                                    {"currency", i.currency}}},
            {"functional_balance",
             QJsonObject{{"amount", decimalOf(i.functionalBalance).rounded(2).toString(2)},
                         {"currency", i.functionalCurrency}}}});
    }
    page.total = addAmounts(atClosing(c, entityIds, totals));
    return page;
}

} // namespace

MetricDefinition financeArAgingMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("ar_aging");
    m.title = QStringLiteral("Receivables aging");
    m.description = QStringLiteral(
        "Open invoices at the end of the last month by days past due (current, 1–30, 31–60, "
        "61–90, over 90), the receivables aging's rule, at the month's closing rates.");
    m.unit = MetricUnit::Money;
    m.dimensions = {kBucket, Dimension::Entity, Dimension::Client};
    m.compute = agingAnswer;
    m.records = agingRecords;
    return m;
}

} // namespace keel
