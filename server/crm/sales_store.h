#pragma once

// SQL shared by the selling side of crm (job roles, rate cards, catalogue, opportunities,
// quotes): lookups by code, the entity-scope condition, nullable binds, and the rate lookups
// quoting needs. Decides nothing. Functions run on the connection they are given, so they
// join the caller's open transaction.

#include "db/database.h"
#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <optional>

namespace keel::crm {

// Exact values from numeric columns selected as ::text (more than 6 places are rounded by the
// one rule in common/).
Decimal decimalFromText(const QString &text);
Money moneyFromText(const QString &amount, const QString &currency);
// A nullable date column as JSON (null or "YYYY-MM-DD").
QJsonValue optionalDateJson(const QVariant &value);

// NULL binds for "none" values (0 ids, empty text, invalid dates).
QVariant nullableId(qint64 id);
QVariant nullableText(const QString &s);
QVariant nullableDate(QDate d);
// A PostgreSQL text[] literal, bound as text and cast with ?::text[].
QString pgTextArray(const QStringList &items);

// Appends " AND <column> = ?" with `value` bound; nothing when `value` is empty.
void appendEquals(QString &sql, QVariantList &binds, const QString &column, const QString &value);
// Appends " AND <codeColumn> = ANY(...)" restricting rows to `entities` (nothing for "*").
void appendEntityScope(QString &sql, QVariantList &binds, const QStringList &entities,
                       const QString &codeColumn);
// The same as one condition for a WHERE list; empty when `entities` holds "*".
QString entityScopeCondition(QVariantList &binds, const QStringList &entities,
                             const QString &codeColumn);

std::optional<qint64> entityIdByCode(QSqlDatabase db, const QString &code);
std::optional<qint64> jobRoleIdByCode(QSqlDatabase db, const QString &code);
std::optional<qint64> practiceIdByCode(QSqlDatabase db, const QString &code);
std::optional<qint64> serviceLineIdByCode(QSqlDatabase db, const QString &code);
bool accountExists(QSqlDatabase db, qint64 id);
bool userExists(QSqlDatabase db, qint64 id);
bool offeringExists(QSqlDatabase db, qint64 id);
// The code of the legal entity an account belongs to; empty when unknown.
QString accountEntityCode(QSqlDatabase db, qint64 accountId);

// The standard cost per hour of a job role in force on `day`; nullopt when none.
std::optional<Decimal> standardCost(QSqlDatabase db, qint64 jobRoleId, qint64 entityId,
                                    const QString &currency, QDate day);

// The bill rate for a quote line: the client's override first, then the entity's rate card,
// both in force on `day`. source is "client_override" or "rate_card".
struct ResolvedRate
{
    Decimal rate;
    QString source;
};
std::optional<ResolvedRate> resolveBillRate(QSqlDatabase db, qint64 accountId, qint64 entityId,
                                            const QString &currency, qint64 jobRoleId, QDate day);
// Whether the entity has any rate card row in this currency (valid on `day`).
bool hasRateCard(QSqlDatabase db, qint64 entityId, const QString &currency, QDate day);

} // namespace keel::crm
