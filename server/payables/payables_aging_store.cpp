#include "payables_aging_store.h"

#include "json_codec.h"
#include "money.h"
#include "timeexpense/expense_values.h"

#include <QSqlQuery>

namespace keel {

namespace {

QJsonObject money(const QVariant &amount, const QString &currency)
{
    return expense_values::moneyJson(amount.toString(), currency);
}

} // namespace

QJsonArray PayablesAgingStore::bills(qint64 entityId, const QString &status, qint64 vendorId,
                                     QDate dueBefore, qint64 after, int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT b.id, b.vendor_id, v.name, b.vendor_ref, b.bill_date, b.due_date, b.status, "
            "b.currency, trim_scale(b.total)::text, trim_scale(b.amount_paid)::text, "
            "trim_scale(b.total - b.amount_paid)::text, trim_scale(b.functional_total)::text, "
            "trim_scale(b.functional_paid)::text, le.functional_currency, b.version "
            "FROM vendor_bills b JOIN vendors v ON v.id = b.vendor_id "
            "JOIN legal_entities le ON le.id = b.legal_entity_id "
            "WHERE b.legal_entity_id = ? AND (coalesce(?, '') = '' OR b.status = ? OR (? = 'open' "
            "AND "
            "b.status IN ('approved', 'partially_paid'))) AND (? = 0 OR b.vendor_id = ?) "
            "AND (?::date IS NULL OR b.due_date < ?::date) AND b.id > ? ORDER BY b.id LIMIT ?"),
        {entityId, status, status, status, vendorId, vendorId,
         dueBefore.isValid() ? QVariant(dueBefore) : QVariant(QMetaType::fromType<QDate>()),
         dueBefore.isValid() ? QVariant(dueBefore) : QVariant(QMetaType::fromType<QDate>()), after,
         limit});
    QJsonArray out;
    while (q.next()) {
        const QString currency = q.value(7).toString();
        const QString functional = q.value(13).toString();
        out.append(QJsonObject{
            {"id", idToJson(q.value(0).toLongLong())},
            {"vendor_id", idToJson(q.value(1).toLongLong())},
            {"vendor_name", q.value(2).toString()},
            {"vendor_ref", q.value(3).toString()},
            {"bill_date", dateToJson(q.value(4).toDate())},
            {"due_date", dateToJson(q.value(5).toDate())},
            {"status", q.value(6).toString()},
            {"total", money(q.value(8), currency)},
            {"amount_paid", money(q.value(9), currency)},
            {"balance", money(q.value(10), currency)},
            {"functional_total",
             q.value(11).isNull() ? QJsonValue() : QJsonValue(money(q.value(11), functional))},
            {"functional_paid", money(q.value(12), functional)},
            {"version", q.value(14).toInt()}});
    }
    return out;
}

QJsonArray PayablesAgingStore::aging(qint64 entityId, QDate asOf, bool transaction) const
{
    // Bills approved before 0016 may lack a functional total; in the functional currency
    // itself it is the total.
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "WITH paid AS (SELECT a.bill_id, sum(a.amount) AS amount, "
            "sum(a.payable_functional) AS functional FROM vendor_payment_allocations a "
            "JOIN vendor_payments p ON p.id = a.payment_id WHERE p.legal_entity_id = ? "
            "AND p.payment_date <= ? GROUP BY a.bill_id), "
            "open AS (SELECT b.vendor_id, CASE WHEN ? THEN b.currency ELSE le.functional_currency "
            "END AS currency, ?::date - b.due_date AS days, CASE WHEN ? THEN b.total - "
            "coalesce(paid.amount, 0) ELSE coalesce(b.functional_total, CASE WHEN b.currency = "
            "le.functional_currency THEN b.total END, 0) - coalesce(paid.functional, 0) END AS "
            "amount FROM vendor_bills b JOIN legal_entities le ON le.id = b.legal_entity_id "
            "LEFT JOIN paid ON paid.bill_id = b.id WHERE b.legal_entity_id = ? AND b.status IN "
            "('approved', 'partially_paid', 'paid') AND b.bill_date <= ?) "
            "SELECT o.vendor_id, v.name, o.currency, "
            "sum(o.amount) FILTER (WHERE o.days <= 0), "
            "sum(o.amount) FILTER (WHERE o.days BETWEEN 1 AND 30), "
            "sum(o.amount) FILTER (WHERE o.days BETWEEN 31 AND 60), "
            "sum(o.amount) FILTER (WHERE o.days BETWEEN 61 AND 90), "
            "sum(o.amount) FILTER (WHERE o.days > 90), sum(o.amount) "
            "FROM open o JOIN vendors v ON v.id = o.vendor_id WHERE o.amount <> 0 "
            "GROUP BY o.vendor_id, v.name, o.currency ORDER BY v.name, o.vendor_id, o.currency"),
        {entityId, asOf, transaction, asOf, transaction, entityId, asOf});
    QJsonArray out;
    while (q.next()) {
        const QString c = q.value(2).toString();
        out.append(QJsonObject{{"vendor_id", idToJson(q.value(0).toLongLong())},
                               {"vendor_name", q.value(1).toString()},
                               {"currency", c},
                               {"current", money(q.value(3), c)},
                               {"d1_30", money(q.value(4), c)},
                               {"d31_60", money(q.value(5), c)},
                               {"d61_90", money(q.value(6), c)},
                               {"d90_plus", money(q.value(7), c)},
                               {"total", money(q.value(8), c)}});
    }
    return out;
}

} // namespace keel
