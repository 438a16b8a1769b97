#include "credit_note_store.h"

#include "timeexpense/expense_values.h"

#include <QSqlQuery>

namespace keel {

using expense_values::moneyOf;

QHash<int, Money> CreditNoteStore::creditedByLine(QSqlDatabase db, const InvoiceRow &invoice)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT l.line_no, sum(l.amount)::text FROM invoices c "
                                           "JOIN invoice_lines l ON l.invoice_id = c.id WHERE "
                                           "c.credits_invoice_id = ? AND c.number IS NOT NULL "
                                           "GROUP BY l.line_no"),
                            {invoice.id});
    QHash<int, Money> out;
    while (q.next())
        out.insert(q.value(0).toInt(), moneyOf(q.value(1).toString(), invoice.currency));
    return out;
}

QList<PostedLine> CreditNoteStore::postedLines(QSqlDatabase db, qint64 entryId,
                                               const QString &currency, const QString &functional)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT coalesce(a.role, ''), coalesce(l.project_id, 0), l.debit > 0, "
                       "(l.debit + l.credit)::text, l.currency, "
                       "(l.functional_debit + l.functional_credit)::text "
                       "FROM journal_lines l JOIN ledger_accounts a ON a.id = l.ledger_account_id "
                       "WHERE l.entry_id = ? ORDER BY l.seq"),
        {entryId});
    QList<PostedLine> out;
    while (q.next()) {
        const QString lineCurrency = q.value(4).toString();
        out.append(
            {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toBool(),
             moneyOf(q.value(3).toString(), lineCurrency.isEmpty() ? currency : lineCurrency),
             moneyOf(q.value(5).toString(), functional)});
    }
    return out;
}

qint64 CreditNoteStore::insert(QSqlDatabase db, const NewCreditNote &n,
                               const QList<NewCreditLine> &lines, const QString &number)
{
    const InvoiceRow &inv = *n.invoice;
    const auto nullable = [](qint64 id) {
        return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
    };
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "INSERT INTO invoices (legal_entity_id, account_id, contract_id, project_id, kind, "
            "credits_invoice_id, status, period_start, period_end, invoice_date, due_date, "
            "currency, tax_code, subtotal, tax_total, total, amount_paid, functional_currency, "
            "fx_rate, functional_total, functional_paid, notes, created_by, approved_by) "
            "VALUES (?, ?, ?, ?, 'credit_note', ?, 'draft', ?, ?, ?, ?, ?, ?, ?::numeric, "
            "?::numeric, ?::numeric, ?::numeric, ?, ?::numeric, ?::numeric, ?::numeric, ?, ?, ?) "
            "RETURNING id"),
        {inv.entityId,
         inv.accountId,
         nullable(inv.contractId),
         nullable(inv.projectId),
         inv.id,
         inv.periodStart,
         inv.periodEnd,
         n.date,
         n.date,
         inv.currency,
         inv.taxCode,
         n.subtotal.toString(),
         n.tax.toString(),
         n.total.toString(),
         n.total.toString(),
         inv.functionalCurrency,
         inv.fxRate,
         n.functionalTotal.toString(),
         n.functionalTotal.toString(),
         n.reason.left(4000),
         n.createdBy,
         n.createdBy});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    QStringList no, contractLines, projects, descriptions, quantities, units, prices, amounts,
        rates, taxes, timings;
    const auto quoted = [](QString s) {
        return u'"' +
               s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")) +
               u'"';
    };
    for (const NewCreditLine &l : lines) {
        no << QString::number(l.lineNo);
        contractLines << (l.contractLineId ? QString::number(l.contractLineId)
                                           : QStringLiteral("NULL"));
        projects << (l.projectId ? QString::number(l.projectId) : QStringLiteral("NULL"));
        descriptions << quoted(l.description);
        quantities << l.quantity;
        units << l.unit;
        prices << l.unitPrice;
        amounts << l.amount.toString();
        rates << l.taxRate;
        taxes << l.tax.toString();
        timings << l.timing;
    }
    const auto array = [](const QStringList &l) { return u'{' + l.join(u',') + u'}'; };
    db::query(db,
              QStringLiteral(
                  "INSERT INTO invoice_lines (invoice_id, line_no, kind, contract_line_id, "
                  "project_id, description, quantity, unit, unit_price, gross_amount, amount, "
                  "tax_rate, tax_amount, timing) SELECT ?, n, 'credit', cl, p, d, q, u, pr, a, a, "
                  "r, t, tm FROM unnest(?::int[], ?::bigint[], ?::bigint[], ?::text[], "
                  "?::numeric[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], "
                  "?::numeric[], ?::text[]) AS u(n, cl, p, d, q, u, pr, a, r, t, tm)"),
              {id, array(no), array(contractLines), array(projects), array(descriptions),
               array(quantities), array(units), array(prices), array(amounts), array(rates),
               array(taxes), array(timings)});
    db::query(db,
              QStringLiteral("UPDATE invoices SET number = ?, status = 'paid', issued_by = ?, "
                             "issued_at = now() WHERE id = ?"),
              {number, n.createdBy, id});
    return id;
}

void CreditNoteStore::setJournalEntry(QSqlDatabase db, qint64 id, qint64 entryId)
{
    db::query(db, QStringLiteral("UPDATE invoices SET journal_entry_id = ? WHERE id = ?"),
              {entryId, id});
}

void CreditNoteStore::applyToInvoice(QSqlDatabase db, qint64 invoiceId, const Money &amount,
                                     const Money &functional, const QString &status)
{
    db::query(db,
              QStringLiteral("UPDATE invoices SET amount_paid = amount_paid + ?::numeric, "
                             "functional_paid = functional_paid + ?::numeric, status = ?, "
                             "version = version + 1, updated_at = now() WHERE id = ?"),
              {amount.toString(), functional.toString(), status, invoiceId});
}

int CreditNoteStore::releaseSources(QSqlDatabase db, qint64 invoiceId, qint64 creditNoteId)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("UPDATE billing_sources SET released_at = now(), "
                                           "released_by_invoice_id = ? WHERE invoice_id = ? AND "
                                           "released_at IS NULL"),
                            {creditNoteId, invoiceId});
    const int released = q.numRowsAffected();
    db::query(
        db,
        QStringLiteral("UPDATE time_entries SET status = 'approved', invoice_id = NULL, "
                       "version = version + 1, updated_at = now() WHERE id IN (SELECT "
                       "source_key::uuid FROM billing_sources WHERE invoice_id = ? AND "
                       "source_kind = 'time_entry') AND invoice_id = ? AND status = 'invoiced'"),
        {invoiceId, invoiceId});
    db::query(db,
              QStringLiteral("UPDATE expenses SET status = 'approved', invoice_id = NULL, "
                             "version = version + 1, updated_at = now() WHERE id IN (SELECT "
                             "source_key::uuid FROM billing_sources WHERE invoice_id = ? AND "
                             "source_kind = 'expense') AND invoice_id = ? AND status = 'invoiced'"),
              {invoiceId, invoiceId});
    return released;
}

} // namespace keel
