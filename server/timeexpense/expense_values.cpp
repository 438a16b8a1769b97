#include "expense_values.h"

#include "json_codec.h"

namespace keel::expense_values {

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool covers(const QStringList &entities, const QString &entity)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(entity);
}

Money moneyOf(const QString &amount, const QString &currency)
{
    const auto c = Currency::fromCode(currency);
    const auto d = Decimal::parse(amount.isEmpty() ? QStringLiteral("0") : amount);
    if (!c || !d)
        return {};
    return Money::fromDecimal(*d, *c).valueOr(Money::zero(*c));
}

QJsonObject moneyJson(const QString &amount, const QString &currency)
{
    const Money m = moneyOf(amount, currency);
    if (m.isValid())
        return moneyToJson(m);
    return {{"amount", amount}, {"currency", currency}};
}

QString showMoney(const Money &money)
{
    return money.toString() + u' ' + money.currency().code();
}

QJsonValue optId(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : idToJson(value.toLongLong());
}

QJsonValue optText(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
}

} // namespace keel::expense_values
