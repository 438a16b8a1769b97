#include "credit_note.h"

#include "decimal.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace keel::billing {

using sales::idText;

namespace {
class CreditNoteText
{
    Q_DECLARE_TR_FUNCTIONS(keel::billing::CreditNoteText)
};

Money moneyOf(const QJsonValue &v, const QString &currency)
{
    if (v.isObject())
        return sales::moneyFromJsonValue(v);
    return Money::parse(v.toString(), currency).valueOr(Money());
}

// "150,25" as German hands type it reads as 150.25; digit grouping is not guessed at.
Result<Money> typedAmount(QString text, const QString &currency)
{
    text = text.trimmed();
    if (!text.contains(u'.') && text.count(u',') == 1)
        text.replace(u',', u'.');
    return Money::parse(text, currency);
}

QJsonObject lineById(const QJsonObject &invoice, const QString &id)
{
    for (const QJsonValue &v : invoice.value("lines").toArray())
        if (idText(v.toObject().value("id")) == id)
            return v.toObject();
    return {};
}
} // namespace

bool canCredit(const QJsonObject &invoice)
{
    const QString status = invoice.value("status").toString();
    return invoice.value("kind").toString() != QLatin1String("credit_note") &&
           (status == QLatin1String("issued") || status == QLatin1String("partially_paid"));
}

bool canCreditInFull(const QJsonObject &invoice)
{
    const QString currency = invoice.value("currency").toString();
    const Money paid = moneyOf(invoice.value("amount_paid"), currency);
    return canCredit(invoice) && (!paid.isValid() || paid.isZero());
}

Money lineAmount(const QJsonObject &line, const QString &currency)
{
    return moneyOf(line.value("amount"), currency);
}

Money leftToCredit(const QJsonObject &line, const QString &currency)
{
    return line.contains(QLatin1String("left_to_credit"))
               ? moneyOf(line.value("left_to_credit"), currency)
               : lineAmount(line, currency);
}

Money lineTax(const Money &net, const QString &ratePercent)
{
    const auto rate = Decimal::parse(ratePercent.isEmpty() ? QStringLiteral("0") : ratePercent);
    if (!rate || rate->isZero())
        return Money::zero(net.currency());
    const auto fraction = rate->divide(Decimal::fromInt(100));
    return fraction ? net.multiply(*fraction).valueOr(Money::zero(net.currency()))
                    : Money::zero(net.currency());
}

CreditNoteFigures creditNoteFigures(const QJsonObject &invoice, const CreditNoteRequest &request)
{
    CreditNoteFigures f;
    const QString currency = invoice.value("currency").toString();
    const auto cur = Currency::fromCode(currency);
    if (!cur) {
        f.problem = CreditNoteText::tr("The invoice has no currency.");
        return f;
    }
    f.net = f.tax = f.total = Money::zero(*cur);
    if (!canCredit(invoice)) {
        f.problem = CreditNoteText::tr("Only issued or partially paid invoices can be credited.");
        return f;
    }
    const Money balance = moneyOf(invoice.value("balance"), currency);
    if (request.full) {
        if (!canCreditInFull(invoice)) {
            f.problem = CreditNoteText::tr(
                "Part of this invoice is paid or credited already: credit what is "
                "open with a partial credit note.");
            return f;
        }
        f.net = moneyOf(invoice.value("subtotal"), currency);
        f.tax = moneyOf(invoice.value("tax_total"), currency);
        f.total = moneyOf(invoice.value("total"), currency);
        f.voids = true;
    } else {
        if (request.releaseSources) {
            f.problem = CreditNoteText::tr(
                "Only a full credit note releases the billed time and expenses.");
            return f;
        }
        int credited = 0;
        for (const auto &[lineId, text] : request.lines) {
            const QString typed = text.trimmed();
            if (typed.isEmpty())
                continue;
            const QJsonObject line = lineById(invoice, lineId);
            const int no = line.value("line_no").toInt();
            const auto amount = typedAmount(typed, currency);
            if (!amount) {
                f.problem = CreditNoteText::tr(
                                "Line %1: enter an amount in %2 with at most 2 decimals, e.g. "
                                "150.00.")
                                .arg(no)
                                .arg(currency);
                return f;
            }
            if (amount->isZero())
                continue;
            if (amount->isNegative()) {
                f.problem = CreditNoteText::tr("Line %1: a credit is more than zero.").arg(no);
                return f;
            }
            const Money gross = leftToCredit(line, currency);
            if (line.isEmpty() || !gross.isValid()) {
                f.problem = CreditNoteText::tr("Line %1 is not on this invoice.").arg(no);
                return f;
            }
            if (*amount > gross) {
                f.problem = CreditNoteText::tr("Line %1: at most %2 is left to credit.")
                                .arg(no)
                                .arg(sales::formatMoney(gross));
                return f;
            }
            ++credited;
            f.net = f.net.add(*amount).valueOr(f.net);
            f.tax = f.tax.add(lineTax(*amount, line.value("tax_rate").toString())).valueOr(f.tax);
        }
        f.total = f.net.add(f.tax).valueOr(f.net);
        if (credited == 0) {
            f.problem = CreditNoteText::tr("Enter the amount to credit on at least one line.");
            return f;
        }
        const Money paid = moneyOf(invoice.value("amount_paid"), currency);
        const bool unpaid = !paid.isValid() || paid.isZero();
        if (balance.isValid() && f.total == balance && !unpaid) {
            f.problem = CreditNoteText::tr("%1 with tax is all that is open; once an invoice is "
                                           "paid or credited in part, a credit note leaves "
                                           "something open.")
                            .arg(sales::formatMoney(f.total));
            return f;
        }
        if (balance.isValid() && f.total > balance) {
            f.problem = CreditNoteText::tr("%1 with tax is more than the invoice's open %2.")
                            .arg(sales::formatMoney(f.total), sales::formatMoney(balance));
            return f;
        }
        f.voids = balance.isValid() && f.total == balance;
    }
    if (request.reason.trimmed().isEmpty())
        f.problem =
            CreditNoteText::tr("Say why the invoice is credited; the credit note and the audit log "
                               "keep it.");
    else if (request.reason.trimmed().size() > 500)
        f.problem = CreditNoteText::tr("The reason is at most 500 characters.");
    return f;
}

QJsonObject creditNoteBody(const QJsonObject &invoice, const CreditNoteRequest &request)
{
    QJsonObject body{{"reason", request.reason.trimmed()},
                     {"release_sources", request.full && request.releaseSources},
                     {"version", invoice.value("version")}};
    if (!request.full) {
        const QString currency = invoice.value("currency").toString();
        QJsonArray lines;
        for (const auto &[lineId, text] : request.lines) {
            const auto amount = typedAmount(text, currency);
            if (!amount || amount->isZero())
                continue;
            lines.append(QJsonObject{
                {"line_id", lineId},
                {"amount", QJsonObject{{"amount", amount->toString()}, {"currency", currency}}}});
        }
        body.insert("lines", lines);
    }
    return body;
}

} // namespace keel::billing
