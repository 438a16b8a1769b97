#include "credit_note_service.h"

#include "audit/audit_log.h"
#include "credit_note_store.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "invoice_json.h"
#include "invoice_numbering.h"
#include "invoice_service.h"
#include "json_codec.h"
#include "ledger/posting_rules.h"
#include "permissions.h"
#include "timeexpense/expense_values.h"
#include "workflow/state_machine.h"

namespace keel {

using expense_values::covers;

namespace {

Money sum(const Money &a, const Money &b)
{
    return a.add(b).valueOr(a);
}

// The mirror of the invoice's own posting, line for line at the functional amounts it carried.
posting_rules::CreditNoteIssued mirror(const QList<PostedLine> &posted, const Currency &functional)
{
    posting_rules::CreditNoteIssued e;
    for (const PostedLine &l : posted) {
        const posting_rules::ProjectAmount a{l.projectId, l.amount, l.functional, {}};
        if (l.role == QLatin1String("unbilled_receivable") && !l.debit)
            e.arrears.append(a);
        else if (l.role == QLatin1String("deferred_revenue") && !l.debit)
            e.ahead.append(a);
        else if (l.role == QLatin1String("tax_payable") && !l.debit) {
            e.tax = e.tax.isValid() ? sum(e.tax, l.amount) : l.amount;
            e.taxFunctional = e.taxFunctional ? sum(*e.taxFunctional, l.functional) : l.functional;
        } else if (l.role == QLatin1String("accounts_receivable") && l.debit)
            e.receivableFunctional = e.receivableFunctional.isValid()
                                         ? sum(e.receivableFunctional, l.functional)
                                         : l.functional;
    }
    if (!e.receivableFunctional.isValid())
        e.receivableFunctional = Money::zero(functional);
    return e;
}

} // namespace

QJsonObject CreditNoteService::create(const Request &request, qint64 invoiceId,
                                      const QJsonObject &body) const
{
    JsonReader in(body);
    const QString reason = in.requiredString(QStringLiteral("reason")).trimmed();
    const auto linesJson = in.optionalArray(QStringLiteral("lines"));
    const bool release = in.optionalBool(QStringLiteral("release_sources")).value_or(false);
    const auto date = in.optionalDate(QStringLiteral("date"));
    if (in.ok() && reason.size() > 500)
        in.addError(QStringLiteral("reason"), "invalid_value",
                    QStringLiteral("at most 500 characters"));
    const bool full = !linesJson || linesJson->isEmpty();
    if (in.ok() && release && !full)
        in.addError(QStringLiteral("release_sources"), "full_credit_only",
                    QStringLiteral("only a full credit note releases the sources"));
    QList<std::pair<qint64, Money>> asked;
    if (linesJson)
        for (qsizetype i = 0; i < linesJson->size(); ++i) {
            JsonReader l = in.child(QStringLiteral("lines/%1").arg(i), linesJson->at(i).toObject());
            const qint64 lineId = l.requiredInt64(QStringLiteral("line_id"));
            const Money amount = l.requiredMoney(QStringLiteral("amount"));
            if (l.ok() && !amount.isPositive())
                l.addError(QStringLiteral("amount"), "invalid_value",
                           QStringLiteral("a positive amount"));
            if (l.ok() && std::any_of(asked.begin(), asked.end(),
                                      [&](const auto &a) { return a.first == lineId; }))
                l.addError(QStringLiteral("line_id"), "duplicate",
                           QStringLiteral("each line once"));
            in.addErrors(l.errors());
            asked.append({lineId, amount});
        }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    QSqlDatabase db = m_store.db();
    db::Transaction tx(db);
    const auto found = m_store.invoice(db, invoiceId, true);
    if (!found ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::BillingManage)),
                found->entity))
        throw ApiError::notFound(QStringLiteral("There is no invoice %1.").arg(invoiceId));
    const InvoiceRow inv = *found;
    if (inv.kind != QLatin1String("invoice"))
        conflict(
            QStringLiteral("kind"), "not_invoice",
            QStringLiteral("%1 is a credit note; credit notes are not credited.").arg(inv.number));
    if (inv.status != QLatin1String("issued") && inv.status != QLatin1String("partially_paid"))
        conflict(QStringLiteral("status"), "not_issued",
                 QStringLiteral("Invoice %1 is %2; only issued invoices are credited.")
                     .arg(invoiceId)
                     .arg(inv.status));
    if (body.contains(QStringLiteral("version")) || !request.header("If-Match").isEmpty())
        requireVersion(request, body, inv.version);
    const QDate on = date.value_or(QDate::currentDate());
    if (on < inv.invoiceDate)
        throw ApiError::invalidField(QStringLiteral("date"), "before_invoice_date",
                                     QStringLiteral("on or after the invoice date %1")
                                         .arg(inv.invoiceDate.toString(Qt::ISODate)));

    const Currency cur = Currency::fromCode(inv.currency).value();
    const Currency fc = Currency::fromCode(inv.functionalCurrency).value();
    const Decimal rate = Decimal::parse(inv.fxRate).valueOr(Decimal::fromInt(1));
    const Money balance = inv.total.subtract(inv.amountPaid).valueOr(inv.total);
    const QList<InvoiceLineRow> invLines = m_store.lines(db, invoiceId);
    QList<NewCreditLine> lines;
    Money subtotal = Money::zero(cur), tax = Money::zero(cur);
    posting_rules::CreditNoteIssued e;
    QString action;
    if (full) {
        if (!inv.amountPaid.isZero())
            conflict(QStringLiteral("amount_paid"), "invoice_paid",
                     QStringLiteral("Invoice %1 is paid or credited in part (%2 %3); credit what "
                                    "is open with a partial credit note.")
                         .arg(inv.number, inv.amountPaid.toString(), inv.currency));
        action = QStringLiteral("credit");
        for (const InvoiceLineRow &l : invLines) {
            lines.append({l.lineNo, l.contractLineId, l.projectId,
                          QStringLiteral("Credit: %1").arg(l.description).left(500), l.quantity,
                          l.unit, l.unitPrice, l.taxRate, l.timing, l.amount, l.taxAmount});
        }
        subtotal = inv.subtotal;
        tax = inv.taxTotal;
        if (inv.journalEntryId)
            e = mirror(CreditNoteStore::postedLines(db, inv.journalEntryId, inv.currency,
                                                    inv.functionalCurrency),
                       fc);
    } else {
        const QHash<int, Money> credited = CreditNoteStore::creditedByLine(db, inv);
        for (qsizetype i = 0; i < asked.size(); ++i) {
            const QString field = QStringLiteral("lines/%1").arg(i);
            const auto it = std::find_if(invLines.begin(), invLines.end(),
                                         [&](const auto &l) { return l.id == asked.at(i).first; });
            if (it == invLines.end())
                throw ApiError::invalidField(field + QStringLiteral("/line_id"), "unknown",
                                             QStringLiteral("no line %1 on invoice %2")
                                                 .arg(asked.at(i).first)
                                                 .arg(inv.number));
            const Money amount = asked.at(i).second;
            const Money left = it->amount.subtract(credited.value(it->lineNo, Money::zero(cur)))
                                   .valueOr(it->amount);
            if (!(amount.currency() == cur))
                throw ApiError::invalidField(
                    field + QStringLiteral("/amount"), "currency_mismatch",
                    QStringLiteral("the invoice is in %1").arg(inv.currency));
            if (amount > left)
                throw ApiError::invalidField(field + QStringLiteral("/amount"), "exceeds_line",
                                             QStringLiteral("at most %1 %2 of this line is left "
                                                            "to credit")
                                                 .arg(left.toString(), inv.currency));
            const Money lineTaxAmount = lineTax(amount, it->taxRate);
            lines.append({it->lineNo, it->contractLineId, it->projectId,
                          QStringLiteral("Credit: %1").arg(it->description).left(500),
                          QStringLiteral("1"), QStringLiteral("each"), amount.toString(),
                          it->taxRate, it->timing, amount, lineTaxAmount});
            subtotal = sum(subtotal, amount);
            tax = sum(tax, lineTaxAmount);
            // Credited work was earned but is no longer billed: back to unbilled receivable;
            // credited billing ahead reduces deferred revenue.
            const Money f = amount.convert(rate, fc).valueOr(Money::zero(fc));
            (it->timing == QLatin1String("ahead") ? e.ahead : e.arrears)
                .append({it->projectId, amount, f, {}});
        }
        const Money creditTotal = sum(subtotal, tax);
        const bool settlesAll = creditTotal == balance;
        if (creditTotal > balance || (settlesAll && !inv.amountPaid.isZero()))
            throw ApiError::invalidField(
                QStringLiteral("lines"), "exceeds_balance",
                QStringLiteral("%1 %2 is more than is open on the "
                               "invoice (%3 %2)")
                    .arg(creditTotal.toString(), inv.currency, balance.toString()));
        action = settlesAll ? QStringLiteral("credit") : QStringLiteral("credit_part");
        e.tax = tax;
        e.taxFunctional = tax.convert(rate, fc).valueOr(Money::zero(fc));
        qint64 f = e.taxFunctional->minorUnits();
        for (const auto &a : e.arrears + e.ahead)
            f += a.functional->minorUnits();
        e.receivableFunctional = Money::fromMinor(f, fc).valueOr(Money::zero(fc));
    }
    const QString to = InvoiceService::machine().next(inv.status, action);
    const Money total = sum(subtotal, tax);
    const Money functionalTotal = full && inv.functionalTotal.isValid() ? inv.functionalTotal
                                  : e.receivableFunctional.isValid()
                                      ? e.receivableFunctional
                                      : total.convert(rate, fc).valueOr(Money::zero(fc));

    QList<NumberBlock> block{{inv.entityId, QStringLiteral("credit_note"), on.year(), 1, 0}};
    drawNumbers(db, block);
    const QString number =
        formatNumber(QStringLiteral("credit_note"), inv.entity, on.year(), block.first().first);
    const qint64 noteId = CreditNoteStore::insert(
        db, {&inv, on, reason, subtotal, tax, total, functionalTotal, request.caller().user.id},
        lines, number);
    if (!total.isZero()) {
        e.entityId = inv.entityId;
        e.creditNoteId = noteId;
        e.clientId = inv.accountId;
        e.issuedBy = request.caller().user.id;
        e.date = on;
        e.number = number;
        if (!e.tax.isValid())
            e.tax = Money::zero(cur);
        const PostingResult posted = posting_rules::creditNoteIssued(m_ledger, e);
        CreditNoteStore::setJournalEntry(db, noteId, posted.entryId);
    }
    CreditNoteStore::applyToInvoice(db, invoiceId, total, functionalTotal, to);
    const int released = release ? CreditNoteStore::releaseSources(db, invoiceId, noteId) : 0;

    const auto note = m_store.invoice(db, noteId, false);
    const QList<InvoiceLineRow> noteLines = m_store.lines(db, noteId);
    QJsonObject out = invoiceJson(*note, &noteLines);
    AuditEntry a = AuditEntry::from(request, QStringLiteral("credit_note.issue"),
                                    QStringLiteral("invoice"), QString::number(noteId));
    a.after = out;
    appendAudit(db, a);
    AuditEntry b = AuditEntry::from(request, QStringLiteral("invoice.credit"),
                                    QStringLiteral("invoice"), QString::number(invoiceId));
    b.before = {{"status", inv.status}, {"amount_paid", moneyToJson(inv.amountPaid)}};
    b.after = {{"status", to},
               {"credit_note", number},
               {"credited", moneyToJson(total)},
               {"released_sources", released}};
    appendAudit(db, b);
    tx.commit();
    out.insert("released_sources", released);
    out.insert("invoice_status", to);
    return out;
}

} // namespace keel
