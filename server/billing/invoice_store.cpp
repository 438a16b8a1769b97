#include "invoice_store.h"

#include "json_codec.h"
#include "timeexpense/expense_values.h"

#include <QSqlQuery>

namespace keel {

using expense_values::moneyOf;

namespace {

const QString kInvoice = QStringLiteral(
    "SELECT i.id, i.legal_entity_id, le.code, le.name, le.country, le.functional_currency, "
    "i.account_id, a.name, a.country, coalesce(i.contract_id, 0), c.number, "
    "coalesce(i.project_id, 0), coalesce(i.billing_run_id, 0), i.kind, i.status, i.number, "
    "coalesce(i.credits_invoice_id, 0), i.period_start, i.period_end, i.invoice_date, "
    "i.due_date, i.currency, i.tax_code, tc.kind, tc.invoice_note, i.subtotal::text, "
    "i.tax_total::text, i.total::text, i.amount_paid::text, trim_scale(i.fx_rate)::text, "
    "i.functional_total::text, i.show_time_detail, i.notes, i.dunning_level, "
    "a.payment_terms_days, coalesce(i.approval_request_id, 0), coalesce(i.journal_entry_id, 0), "
    "coalesce(i.created_by, 0), ar.status, "
    "(SELECT s.role FROM approval_steps s WHERE s.request_id = ar.id AND "
    " s.step_order = ar.current_step), i.version "
    "FROM invoices i JOIN legal_entities le ON le.id = i.legal_entity_id "
    "JOIN accounts a ON a.id = i.account_id JOIN tax_codes tc ON tc.code = i.tax_code "
    "LEFT JOIN contracts c ON c.id = i.contract_id "
    "LEFT JOIN approval_requests ar ON ar.id = i.approval_request_id ");

InvoiceRow invoiceFrom(const QSqlQuery &q)
{
    InvoiceRow r;
    r.id = q.value(0).toLongLong();
    r.entityId = q.value(1).toLongLong();
    r.entity = q.value(2).toString();
    r.entityName = q.value(3).toString();
    r.entityCountry = q.value(4).toString();
    r.functionalCurrency = q.value(5).toString();
    r.accountId = q.value(6).toLongLong();
    r.accountName = q.value(7).toString();
    r.accountCountry = q.value(8).toString();
    r.contractId = q.value(9).toLongLong();
    r.contractNumber = q.value(10).toString();
    r.projectId = q.value(11).toLongLong();
    r.runId = q.value(12).toLongLong();
    r.kind = q.value(13).toString();
    r.status = q.value(14).toString();
    r.number = q.value(15).toString();
    r.creditsInvoiceId = q.value(16).toLongLong();
    r.periodStart = q.value(17).toDate();
    r.periodEnd = q.value(18).toDate();
    r.invoiceDate = q.value(19).toDate();
    r.dueDate = q.value(20).toDate();
    r.currency = q.value(21).toString();
    r.taxCode = q.value(22).toString();
    r.taxKind = q.value(23).toString();
    r.taxNote = q.value(24).toString();
    r.subtotal = moneyOf(q.value(25).toString(), r.currency);
    r.taxTotal = moneyOf(q.value(26).toString(), r.currency);
    r.total = moneyOf(q.value(27).toString(), r.currency);
    r.amountPaid = moneyOf(q.value(28).toString(), r.currency);
    r.fxRate = q.value(29).toString();
    if (!q.value(30).isNull())
        r.functionalTotal = moneyOf(q.value(30).toString(), r.functionalCurrency);
    r.showTimeDetail = q.value(31).toBool();
    r.notes = q.value(32).toString();
    r.dunningLevel = q.value(33).toInt();
    r.paymentTermsDays = q.value(34).toInt();
    r.approvalRequestId = q.value(35).toLongLong();
    r.journalEntryId = q.value(36).toLongLong();
    r.createdBy = q.value(37).toLongLong();
    r.approvalStatus = q.value(38).toString();
    r.approvalRole = q.value(39).toString();
    r.version = q.value(40).toInt();
    return r;
}

const QString kLine = QStringLiteral(
    "SELECT l.id, l.invoice_id, coalesce(l.contract_line_id, 0), coalesce(l.project_id, 0), "
    "l.line_no, l.kind, p.name, l.description, trim_scale(l.quantity)::text, l.unit, "
    "trim_scale(l.unit_price)::text, l.gross_amount::text, l.write_down::text, "
    "l.amount::text, l.tax_amount::text, l.write_down_reason, l.write_down_status, "
    "coalesce(l.write_down_request_id, 0), trim_scale(l.tax_rate)::text, l.timing, "
    "l.service_start, l.service_end, "
    "(SELECT count(*) FROM billing_sources s WHERE s.invoice_line_id = l.id), i.currency "
    "FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
    "LEFT JOIN projects p ON p.id = l.project_id ");

InvoiceLineRow lineFrom(const QSqlQuery &q)
{
    InvoiceLineRow l;
    const QString currency = q.value(23).toString();
    l.id = q.value(0).toLongLong();
    l.invoiceId = q.value(1).toLongLong();
    l.contractLineId = q.value(2).toLongLong();
    l.projectId = q.value(3).toLongLong();
    l.lineNo = q.value(4).toInt();
    l.kind = q.value(5).toString();
    l.projectName = q.value(6).toString();
    l.description = q.value(7).toString();
    l.quantity = q.value(8).toString();
    l.unit = q.value(9).toString();
    l.unitPrice = q.value(10).toString();
    l.gross = moneyOf(q.value(11).toString(), currency);
    l.writeDown = moneyOf(q.value(12).toString(), currency);
    l.amount = moneyOf(q.value(13).toString(), currency);
    l.taxAmount = moneyOf(q.value(14).toString(), currency);
    l.writeDownReason = q.value(15).toString();
    l.writeDownStatus = q.value(16).toString();
    l.writeDownRequestId = q.value(17).toLongLong();
    l.taxRate = q.value(18).toString();
    l.timing = q.value(19).toString();
    l.serviceStart = q.value(20).toDate();
    l.serviceEnd = q.value(21).toDate();
    l.sourceCount = q.value(22).toInt();
    return l;
}

QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return u'{' + parts.join(u',') + u'}';
}

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Money lineTax(const Money &amount, const QString &ratePercent)
{
    const auto rate = Decimal::parse(ratePercent.isEmpty() ? QStringLiteral("0") : ratePercent);
    if (!rate || rate->isZero())
        return Money::zero(amount.currency());
    const auto fraction = rate->divide(Decimal::fromInt(100));
    return amount.multiply(*fraction).valueOr(Money::zero(amount.currency()));
}

std::optional<InvoiceRow> InvoiceStore::invoice(QSqlDatabase db, qint64 id, bool lock) const
{
    if (lock) // the invoice row alone: the joined rows are not ours to lock
        db::query(db, QStringLiteral("SELECT 1 FROM invoices WHERE id = ? FOR UPDATE"), {id});
    QSqlQuery q = db::query(db, kInvoice + QStringLiteral("WHERE i.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return invoiceFrom(q);
}

QList<InvoiceRow> InvoiceStore::invoices(QSqlDatabase db, const QList<qint64> &ids, bool lock) const
{
    if (lock)
        db::query(db,
                  QStringLiteral("SELECT 1 FROM invoices WHERE id = ANY(?::bigint[]) "
                                 "ORDER BY id FOR UPDATE"),
                  {idArray(ids)});
    QSqlQuery q =
        db::query(db, kInvoice + QStringLiteral("WHERE i.id = ANY(?::bigint[]) ORDER BY i.id"),
                  {idArray(ids)});
    QList<InvoiceRow> out;
    while (q.next())
        out.append(invoiceFrom(q));
    return out;
}

QList<InvoiceRow> InvoiceStore::list(QSqlDatabase db, const InvoiceFilter &f) const
{
    QStringList where{QStringLiteral("i.id > ?")};
    QVariantList binds{f.after};
    if (!f.entities.contains(QStringLiteral("*"))) {
        where << QStringLiteral("le.code = ANY(?::text[])");
        binds << u'{' + f.entities.join(u',') + u'}';
    }
    const auto add = [&](bool when, const char *clause, const QVariant &v) {
        if (when) {
            where << QString::fromLatin1(clause);
            binds << v;
        }
    };
    add(f.entityId, "i.legal_entity_id = ?", f.entityId);
    add(f.accountId, "i.account_id = ?", f.accountId);
    add(f.runId, "i.billing_run_id = ?", f.runId);
    add(!f.status.isEmpty(), "i.status = ?", f.status);
    add(!f.kind.isEmpty(), "i.kind = ?", f.kind);
    add(f.from.isValid(), "i.invoice_date >= ?", f.from);
    add(f.to.isValid(), "i.invoice_date <= ?", f.to);
    if (!f.q.isEmpty()) {
        where << QStringLiteral("(i.number ILIKE ? OR a.name ILIKE ?)");
        QString pattern = f.q;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        binds << pattern << pattern;
    }
    binds << f.limit;
    QSqlQuery q =
        db::query(db,
                  kInvoice + QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) +
                      QStringLiteral(" ORDER BY i.id LIMIT ?"),
                  binds);
    QList<InvoiceRow> out;
    while (q.next())
        out.append(invoiceFrom(q));
    return out;
}

QList<InvoiceLineRow> InvoiceStore::lines(QSqlDatabase db, qint64 invoiceId) const
{
    QSqlQuery q = db::query(db, kLine + QStringLiteral("WHERE l.invoice_id = ? ORDER BY l.line_no"),
                            {invoiceId});
    QList<InvoiceLineRow> out;
    while (q.next())
        out.append(lineFrom(q));
    return out;
}

std::optional<InvoiceLineRow> InvoiceStore::line(QSqlDatabase db, qint64 invoiceId,
                                                 qint64 lineId) const
{
    QSqlQuery q = db::query(db, kLine + QStringLiteral("WHERE l.invoice_id = ? AND l.id = ?"),
                            {invoiceId, lineId});
    if (!q.next())
        return std::nullopt;
    return lineFrom(q);
}

std::optional<InvoiceLineRow> InvoiceStore::lineById(QSqlDatabase db, qint64 lineId) const
{
    QSqlQuery q = db::query(db, kLine + QStringLiteral("WHERE l.id = ?"), {lineId});
    if (!q.next())
        return std::nullopt;
    return lineFrom(q);
}

QJsonArray InvoiceStore::sources(QSqlDatabase db, qint64 lineId) const
{
    // One row per billed record, whatever its kind, with what a reviewer needs to judge it.
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT s.source_kind, s.source_key, trim_scale(s.hours)::text, s.amount::text, "
            "i.currency, s.released_at IS NOT NULL, "
            "coalesce(te.work_date, ex.expense_date, m.actual_date, m.planned_date, ci.due_date), "
            "coalesce(tu.display_name, eu.display_name), "
            "coalesce(te.notes, ex.description, m.name, ci.name, ''), "
            "trim_scale(l.unit_price)::text, ex.amount::text, ex.currency "
            "FROM billing_sources s JOIN invoice_lines l ON l.id = s.invoice_line_id "
            "JOIN invoices i ON i.id = l.invoice_id "
            "LEFT JOIN time_entries te ON s.source_kind = 'time_entry' AND te.id::text = "
            "s.source_key "
            "LEFT JOIN employees tem ON tem.id = te.employee_id "
            "LEFT JOIN users tu ON tu.id = tem.user_id "
            "LEFT JOIN expenses ex ON s.source_kind = 'expense' AND ex.id::text = s.source_key "
            "LEFT JOIN employees eem ON eem.id = ex.employee_id "
            "LEFT JOIN users eu ON eu.id = eem.user_id "
            "LEFT JOIN project_milestones m ON s.source_kind = 'milestone' AND "
            "  m.id::text = s.source_key "
            "LEFT JOIN contract_line_items ci ON s.source_kind = 'schedule_item' AND "
            "  ci.id::text = s.source_key "
            "WHERE s.invoice_line_id = ? ORDER BY 7 NULLS LAST, s.id"),
        {lineId});
    QJsonArray out;
    while (q.next()) {
        const QString currency = q.value(4).toString();
        QJsonObject o{{"kind", q.value(0).toString()},
                      {"key", q.value(1).toString()},
                      {"hours", q.value(2).isNull() ? QJsonValue() : q.value(2).toString()},
                      {"amount", moneyToJson(moneyOf(q.value(3).toString(), currency))},
                      {"released", q.value(5).toBool()},
                      {"date", dateToJson(q.value(6).toDate())},
                      {"person", q.value(7).isNull() ? QJsonValue() : q.value(7).toString()},
                      {"notes", q.value(8).toString()}};
        if (q.value(0).toString() == QLatin1String("time_entry"))
            o.insert("rate", q.value(9).toString());
        if (!q.value(10).isNull())
            o.insert("expense_amount",
                     moneyToJson(moneyOf(q.value(10).toString(), q.value(11).toString())));
        out.append(o);
    }
    return out;
}

QList<TimeDetailRow> InvoiceStore::timeDetail(QSqlDatabase db, qint64 invoiceId) const
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT te.work_date, u.display_name, p.name, te.notes, "
                       "trim_scale(coalesce(s.hours, te.hours))::text "
                       "FROM billing_sources s JOIN time_entries te ON te.id::text = s.source_key "
                       "JOIN employees e ON e.id = te.employee_id JOIN users u ON u.id = e.user_id "
                       "JOIN projects p ON p.id = te.project_id "
                       "WHERE s.invoice_id = ? AND s.source_kind = 'time_entry' "
                       "ORDER BY te.work_date, u.display_name, s.id"),
        {invoiceId});
    QList<TimeDetailRow> out;
    while (q.next())
        out.append({q.value(0).toDate(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString()});
    return out;
}

int InvoiceStore::pendingWriteDowns(QSqlDatabase db, qint64 invoiceId) const
{
    QSqlQuery q =
        db::query(db,
                  QStringLiteral("SELECT count(*) FROM invoice_lines WHERE invoice_id = ? "
                                 "AND write_down_status = 'pending'"),
                  {invoiceId});
    return q.next() ? q.value(0).toInt() : 0;
}

void InvoiceStore::updateHeader(QSqlDatabase db, qint64 id, const QString &notes,
                                bool showTimeDetail, QDate invoiceDate, QDate dueDate) const
{
    db::query(
        db,
        QStringLiteral("UPDATE invoices SET notes = ?, show_time_detail = ?, invoice_date = ?, "
                       "due_date = ?, version = version + 1, updated_at = now() WHERE id = ?"),
        {notes, showTimeDetail, invoiceDate, dueDate, id});
}

void InvoiceStore::updateLineDescription(QSqlDatabase db, qint64 lineId, const QString &text) const
{
    db::query(db, QStringLiteral("UPDATE invoice_lines SET description = ? WHERE id = ?"),
              {text, lineId});
}

void InvoiceStore::deleteLine(QSqlDatabase db, qint64 lineId) const
{
    db::query(db, QStringLiteral("DELETE FROM invoice_lines WHERE id = ?"), {lineId});
}

void InvoiceStore::recomputeTotals(QSqlDatabase db, qint64 id) const
{
    db::query(
        db,
        QStringLiteral(
            "UPDATE invoices i SET subtotal = t.net, tax_total = t.tax, total = t.net + t.tax, "
            "version = i.version + 1, updated_at = now() FROM (SELECT coalesce(sum(amount), 0) "
            "AS net, coalesce(sum(tax_amount), 0) AS tax FROM invoice_lines WHERE "
            "invoice_id = ?) t WHERE i.id = ?"),
        {id, id});
}

void InvoiceStore::touch(QSqlDatabase db, qint64 id) const
{
    db::query(db,
              QStringLiteral("UPDATE invoices SET version = version + 1, updated_at = now() "
                             "WHERE id = ?"),
              {id});
}

void InvoiceStore::setWriteDown(QSqlDatabase db, qint64 lineId, const Money &writeDown,
                                const QString &reason, const QString &status,
                                qint64 requestId) const
{
    db::query(db,
              QStringLiteral("UPDATE invoice_lines SET write_down = ?, write_down_reason = ?, "
                             "write_down_status = ?, write_down_request_id = ? WHERE id = ?"),
              {writeDown.toString(), reason, status, nullableId(requestId), lineId});
}

void InvoiceStore::setWriteDownStatus(QSqlDatabase db, qint64 lineId, const QString &status,
                                      const Money &amount, const Money &tax) const
{
    db::query(db,
              QStringLiteral("UPDATE invoice_lines SET write_down_status = ?, amount = ?, "
                             "tax_amount = ? WHERE id = ?"),
              {status, amount.toString(), tax.toString(), lineId});
}

void InvoiceStore::setStatus(QSqlDatabase db, qint64 id, const QString &status, qint64 approvedBy,
                             qint64 approvalRequestId) const
{
    db::query(
        db,
        QStringLiteral("UPDATE invoices SET status = ?, approved_by = coalesce(?, approved_by), "
                       "approval_request_id = coalesce(?, approval_request_id), "
                       "version = version + 1, updated_at = now() WHERE id = ?"),
        {status, nullableId(approvedBy), nullableId(approvalRequestId), id});
}

} // namespace keel
