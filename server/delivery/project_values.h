#pragma once

#include "json_codec.h"
#include "money.h"

#include <QJsonValue>
#include <QVariant>

// Column values ⇄ JSON for the delivery stores.
namespace keel::delivery_values {

// A numeric column (as text) in `currency` as {"amount","currency"}; null stays null.
inline QJsonValue money(const QVariant &amount, const QString &currency)
{
    if (amount.isNull())
        return QJsonValue();
    const auto m = Money::parse(amount.toString(), currency);
    return m ? QJsonValue(moneyToJson(*m)) : QJsonValue();
}

inline QJsonValue optId(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : idToJson(v.toLongLong());
}

// 0 binds as SQL NULL.
inline QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace keel::delivery_values
