#include "aging_store.h"

#include <QSqlQuery>

namespace keel {

namespace {

// Open invoices of entity ?1 at date ?2 with their balance then (transaction and functional).
// Paid ones count only when paid after the date; voided ones carry their credit notes' dates.
// Binds: entity, as_of ×4.
const QString kOpenAt = QStringLiteral(
    "SELECT i.id, i.account_id, i.number, i.status, i.currency, i.invoice_date, i.due_date, "
    "i.total, i.dunning_level, i.last_dunned_on, ?::date - i.due_date AS days, "
    "i.total - coalesce(p.amount, 0) - coalesce(c.amount, 0) AS bal, "
    "coalesce(i.functional_total, i.total) - coalesce(p.functional, 0) - "
    "coalesce(c.functional, 0) AS fbal "
    "FROM invoices i "
    "LEFT JOIN LATERAL (SELECT sum(a.amount) AS amount, sum(a.receivable_functional) AS "
    "functional FROM receipt_allocations a WHERE a.invoice_id = i.id AND a.allocated_on <= "
    "?::date) p ON true "
    "LEFT JOIN LATERAL (SELECT sum(abs(n.total)) AS amount, sum(abs(n.functional_total)) AS "
    "functional FROM invoices n WHERE n.credits_invoice_id = i.id AND n.number IS NOT NULL AND "
    "n.invoice_date <= ?::date) c ON true "
    "WHERE i.legal_entity_id = ? AND i.kind = 'invoice' AND i.number IS NOT NULL "
    "AND i.invoice_date <= ?::date AND (i.status IN ('issued', 'partially_paid', 'voided') OR "
    "(i.status = 'paid' AND i.paid_on > ?::date))");

QVariantList openBinds(qint64 entityId, QDate asOf)
{
    return {asOf, asOf, asOf, entityId, asOf, asOf};
}

QString bucketFilter(const QString &bucket)
{
    if (bucket == QLatin1String("current"))
        return QStringLiteral(" AND days <= 0");
    if (bucket == QLatin1String("d1_30"))
        return QStringLiteral(" AND days BETWEEN 1 AND 30");
    if (bucket == QLatin1String("d31_60"))
        return QStringLiteral(" AND days BETWEEN 31 AND 60");
    if (bucket == QLatin1String("d61_90"))
        return QStringLiteral(" AND days BETWEEN 61 AND 90");
    if (bucket == QLatin1String("d90_plus"))
        return QStringLiteral(" AND days > 90");
    return {};
}

} // namespace

QSqlDatabase AgingStore::db() const
{
    return db::connection(m_config);
}

void AgingStore::withoutJit() const
{
    db::exec(db(), QStringLiteral("SET LOCAL jit = off"));
}

QList<AgingRow> AgingStore::aging(qint64 entityId, QDate asOf, bool functional,
                                  std::optional<qint64> accountId, const QString &currency) const
{
    const QString bal = functional ? QStringLiteral("o.fbal") : QStringLiteral("o.bal");
    const QString cur =
        functional ? QStringLiteral("le.functional_currency") : QStringLiteral("o.currency::text");
    QVariantList binds = openBinds(entityId, asOf);
    binds << entityId << (accountId ? QVariant(*accountId) : QVariant())
          << (accountId ? QVariant(*accountId) : QVariant()) << currency << currency;
    const QString sql =
        QStringLiteral("SELECT o.account_id, a.name, %2, "
                       "coalesce(sum(%1) FILTER (WHERE o.days <= 0), 0)::text, "
                       "coalesce(sum(%1) FILTER (WHERE o.days BETWEEN 1 AND 30), 0)::text, "
                       "coalesce(sum(%1) FILTER (WHERE o.days BETWEEN 31 AND 60), 0)::text, "
                       "coalesce(sum(%1) FILTER (WHERE o.days BETWEEN 61 AND 90), 0)::text, "
                       "coalesce(sum(%1) FILTER (WHERE o.days > 90), 0)::text, sum(%1)::text, "
                       "count(*) FROM (") +
        kOpenAt +
        QStringLiteral(
            ") o JOIN accounts a ON a.id = o.account_id JOIN legal_entities le ON "
            "le.id = ? WHERE o.bal <> 0 AND (?::bigint IS NULL OR o.account_id = "
            "?::bigint) AND (coalesce(?::text, '') = '' OR o.currency = ?::text) GROUP BY 1, 2, "
            "3 ORDER BY a.name, 1, 3");
    QSqlQuery q = db::query(db(), sql.arg(bal, cur), binds);
    QList<AgingRow> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                    q.value(9).toInt()});
    return out;
}

QList<UnappliedRow> AgingStore::unapplied(qint64 entityId, QDate asOf, bool functional,
                                          std::optional<qint64> accountId,
                                          const QString &currency) const
{
    // Receipts with cash left now, or allocated after the date (so with cash left then).
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT r.account_id, a.name, %1, sum(%2)::text FROM customer_receipts r "
            "JOIN accounts a ON a.id = r.account_id JOIN legal_entities le ON le.id = "
            "r.legal_entity_id LEFT JOIN LATERAL (SELECT sum(x.amount) AS amount, "
            "sum(x.cash_functional) AS functional FROM receipt_allocations x WHERE x.receipt_id "
            "= r.id AND x.allocated_on <= ?::date) p ON true WHERE r.legal_entity_id = ? AND "
            "r.receipt_date <= ?::date AND (r.allocated < r.amount OR r.id IN (SELECT "
            "x.receipt_id FROM receipt_allocations x WHERE x.allocated_on > ?::date)) AND "
            "(?::bigint IS NULL OR r.account_id = ?::bigint) AND (coalesce(?::text, '') = '' OR "
            "r.currency = "
            "?::text) GROUP BY 1, 2, 3 HAVING sum(%2) <> 0 ORDER BY a.name, 1, 3")
            .arg(functional ? QStringLiteral("le.functional_currency")
                            : QStringLiteral("r.currency::text"),
                 functional ? QStringLiteral("r.functional_amount - coalesce(p.functional, 0)")
                            : QStringLiteral("r.amount - coalesce(p.amount, 0)")),
        {asOf, entityId, asOf, asOf, accountId ? QVariant(*accountId) : QVariant(),
         accountId ? QVariant(*accountId) : QVariant(), currency, currency});
    QList<UnappliedRow> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

QList<OpenInvoiceRow> AgingStore::openInvoices(qint64 entityId, qint64 accountId, QDate asOf,
                                               const QString &bucket, qint64 after, int limit) const
{
    QVariantList binds = openBinds(entityId, asOf);
    binds << entityId << accountId << accountId << after << limit;
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT o.id, o.number, o.status, o.currency, le.functional_currency, "
                       "o.invoice_date, o.due_date, o.last_dunned_on, o.days, o.dunning_level, "
                       "o.total::text, o.bal::text, o.fbal::text, o.account_id FROM (") +
            kOpenAt +
            QStringLiteral(") o JOIN legal_entities le ON le.id = ? WHERE o.bal <> 0 AND "
                           "(?::bigint = 0 OR o.account_id = ?) AND o.id > ?") +
            bucketFilter(bucket) + QStringLiteral(" ORDER BY o.id LIMIT ?"),
        binds);
    QList<OpenInvoiceRow> out;
    while (q.next()) {
        OpenInvoiceRow r;
        r.id = q.value(0).toLongLong();
        r.number = q.value(1).toString();
        r.status = q.value(2).toString();
        r.currency = q.value(3).toString();
        r.functionalCurrency = q.value(4).toString();
        r.invoiceDate = q.value(5).toDate();
        r.dueDate = q.value(6).toDate();
        r.lastDunnedOn = q.value(7).toDate();
        r.daysPastDue = q.value(8).toInt();
        r.dunningLevel = q.value(9).toInt();
        r.total = q.value(10).toString();
        r.balance = q.value(11).toString();
        r.functionalBalance = q.value(12).toString();
        r.accountId = q.value(13).toLongLong();
        out.append(r);
    }
    return out;
}

QString AgingStore::billedRevenue(qint64 entityId, QDate afterDay, QDate to) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT coalesce(sum(CASE WHEN kind = 'invoice' THEN 1 ELSE -1 END * "
                       "round(abs(subtotal) * coalesce(fx_rate, 1), 2)), 0)::text FROM invoices "
                       "WHERE legal_entity_id = ? AND number IS NOT NULL AND invoice_date > ? AND "
                       "invoice_date <= ?"),
        {entityId, afterDay, to});
    return q.next() ? q.value(0).toString() : QStringLiteral("0");
}

std::optional<QString> AgingStore::recognisedRevenue(qint64 entityId, QDate afterDay,
                                                     QDate to) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM journal_entries WHERE legal_entity_id = ? "
                       "AND source_type = 'revenue_recognition' AND entry_date <= ?), "
                       "(SELECT coalesce(sum(jl.functional_credit - jl.functional_debit), 0) FROM "
                       "journal_lines jl WHERE jl.ledger_account_id = ANY (ARRAY(SELECT id FROM "
                       "ledger_accounts WHERE legal_entity_id = ? AND role = 'revenue')) AND "
                       "jl.entry_date > ? AND jl.entry_date <= ?)::text"),
        {entityId, to, entityId, afterDay, to});
    if (!q.next() || !q.value(0).toBool())
        return std::nullopt;
    return q.value(1).toString();
}

} // namespace keel
