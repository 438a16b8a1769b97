#include "invoice_json.h"

#include "http/http_types.h"
#include "json_codec.h"

#include <QJsonArray>

namespace keel {

namespace {

QJsonValue optId(qint64 id)
{
    return id ? idToJson(id) : QJsonValue();
}

QJsonValue optString(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject invoiceLineJson(const InvoiceLineRow &l)
{
    return {{"id", idToJson(l.id)},
            {"line_no", l.lineNo},
            {"kind", l.kind},
            {"contract_line_id", optId(l.contractLineId)},
            {"project_id", optId(l.projectId)},
            {"project_name", optString(l.projectName)},
            {"description", l.description},
            {"quantity", l.quantity},
            {"unit", l.unit},
            {"unit_price", l.unitPrice},
            {"gross_amount", moneyToJson(l.gross)},
            {"write_down", moneyToJson(l.writeDown)},
            {"write_down_reason", optString(l.writeDownReason)},
            {"write_down_status", optString(l.writeDownStatus)},
            {"amount", moneyToJson(l.amount)},
            {"tax_rate", l.taxRate},
            {"tax_amount", moneyToJson(l.taxAmount)},
            {"timing", l.timing},
            {"service_start", dateToJson(l.serviceStart)},
            {"service_end", dateToJson(l.serviceEnd)},
            {"source_count", l.sourceCount}};
}

QJsonObject invoiceJson(const InvoiceRow &r, const QList<InvoiceLineRow> *lines)
{
    QJsonObject o{
        {"id", idToJson(r.id)},
        {"legal_entity_id", idToJson(r.entityId)},
        {"legal_entity", r.entity},
        {"account_id", idToJson(r.accountId)},
        {"account_name", r.accountName},
        {"contract_id", optId(r.contractId)},
        {"contract_number", optString(r.contractNumber)},
        {"project_id", optId(r.projectId)},
        {"billing_run_id", optId(r.runId)},
        {"kind", r.kind},
        {"credits_invoice_id", optId(r.creditsInvoiceId)},
        {"number", optString(r.number)},
        {"status", r.status},
        {"period_start", dateToJson(r.periodStart)},
        {"period_end", dateToJson(r.periodEnd)},
        {"invoice_date", dateToJson(r.invoiceDate)},
        {"due_date", dateToJson(r.dueDate)},
        {"currency", r.currency},
        {"tax_code", r.taxCode},
        {"tax_note", optString(r.taxNote)},
        {"subtotal", moneyToJson(r.subtotal)},
        {"tax_total", moneyToJson(r.taxTotal)},
        {"total", moneyToJson(r.total)},
        {"amount_paid", moneyToJson(r.amountPaid)},
        {"balance", moneyToJson(r.total.subtract(r.amountPaid).valueOr(r.total))},
        {"functional_total",
         r.functionalTotal.isValid() ? QJsonValue(moneyToJson(r.functionalTotal)) : QJsonValue()},
        {"fx_rate", optString(r.fxRate)},
        {"show_time_detail", r.showTimeDetail},
        {"notes", r.notes},
        {"dunning_level", r.dunningLevel},
        {"approval", r.approvalStatus.isEmpty()
                         ? QJsonValue()
                         : QJsonValue(QJsonObject{{"status", r.approvalStatus},
                                                  {"current_role", optString(r.approvalRole)}})},
        {"journal_entry_id", optId(r.journalEntryId)},
        {"version", r.version}};
    if (lines) {
        QJsonArray a;
        for (const InvoiceLineRow &l : *lines)
            a.append(invoiceLineJson(l));
        o.insert("lines", a);
    }
    return o;
}

void conflict(const QString &field, const char *code, const QString &detail)
{
    throw ApiError(Problem{409,
                           problemTypeUri(ErrorType::Conflict),
                           QStringLiteral("Conflict"),
                           detail,
                           {{field, QString::fromLatin1(code), detail}}});
}

} // namespace keel
