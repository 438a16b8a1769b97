#pragma once

// Delivery job roles (ANALYST, CONSULTANT, ...) and their standard cost rates per legal entity
// and currency, plus small helpers shared by the selling side of crm (entity scope, lookups,
// numeric columns read as exact text).

#include "db/database.h"
#include "decimal.h"
#include "json_codec.h"
#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct Request;

namespace crm {

// Entity codes the caller holds `permission` for; {"*"} for an unscoped grant.
QStringList entitiesFor(const Request &request, const char *permission);
bool coversEntity(const QStringList &entities, const QString &code);
// 403 when the caller's `permission` does not cover entity `code`.
void requireEntity(const Request &request, const char *permission, const QString &code);

std::optional<qint64> entityIdByCode(QSqlDatabase db, const QString &code);
std::optional<qint64> jobRoleIdByCode(QSqlDatabase db, const QString &code);
std::optional<qint64> practiceIdByCode(QSqlDatabase db, const QString &code);

// Exact values from numeric columns selected as ::text.
Decimal decimalFromText(const QString &text);
Money moneyFromText(const QString &amount, const QString &currency);

void throwIfInvalid(const JsonReader &reader);
// Reads "currency" as an ISO 4217 code.
QString readCurrency(JsonReader &reader, const QString &name);
QJsonValue optionalDateJson(const QVariant &value);

// The standard cost per hour of a job role in force on `day`; nullopt when none.
std::optional<Decimal> standardCost(QSqlDatabase db, qint64 jobRoleId, qint64 entityId,
                                    const QString &currency, QDate day);

} // namespace crm

class JobRoleService
{
public:
    explicit JobRoleService(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    QJsonObject list(const Request &request) const;
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject listCosts(const Request &request) const; // ?job_role=&legal_entity=&currency=
    QJsonObject createCost(const Request &request, const QJsonObject &body) const;

private:
    DbConfig m_config;
};

} // namespace keel
