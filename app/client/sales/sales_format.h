#pragma once

#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace keel::sales {

// Display helpers for the Sales models: money and decimals are formatted from their exact
// text (never through a double), with the locale's group and decimal separators.

// "1234567.50" -> "1,234,567.50" (en) / "1.234.567,50" (de).
QString groupDigits(const QString &plainDecimal);
// "EUR 1,234.50"; empty for an invalid amount.
QString formatMoney(const Money &money);
// {"amount":"1234.50","currency":"EUR"} -> "EUR 1,234.50"; "" when not a money object.
QString formatMoneyJson(const QJsonValue &value);
// Money from {"amount","currency"}; invalid Money when it is not one.
Money moneyFromJsonValue(const QJsonValue &value);
// "2026-03-31" -> locale short date; the text itself when it is not a date.
QString formatDateText(const QString &isoDate);
// A decimal string with at most `decimals` places, grouped: "12.5" -> "12.5".
QString formatDecimalText(const QString &decimal, int decimals = 2);

// A member by dotted path: value(obj, "account.name").
QJsonValue valueAt(const QJsonObject &object, const QString &path);
// Ids are strings in the API; numbers are accepted too.
QString idText(const QJsonValue &value);

} // namespace keel::sales
