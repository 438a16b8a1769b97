#pragma once

#include <QJsonObject>
#include <QString>

namespace keel::billing {

// Words for the billing API's codes, as finance reads them (translated, context
// keel::billing::BillingText).

// "Draft", "Approved", "Issued" …; a draft whose approval is pending says so.
QString invoiceStatusText(const QJsonObject &invoice);
QString invoiceStatusText(const QString &status);
// "Time", "Expense", "Milestone", "Fixed fee", "Retainer fee" …
QString lineKindText(const QString &kind);
// "Running", "Completed", "Failed".
QString runStatusText(const QString &status);
// "Cap exceeded", "No rate".
QString exceptionKindText(const QString &kind);
QString exceptionStatusText(const QString &status);
// The tax code as the invoice names it: "VAT 20 %", "Reverse charge" (the code itself when
// unknown).
QString taxCodeText(const QString &code);
// "2026-11" or "2026-11-01" -> "November 2026" (locale month name).
QString periodText(const QString &period);
// The invoice's name for people: its number once issued, else "Draft #<id>".
QString invoiceLabel(const QJsonObject &invoice);
// Money from the API, "EUR 1,234.50"; empty when absent.
QString moneyText(const QJsonValue &money);
// Amounts summed exactly per currency: "EUR 1,200.00 · USD 310.50"; "" when none.
QString sumMoneyTexts(const QList<QJsonValue> &amounts);
// An ISO instant -> local date and time, short.
QString instantText(const QString &isoInstant);

} // namespace keel::billing
