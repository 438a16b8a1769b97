#include "reconciliation_store.h"

#include "json_codec.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace keel {

ReconciliationSums ReconciliationStore::sums(qint64 bankAccountId, qint64 ledgerAccountId,
                                             const QString &currency, QDate asOf) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT (SELECT coalesce(sum(amount), 0) FROM bank_statement_lines WHERE "
            "bank_account_id = ? AND booking_date <= ?)::text, "
            "(SELECT coalesce(sum(amount), 0) FROM bank_statement_lines WHERE bank_account_id = ? "
            "AND booking_date <= ? AND status = 'unmatched')::text, "
            "(SELECT coalesce(sum(amount), 0) FROM bank_statement_lines WHERE bank_account_id = ? "
            "AND booking_date <= ? AND status = 'ignored')::text, "
            "(SELECT coalesce(sum(debit - credit), 0) FROM journal_lines WHERE ledger_account_id = "
            "? AND currency = ? AND entry_date <= ?)::text, "
            "(SELECT coalesce(sum(functional_debit - functional_credit), 0) FROM journal_lines "
            "WHERE ledger_account_id = ? AND entry_date <= ?)::text, "
            "((SELECT coalesce(sum(r.amount), 0) FROM customer_receipts r WHERE "
            "r.bank_account_id = ? AND r.receipt_date <= ? AND NOT EXISTS (SELECT 1 FROM "
            "bank_statement_lines s WHERE s.customer_receipt_id = r.id)) - "
            "(SELECT coalesce(sum(p.amount), 0) FROM vendor_payments p WHERE p.bank_account_id = ? "
            "AND p.payment_date <= ? AND NOT EXISTS (SELECT 1 FROM bank_statement_lines s WHERE "
            "s.vendor_payment_id = p.id)))::text"),
        {bankAccountId, asOf, bankAccountId, asOf, bankAccountId, asOf, ledgerAccountId, currency,
         asOf, ledgerAccountId, asOf, bankAccountId, asOf, bankAccountId, asOf});
    q.next();
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
}

QJsonArray ReconciliationStore::unmatchedLines(qint64 bankAccountId, QDate asOf, int limit) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT id, booking_date, trim_scale(amount)::text, "
                                           "reference, counterparty FROM bank_statement_lines "
                                           "WHERE bank_account_id = ? AND booking_date <= ? AND "
                                           "status = 'unmatched' ORDER BY booking_date, id "
                                           "LIMIT ?"),
                            {bankAccountId, asOf, limit});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"booking_date", dateToJson(q.value(1).toDate())},
                               {"amount", q.value(2).toString()},
                               {"reference", q.value(3).toString()},
                               {"counterparty", q.value(4).toString()}});
    return out;
}

QJsonArray ReconciliationStore::notOnStatement(qint64 bankAccountId, QDate asOf, int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT 'customer_receipt', r.id, r.receipt_date, trim_scale(r.amount)::text, "
            "r.reference FROM customer_receipts r WHERE r.bank_account_id = ? AND r.receipt_date "
            "<= ? AND NOT EXISTS (SELECT 1 FROM bank_statement_lines s WHERE "
            "s.customer_receipt_id = r.id) "
            "UNION ALL SELECT 'vendor_payment', p.id, p.payment_date, trim_scale(-p.amount)::text, "
            "p.reference FROM vendor_payments p WHERE p.bank_account_id = ? AND p.payment_date <= "
            "? AND NOT EXISTS (SELECT 1 FROM bank_statement_lines s WHERE s.vendor_payment_id = "
            "p.id) ORDER BY 3, 1, 2 LIMIT ?"),
        {bankAccountId, asOf, bankAccountId, asOf, limit});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"kind", q.value(0).toString()},
                               {"id", idToJson(q.value(1).toLongLong())},
                               {"date", dateToJson(q.value(2).toDate())},
                               {"amount", q.value(3).toString()},
                               {"reference", q.value(4).toString()}});
    return out;
}

} // namespace keel
