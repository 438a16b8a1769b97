#include "collections_forecast_store.h"

#include "analytics/analytics_rates.h"
#include "currency.h"
#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>

namespace keel {

std::vector<CollectionsSample> collectionsPaidHistory(QSqlDatabase db, QDate upTo)
{
    // "rest": what a part-payer's final instalments took, for invoices paid on several days.
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "WITH a AS (SELECT i.id, i.account_id, i.total, i.due_date, r.allocated_on, r.amount, "
            "  min(r.allocated_on) OVER w AS first_on, max(r.allocated_on) OVER w AS last_on "
            "  FROM invoices i JOIN receipt_allocations r ON r.invoice_id = i.id "
            "  WHERE i.kind = 'invoice' AND i.status = 'paid' AND i.paid_on <= ?::date "
            "  WINDOW w AS (PARTITION BY i.id)) "
            "SELECT account_id, total::float8, "
            "  round(sum((allocated_on - due_date) * amount) / sum(amount))::int, "
            "  round(sum((allocated_on - due_date) * amount) FILTER (WHERE allocated_on > "
            "    first_on) / sum(amount) FILTER (WHERE allocated_on > first_on))::int "
            "FROM a WHERE last_on <= ?::date GROUP BY id, account_id, total ORDER BY id"),
        {upTo, upTo});
    std::vector<CollectionsSample> out;
    while (q.next()) {
        CollectionsSample s;
        s.accountId = q.value(0).toLongLong();
        s.amount = q.value(1).toDouble();
        s.settleDelay = q.value(2).toInt();
        s.hasRest = !q.value(3).isNull();
        s.restDelay = q.value(3).toInt();
        out.push_back(s);
    }
    return out;
}

std::vector<CollectionsSample> collectionsUnpaidOverdue(QSqlDatabase db, QDate upTo)
{
    // Open then: not paid in full by then (paid_on later or never), not voided since.
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT i.account_id, i.total::float8, ?::date - i.due_date FROM invoices i "
            "WHERE i.kind = 'invoice' AND i.number IS NOT NULL AND i.invoice_date <= ?::date "
            "AND i.due_date < ?::date AND i.status IN ('issued', 'partially_paid', 'paid') "
            "AND (i.paid_on IS NULL OR i.paid_on > ?::date) AND NOT EXISTS (SELECT 1 FROM "
            "receipt_allocations r WHERE r.invoice_id = i.id AND r.allocated_on <= ?::date) "
            "ORDER BY i.id"),
        {upTo, upTo, upTo, upTo, upTo});
    std::vector<CollectionsSample> out;
    while (q.next()) {
        CollectionsSample s;
        s.accountId = q.value(0).toLongLong();
        s.amount = q.value(1).toDouble();
        s.settleDelay = q.value(2).toInt();
        s.censored = true;
        out.push_back(s);
    }
    return out;
}

std::vector<CollectionsBacktestCase> collectionsOpenAtCutoff(QSqlDatabase db, QDate cutoff,
                                                             QDate asOf)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "WITH a AS (SELECT i.id, i.account_id, i.total, i.due_date, r.allocated_on, r.amount "
            "  FROM invoices i JOIN receipt_allocations r ON r.invoice_id = i.id "
            "  WHERE i.kind = 'invoice' AND i.status = 'paid' AND i.paid_on > ?::date AND "
            "  i.paid_on <= ?::date AND i.invoice_date <= ?::date) "
            "SELECT account_id, total::float8, ?::date - due_date, "
            "  bool_or(allocated_on <= ?::date), "
            "  round(sum((allocated_on - due_date) * amount) FILTER (WHERE allocated_on > "
            "    ?::date) / sum(amount) FILTER (WHERE allocated_on > ?::date))::int "
            "FROM a GROUP BY id, account_id, total, due_date "
            "HAVING max(allocated_on) > ?::date AND max(allocated_on) <= ?::date ORDER BY id"),
        {cutoff, asOf, cutoff, cutoff, cutoff, cutoff, cutoff, cutoff, asOf});
    std::vector<CollectionsBacktestCase> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toInt(),
                       q.value(3).toBool(), q.value(4).toInt()});
    return out;
}

QList<CollectionsOpenInvoice> collectionsOpenInvoices(QSqlDatabase db,
                                                      const QList<qint64> &entityIds)
{
    db::PgArray ids;
    for (const qint64 id : entityIds)
        ids.add(id);
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT i.id, i.legal_entity_id, i.account_id, i.number, a.name, i.due_date, "
            "  i.currency, (i.total - i.amount_paid)::numeric(20, 2)::text, "
            "  (coalesce(i.functional_total, i.total) - i.functional_paid)::text, "
            "  i.total::float8, EXISTS (SELECT 1 FROM receipt_allocations r WHERE r.invoice_id = "
            "  i.id), i.dunning_level "
            "FROM invoices i JOIN accounts a ON a.id = i.account_id "
            "WHERE i.legal_entity_id = ANY(?::bigint[]) AND i.kind = 'invoice' AND i.status IN "
            "('issued', 'partially_paid') AND i.total > i.amount_paid ORDER BY i.id"),
        {ids.literal()});
    QList<CollectionsOpenInvoice> out;
    while (q.next()) {
        CollectionsOpenInvoice r;
        r.id = q.value(0).toLongLong();
        r.entityId = q.value(1).toLongLong();
        r.accountId = q.value(2).toLongLong();
        r.number = q.value(3).toString();
        r.account = q.value(4).toString();
        r.dueDate = q.value(5).toDate();
        r.currency = q.value(6).toString();
        r.openAmount = q.value(7).toString();
        r.openFunctional = q.value(8).toString();
        r.total = q.value(9).toDouble();
        r.partPaid = q.value(10).toBool();
        r.dunningLevel = q.value(11).toInt();
        out.append(r);
    }
    return out;
}

QHash<qint64, qint64> collectionsConvertedMinor(QSqlDatabase db, const QList<qint64> &entityIds,
                                                const QString &currency, QDate month,
                                                const QList<CollectionsConversionRow> &rows)
{
    QHash<qint64, qint64> out;
    if (rows.isEmpty())
        return out;
    const AnalyticsRates rates = AnalyticsRates::load(db, entityIds, currency, month, month);
    int digits = 0;
    for (qint64 f = Currency::fromCode(currency).value().minorFactor(); f > 1; f /= 10)
        ++digits;
    db::PgArray ids, entities, weeks, amounts;
    for (const CollectionsConversionRow &r : rows) {
        ids.add(r.invoiceId);
        entities.add(r.entityId);
        weeks.add(QString::number(r.week));
        amounts.add(r.openFunctional);
    }
    // Each (week, entity) total rounded once; its invoices get their truncated share and the
    // remaining minor units go to the largest remainders (ties by id).
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "WITH u AS (SELECT u.id, u.e, u.w, u.a * fx.closing_rate AS x "
            "  FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::numeric[]) AS u(id, e, w, a) "
            "  JOIN %1 ON fx.legal_entity_id = u.e AND fx.month = ?::date), "
            "t AS (SELECT id, x, trunc(x, %2) AS base, "
            "  round(sum(x) OVER p, %2) - sum(trunc(x, %2)) OVER p AS extra, "
            "  row_number() OVER (PARTITION BY w, e ORDER BY x - trunc(x, %2) DESC, id) AS rn "
            "  FROM u WINDOW p AS (PARTITION BY w, e)) "
            "SELECT id, (base * %3)::bigint + CASE WHEN rn <= round(extra * %3) THEN 1 ELSE 0 END "
            "FROM t")
            .arg(AnalyticsRates::relation())
            .arg(digits)
            .arg(Currency::fromCode(currency).value().minorFactor()),
        QVariantList{ids.literal(), entities.literal(), weeks.literal(), amounts.literal()} +
            rates.binds() + QVariantList{month});
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return out;
}

} // namespace keel
