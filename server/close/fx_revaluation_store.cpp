#include "fx_revaluation_store.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>

namespace keel {

namespace {

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

FxRevaluationRow rowFrom(const QSqlQuery &q)
{
    FxRevaluationRow r;
    r.id = q.value(0).toLongLong();
    r.entityId = q.value(1).toLongLong();
    r.periodStart = q.value(2).toDate();
    r.closeRunId = q.value(3).toLongLong();
    r.entryId = q.value(4).toLongLong();
    r.reversalEntryId = q.value(5).toLongLong();
    r.superseded = q.value(6).toBool();
    r.itemCount = q.value(7).toInt();
    r.gain = q.value(8).toString();
    r.loss = q.value(9).toString();
    r.createdBy = q.value(10).toLongLong();
    r.createdAt = q.value(11).toDateTime();
    return r;
}

// The columns every item query starts with: kind, document, reference, currency, open and
// carried amounts.
FxRevaluationItem itemFrom(const QSqlQuery &q)
{
    FxRevaluationItem it;
    it.kind = q.value(0).toString();
    it.documentId = q.value(1).toLongLong();
    it.reference = q.value(2).toString();
    it.currency = q.value(3).toString();
    it.openAmount = q.value(4).toString();
    it.carriedFunctional = q.value(5).toString();
    return it;
}

const QString kRowColumns = QStringLiteral(
    "id, legal_entity_id, period_start, coalesce(close_run_id, 0), coalesce(journal_entry_id, "
    "0), coalesce(reversal_entry_id, 0), superseded, item_count, trim_scale(gain)::text, "
    "trim_scale(loss)::text, created_by, created_at");

// Open foreign-currency items at the end of day ?: invoices by their balance then (allocations
// and credit notes dated by it), vendor bills by what payments dated by it left, and each bank
// ledger account by its balance in the bank's currency. Amounts as carried: the invoice's and
// the bill's own rate, the bank's lines at theirs. Binds: entity, functional, end (see below).
const QString kOpenItems = QStringLiteral(
    "WITH inv AS ("
    " SELECT i.id, i.number, i.currency, i.account_id, "
    " i.total - coalesce(p.amount, 0) - coalesce(c.amount, 0) AS bal, "
    " coalesce(i.functional_total, round(i.total * i.fx_rate, 4)) - coalesce(p.functional, 0) "
    " - coalesce(c.functional, 0) AS fbal "
    " FROM invoices i "
    " LEFT JOIN LATERAL (SELECT sum(a.amount) AS amount, sum(a.receivable_functional) AS "
    " functional FROM receipt_allocations a WHERE a.invoice_id = i.id AND a.allocated_on <= "
    " ?3::date) p ON true "
    " LEFT JOIN LATERAL (SELECT sum(abs(n.total)) AS amount, sum(abs(n.functional_total)) AS "
    " functional FROM invoices n WHERE n.credits_invoice_id = i.id AND n.number IS NOT NULL AND "
    " n.invoice_date <= ?3::date) c ON true "
    " WHERE i.legal_entity_id = ?1 AND i.kind = 'invoice' AND i.number IS NOT NULL "
    " AND i.currency <> ?2 AND i.invoice_date <= ?3::date "
    " AND (i.status IN ('issued', 'partially_paid', 'voided') OR "
    " (i.status = 'paid' AND i.paid_on > ?3::date))), "
    "paid AS (SELECT a.bill_id, sum(a.amount) AS amount, sum(a.payable_functional) AS functional "
    " FROM vendor_payment_allocations a JOIN vendor_payments p ON p.id = a.payment_id "
    " WHERE p.legal_entity_id = ?1 AND p.payment_date <= ?3::date GROUP BY a.bill_id), "
    "banks AS (SELECT ledger_account_id, currency, min(id) AS id, "
    " string_agg(name, ', ' ORDER BY id) AS name FROM bank_accounts "
    " WHERE legal_entity_id = ?1 AND currency <> ?2 GROUP BY 1, 2) "
    "SELECT 'receivable', inv.id, inv.number, inv.currency::text, trim_scale(inv.bal)::text, "
    " trim_scale(inv.fbal)::text, inv.account_id, '', a.name "
    " FROM inv JOIN accounts a ON a.id = inv.account_id WHERE inv.bal <> 0 "
    "UNION ALL "
    "SELECT 'payable', b.id, b.vendor_ref, b.currency::text, "
    " trim_scale(b.total - coalesce(paid.amount, 0))::text, "
    " trim_scale(b.functional_total - coalesce(paid.functional, 0))::text, b.vendor_id, '', "
    " v.name FROM vendor_bills b JOIN vendors v ON v.id = b.vendor_id "
    " LEFT JOIN paid ON paid.bill_id = b.id "
    " WHERE b.legal_entity_id = ?1 AND b.currency <> ?2 AND b.functional_total IS NOT NULL "
    " AND b.status IN ('approved', 'partially_paid', 'paid') AND b.bill_date <= ?3::date "
    " AND b.total - coalesce(paid.amount, 0) <> 0 "
    "UNION ALL "
    "SELECT 'bank', k.id, k.name, k.currency::text, trim_scale(s.amount)::text, "
    " trim_scale(s.functional)::text, 0, la.number, k.name "
    " FROM banks k JOIN ledger_accounts la ON la.id = k.ledger_account_id "
    " JOIN LATERAL (SELECT sum(l.debit - l.credit) AS amount, "
    " sum(l.functional_debit - l.functional_credit) AS functional FROM journal_lines l "
    " WHERE l.ledger_account_id = k.ledger_account_id AND l.currency = k.currency "
    " AND l.entry_date <= ?3::date) s ON s.amount <> 0 OR s.functional <> 0 "
    "ORDER BY 1, 2");

} // namespace

void FxRevaluationStore::lock(qint64 entityId, QDate periodStart) const
{
    db::query(m_db,
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('fx_revaluation:' "
                             "|| ?::text || ':' || ?::text, 0))"),
              {entityId, periodStart});
}

std::optional<FxRevaluationRow> FxRevaluationStore::current(qint64 entityId,
                                                            QDate periodStart) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT ") + kRowColumns +
                                QStringLiteral(" FROM fx_revaluations WHERE legal_entity_id = ? "
                                               "AND period_start = ? AND NOT superseded"),
                            {entityId, periodStart});
    if (!q.next())
        return std::nullopt;
    return rowFrom(q);
}

int FxRevaluationStore::runCount(qint64 entityId, QDate periodStart) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT count(*) FROM fx_revaluations WHERE "
                                           "legal_entity_id = ? AND period_start = ?"),
                            {entityId, periodStart});
    return q.next() ? q.value(0).toInt() : 0;
}

void FxRevaluationStore::supersede(qint64 id) const
{
    db::query(m_db, QStringLiteral("UPDATE fx_revaluations SET superseded = true WHERE id = ?"),
              {id});
}

QList<FxRevaluationItem> FxRevaluationStore::openItems(qint64 entityId, const QString &functional,
                                                       QDate periodEnd) const
{
    // QPSQL binds positionally: ?1…?3 are spelled out in order of appearance.
    QString sql = kOpenItems;
    QVariantList binds;
    const QVariant values[] = {entityId, functional, periodEnd};
    for (qsizetype i = sql.indexOf(u'?'); i >= 0; i = sql.indexOf(u'?', i)) {
        const int n = sql.at(i + 1).digitValue();
        binds.append(values[n - 1]);
        sql.remove(i + 1, 1);
        ++i;
    }
    QSqlQuery q = db::query(m_db, sql, binds);
    QList<FxRevaluationItem> out;
    while (q.next()) {
        FxRevaluationItem it = itemFrom(q);
        it.partyId = q.value(6).toLongLong();
        it.partyNumber = q.value(7).toString();
        it.partyName = q.value(8).toString();
        out.append(it);
    }
    return out;
}

qint64 FxRevaluationStore::insert(const FxRevaluationRow &row) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("INSERT INTO fx_revaluations (legal_entity_id, period_start, close_run_id, "
                       "item_count, gain, loss, created_by) VALUES (?, ?, ?, ?, ?::numeric, "
                       "?::numeric, ?) RETURNING id"),
        {row.entityId, row.periodStart, nullableId(row.closeRunId), row.itemCount, row.gain,
         row.loss, row.createdBy});
    q.next();
    return q.value(0).toLongLong();
}

void FxRevaluationStore::insertItems(qint64 revaluationId,
                                     const QList<FxRevaluationItem> &items) const
{
    if (items.isEmpty())
        return;
    db::PgArray kind, document, reference, currency, open, carried, rate, revalued, difference;
    for (const FxRevaluationItem &it : items) {
        kind.add(it.kind);
        document.add(it.documentId);
        reference.add(it.reference.left(200));
        currency.add(it.currency);
        open.add(it.openAmount);
        carried.add(it.carriedFunctional);
        rate.add(it.rate);
        revalued.add(it.revaluedFunctional);
        difference.add(it.difference);
    }
    db::query(m_db,
              QStringLiteral(
                  "INSERT INTO fx_revaluation_items (revaluation_id, kind, document_id, "
                  "reference, currency, open_amount, carried_functional, rate, "
                  "revalued_functional, difference) SELECT ?, k, d, r, c, o, f, x, v, df FROM "
                  "unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::numeric[], "
                  "?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[]) AS u (k, d, r, c, o, "
                  "f, x, v, df)"),
              {revaluationId, kind.literal(), document.literal(), reference.literal(),
               currency.literal(), open.literal(), carried.literal(), rate.literal(),
               revalued.literal(), difference.literal()});
}

void FxRevaluationStore::setEntries(qint64 id, qint64 entryId, qint64 reversalEntryId) const
{
    db::query(m_db,
              QStringLiteral("UPDATE fx_revaluations SET journal_entry_id = ?, "
                             "reversal_entry_id = ? WHERE id = ?"),
              {nullableId(entryId), nullableId(reversalEntryId), id});
}

QList<FxRevaluationItem> FxRevaluationStore::items(qint64 revaluationId, const QString &kind,
                                                   const QString &afterKind, qint64 afterDocument,
                                                   int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT kind, document_id, reference, currency, trim_scale(open_amount)::text, "
            "trim_scale(carried_functional)::text, trim_scale(rate)::text, "
            "trim_scale(revalued_functional)::text, trim_scale(difference)::text "
            "FROM fx_revaluation_items WHERE revaluation_id = ? "
            "AND (coalesce(?, '') = '' OR kind = ?) "
            "AND (kind, document_id) > (coalesce(?::text, ''), ?::bigint) ORDER BY kind, "
            "document_id LIMIT ?"),
        {revaluationId, kind, kind, afterKind, afterDocument, limit});
    QList<FxRevaluationItem> out;
    while (q.next()) {
        FxRevaluationItem it = itemFrom(q);
        it.rate = q.value(6).toString();
        it.revaluedFunctional = q.value(7).toString();
        it.difference = q.value(8).toString();
        out.append(it);
    }
    return out;
}

QList<FxRevaluationLedgerLine> FxRevaluationStore::entryLines(qint64 entryId) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT a.number, l.currency, trim_scale(l.debit)::text, "
                       "trim_scale(l.credit)::text, trim_scale(l.functional_debit)::text, "
                       "trim_scale(l.functional_credit)::text, coalesce(l.client_account_id, 0), "
                       "coalesce(l.project_id, 0), coalesce(l.memo, '') FROM journal_lines l "
                       "JOIN ledger_accounts a ON a.id = l.ledger_account_id WHERE l.entry_id = ? "
                       "ORDER BY l.seq"),
        {entryId});
    QList<FxRevaluationLedgerLine> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toString()});
    return out;
}

} // namespace keel
