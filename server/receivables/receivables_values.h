#pragma once

#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace keel {

struct Request;

// Small helpers shared by the receipt, aging, statement and collection files.
namespace receivables {

struct EntityRef
{
    qint64 id = 0;
    QString code;
    QString functionalCurrency;
};

std::optional<EntityRef> entityOf(QSqlDatabase db, qint64 id);
bool covers(const QStringList &entities, const QString &code);
// The entity when the caller holds `permission` for it; 404 otherwise (another entity's
// receivables do not exist for them).
EntityRef visibleEntity(QSqlDatabase db, const Request &request, qint64 id, const char *permission);

// ?legal_entity_id= (422 when missing or not an id).
qint64 queryEntity(const Request &request);
std::optional<qint64> queryId(const Request &request, const QString &name);
std::optional<QDate> queryDate(const Request &request, const QString &name); // 422 when bad

// Numeric text from the database in `currency`, rounded to its minor unit; zero when empty.
Money moneyOf(const QVariant &numeric, const QString &currency);
Money moneyOf(const QVariant &numeric, const Currency &currency);
QString showMoney(const Money &money); // "12.50 EUR", for messages
// "{a,b}" for binding a column as an array (numbers, dates); text elements are quoted.
QString arrayOf(const QStringList &items, bool quote = false);

} // namespace receivables

} // namespace keel
