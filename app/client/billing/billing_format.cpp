#include "billing_format.h"

#include "money.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QMap>

namespace keel::billing {

namespace {
class BillingText
{
    Q_DECLARE_TR_FUNCTIONS(keel::billing::BillingText)
};
} // namespace

QString invoiceStatusText(const QString &status)
{
    if (status == QLatin1String("draft"))
        return BillingText::tr("Draft");
    if (status == QLatin1String("approved"))
        return BillingText::tr("Approved");
    if (status == QLatin1String("issued"))
        return BillingText::tr("Issued");
    if (status == QLatin1String("partially_paid"))
        return BillingText::tr("Partially paid");
    if (status == QLatin1String("paid"))
        return BillingText::tr("Paid");
    if (status == QLatin1String("voided"))
        return BillingText::tr("Voided");
    if (status == QLatin1String("cancelled"))
        return BillingText::tr("Cancelled");
    return status;
}

QString invoiceStatusText(const QJsonObject &invoice)
{
    const QString status = invoice.value("status").toString();
    const QJsonObject approval = invoice.value("approval").toObject();
    if (status == QLatin1String("draft") &&
        approval.value("status").toString() == QLatin1String("pending"))
        return BillingText::tr("Awaiting approval");
    return invoiceStatusText(status);
}

QString lineKindText(const QString &kind)
{
    static const QMap<QString, const char *> words{
        {"time", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Time")},
        {"expense", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Expense")},
        {"milestone", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Milestone")},
        {"fixed_fee", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Fixed fee")},
        {"retainer_fee", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Retainer fee")},
        {"retainer_overage", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Retainer overage")},
        {"subscription", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Subscription")},
        {"credit", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Credit")},
        {"manual", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Manual")},
        {"time_entry", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Time")},
        {"schedule_item", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Schedule item")},
        {"retainer_period", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Retainer period")},
        {"subscription_period",
         QT_TRANSLATE_NOOP("keel::billing::BillingText", "Subscription period")},
    };
    const auto it = words.constFind(kind);
    return it == words.cend() ? kind : BillingText::tr(it.value());
}

QString runStatusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return BillingText::tr("Running");
    if (status == QLatin1String("completed"))
        return BillingText::tr("Completed");
    if (status == QLatin1String("failed"))
        return BillingText::tr("Failed");
    return status;
}

QString exceptionKindText(const QString &kind)
{
    if (kind == QLatin1String("cap_exceeded"))
        return BillingText::tr("Cap exceeded");
    if (kind == QLatin1String("no_rate"))
        return BillingText::tr("No rate");
    return kind;
}

QString exceptionStatusText(const QString &status)
{
    if (status == QLatin1String("open"))
        return BillingText::tr("Open");
    if (status == QLatin1String("written_off"))
        return BillingText::tr("Written off");
    if (status == QLatin1String("released"))
        return BillingText::tr("Released");
    return status;
}

QString taxCodeText(const QString &code)
{
    static const QMap<QString, const char *> words{
        {"US_STANDARD",
         QT_TRANSLATE_NOOP("keel::billing::BillingText", "No sales tax on services")},
        {"US_EXEMPT", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Exempt from sales tax")},
        {"UK_VAT_STANDARD", QT_TRANSLATE_NOOP("keel::billing::BillingText", "VAT 20 %")},
        {"UK_VAT_ZERO", QT_TRANSLATE_NOOP("keel::billing::BillingText", "VAT 0 %")},
        {"DE_UST_STANDARD", QT_TRANSLATE_NOOP("keel::billing::BillingText", "USt 19 %")},
        {"EU_REVERSE_CHARGE", QT_TRANSLATE_NOOP("keel::billing::BillingText", "Reverse charge")},
        {"EXPORT_EXEMPT",
         QT_TRANSLATE_NOOP("keel::billing::BillingText", "Outside the scope of VAT")},
    };
    const auto it = words.constFind(code);
    return it == words.cend() ? code : BillingText::tr(it.value());
}

QString periodText(const QString &period)
{
    QDate d = QDate::fromString(period.left(7) + QStringLiteral("-01"), Qt::ISODate);
    if (!d.isValid())
        return period;
    return QLocale().toString(d, QStringLiteral("MMMM yyyy"));
}

QString invoiceLabel(const QJsonObject &invoice)
{
    const QString number = invoice.value("number").toString();
    if (!number.isEmpty())
        return number;
    const QString id = sales::idText(invoice.value("id"));
    return invoice.value("kind").toString() == QLatin1String("credit_note")
               ? BillingText::tr("Draft credit note #%1").arg(id)
               : BillingText::tr("Draft #%1").arg(id);
}

QString moneyText(const QJsonValue &money)
{
    return sales::formatMoneyJson(money);
}

QString sumMoneyTexts(const QList<QJsonValue> &amounts)
{
    QMap<QString, Money> byCurrency; // currency code -> running sum
    for (const QJsonValue &v : amounts) {
        const Money m = sales::moneyFromJsonValue(v);
        if (!m.isValid())
            continue;
        const QString code = m.currency().code();
        if (!byCurrency.contains(code)) {
            byCurrency.insert(code, m);
            continue;
        }
        if (const auto s = byCurrency.value(code).add(m))
            byCurrency.insert(code, *s);
    }
    QStringList parts;
    for (const Money &m : std::as_const(byCurrency))
        parts.append(sales::formatMoney(m));
    return parts.join(QStringLiteral(" · "));
}

QString instantText(const QString &isoInstant)
{
    QDateTime t = QDateTime::fromString(isoInstant, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(isoInstant, Qt::ISODate);
    if (!t.isValid())
        return isoInstant;
    return QLocale().toString(t.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"));
}

} // namespace keel::billing
