#include "sales_format.h"

#include "decimal.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace keel::sales {

QString groupDigits(const QString &plainDecimal)
{
    QString text = plainDecimal.trimmed();
    if (text.isEmpty())
        return text;
    const QLocale locale;
    QString sign;
    if (text.startsWith(u'-')) {
        sign = locale.negativeSign();
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QString whole = dot < 0 ? text : text.left(dot);
    const QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    QString grouped;
    const QString groupSep = locale.groupSeparator();
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += groupSep;
        grouped += whole.at(i);
    }
    if (!fraction.isEmpty())
        grouped += locale.decimalPoint() + fraction;
    return sign + grouped;
}

QString formatMoney(const Money &money)
{
    if (!money.isValid())
        return {};
    return money.currency().code() + u' ' + groupDigits(money.toString());
}

Money moneyFromJsonValue(const QJsonValue &value)
{
    if (!value.isObject())
        return {};
    const QJsonObject o = value.toObject();
    const auto m = Money::parse(o.value("amount").toString(), o.value("currency").toString());
    return m ? *m : Money();
}

QString formatMoneyJson(const QJsonValue &value)
{
    if (!value.isObject())
        return {};
    const QJsonObject o = value.toObject();
    const Money m = moneyFromJsonValue(value);
    if (m.isValid())
        return formatMoney(m);
    // An amount with more places than the currency (rates): show it as the server wrote it.
    const QString amount = o.value("amount").toString();
    if (amount.isEmpty())
        return {};
    return o.value("currency").toString() + u' ' + groupDigits(amount);
}

QString formatDateText(const QString &isoDate)
{
    QDate d = QDate::fromString(isoDate, Qt::ISODate);
    if (!d.isValid()) // an instant: its local day
        d = QDateTime::fromString(isoDate, Qt::ISODateWithMs).toLocalTime().date();
    if (!d.isValid())
        return isoDate;
    return QLocale().toString(d, QStringLiteral("d MMM yyyy"));
}

QString formatDecimalText(const QString &decimal, int decimals)
{
    const auto d = Decimal::parse(decimal);
    if (!d)
        return decimal;
    return groupDigits(d->rounded(decimals).toString());
}

QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    const QStringList parts = path.split(u'.');
    QJsonValue v = object;
    for (const QString &part : parts) {
        if (!v.isObject())
            return {};
        v = v.toObject().value(part);
    }
    return v;
}

QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace keel::sales
