#pragma once

#include "money.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>

// Small conversions shared by the expense, report and vendor files.
namespace keel::expense_values {

QString uuidText(const QUuid &id); // without braces, as PostgreSQL writes it
// An entity list of a permission grant ("*" = every entity) covers `entity`.
bool covers(const QStringList &entities, const QString &entity);
// numeric text from the database in `currency`, rounded to its minor unit (zero when empty).
Money moneyOf(const QString &amount, const QString &currency);
QJsonObject moneyJson(const QString &amount, const QString &currency);
QString showMoney(const Money &money);     // "12.50 EUR", for messages
QJsonValue optId(const QVariant &value);   // null, or the id as a string
QJsonValue optText(const QVariant &value); // null, or the text

} // namespace keel::expense_values
