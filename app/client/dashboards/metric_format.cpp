#include "metric_format.h"

#include "decimal.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <algorithm>

namespace keel::dashboards {

QString ratioAsPercent(const QString &ratio)
{
    QString text = ratio.trimmed();
    if (text.isEmpty())
        return text;
    QString sign;
    if (text.startsWith(u'-') || text.startsWith(u'+')) {
        if (text.startsWith(u'-'))
            sign = QStringLiteral("-");
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(u'.');
    QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    while (fraction.size() < 2)
        fraction += u'0';
    whole += fraction.left(2);
    fraction = fraction.mid(2);
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    const bool zero = whole == QLatin1String("0") && std::all_of(fraction.begin(), fraction.end(),
                                                                 [](QChar c) { return c == u'0'; });
    return (zero ? QString() : sign) + whole + (fraction.isEmpty() ? QString() : u'.' + fraction);
}

QString formatMetricNumber(const QString &value, const QString &unit)
{
    if (value.isEmpty())
        return {};
    if (unit == QLatin1String("ratio"))
        return sales::groupDigits(ratioAsPercent(value)) + QStringLiteral(" %");
    const QString digits = sales::groupDigits(value);
    if (unit == QLatin1String("hours"))
        return QCoreApplication::translate("keel::dashboards::Units", "%1 h").arg(digits);
    if (unit == QLatin1String("days"))
        return QCoreApplication::translate("keel::dashboards::Units", "%1 days").arg(digits);
    return digits;
}

QString formatCompactMoney(const QString &value, const QString &currency)
{
    const auto d = Decimal::parse(value);
    if (!d)
        return formatMetricValue(value, QStringLiteral("money"), currency);
    const auto scaledBy = [&](qint64 unit, const char *text) -> QString {
        const auto s = d->divide(Decimal::fromInt(unit));
        if (!s)
            return {};
        return currency + u' ' +
               QCoreApplication::translate("keel::dashboards::Units", text)
                   .arg(sales::groupDigits(s->rounded(1).toString(1)));
    };
    const Decimal magnitude = d->abs();
    QString text;
    if (magnitude >= Decimal::fromInt(1'000'000))
        text = scaledBy(1'000'000, QT_TRANSLATE_NOOP("keel::dashboards::Units", "%1 m"));
    else if (magnitude >= Decimal::fromInt(10'000))
        text = scaledBy(1'000, QT_TRANSLATE_NOOP("keel::dashboards::Units", "%1 k"));
    return text.isEmpty() ? formatMetricValue(value, QStringLiteral("money"), currency) : text;
}

QString formatMetricValue(const QString &value, const QString &unit, const QString &currency)
{
    if (value.isEmpty())
        return {};
    if (unit == QLatin1String("money") && !currency.isEmpty())
        return currency + u' ' + sales::groupDigits(value);
    return formatMetricNumber(value, unit);
}

QString unitCaption(const QString &unit, const QString &currency)
{
    if (unit == QLatin1String("money"))
        return currency;
    if (unit == QLatin1String("ratio"))
        return QStringLiteral("%");
    if (unit == QLatin1String("hours"))
        return QCoreApplication::translate("keel::dashboards::Units", "hours");
    if (unit == QLatin1String("days"))
        return QCoreApplication::translate("keel::dashboards::Units", "days");
    return QCoreApplication::translate("keel::dashboards::Units", "count");
}

double chartNumber(const QString &value, const QString &unit)
{
    const auto d = Decimal::parse(unit == QLatin1String("ratio") ? ratioAsPercent(value) : value);
    return d ? d->toDouble() : 0.0;
}

QString shortMonthLabel(const QString &key, const QString &fallback)
{
    const QDate d = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
    if (key.size() != 7 || !d.isValid())
        return fallback.isEmpty() ? key : fallback;
    return QLocale().toString(d, QStringLiteral("MMM yy"));
}

} // namespace keel::dashboards
