#include "fx_api.h"

#include "api_client.h"
#include "decimal.h"
#include "finance_api.h"
#include "sales_format.h"

#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace keel::finance {

QString FxApi::ratesPath()
{
    return QStringLiteral("/api/v1/fx/rates");
}

QString FxApi::importPath()
{
    return QStringLiteral("/api/v1/fx/rates/import");
}

ApiReply *FxApi::putRate(const QString &from, const QString &to, QDate day,
                         const QString &rate) const
{
    return m_api->send("PUT", ratesPath(),
                       QJsonObject{{"from_currency", from},
                                   {"to_currency", to},
                                   {"rate_date", FinanceApi::date(day)},
                                   {"rate", rate}});
}

ApiReply *FxApi::rateOn(const QString &from, const QString &to, QDate day) const
{
    return m_api->get(
        ratesPath() + QStringLiteral("/on?") +
        queryOf({{"from_currency", from}, {"to_currency", to}, {"date", FinanceApi::date(day)}}));
}

ApiReply *FxApi::group() const
{
    return m_api->get(QStringLiteral("/api/v1/group"));
}

QString FxApi::rateText(const QString &rate)
{
    QString text = rate.trimmed();
    const qsizetype dot = text.indexOf(u'.');
    if (dot < 0)
        return sales::groupDigits(text);
    // Rates are stored with ten places; the zeros beyond the fourth say nothing, and four
    // places are always shown so a column of rates lines up.
    while (text.size() > dot + 5 && text.endsWith(u'0'))
        text.chop(1);
    while (text.size() < dot + 5)
        text.append(u'0');
    return sales::groupDigits(text);
}

QString FxApi::percentText(const QString &fraction)
{
    const auto d = Decimal::parse(fraction);
    const auto percent = d ? d->multiply(Decimal::fromInt(100)) : Result<Decimal>(d.error());
    return percent ? sales::formatDecimalText(percent->toString(), 2) : fraction;
}

QString FxApi::rateFromInput(const QString &typed)
{
    QString text = typed.trimmed();
    // Accept the locale's decimal sign and a dot alike; a rate has no grouping.
    text.replace(QLocale().decimalPoint(), QStringLiteral("."));
    text.replace(u',', u'.');
    // The server keeps ten places (Decimal holds six, so the text is checked as text).
    static const QRegularExpression shape(QStringLiteral("^[0-9]{1,10}(\\.[0-9]{1,10})?$"));
    if (!shape.match(text).hasMatch())
        return {};
    bool nonZero = false;
    for (const QChar c : text)
        nonZero = nonZero || (c.isDigit() && c != u'0');
    return nonZero ? text : QString();
}

} // namespace keel::finance
