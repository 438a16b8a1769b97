#pragma once

// Delivery job roles (ANALYST, CONSULTANT, ...) and their standard cost rates per legal entity
// and currency, plus small rule helpers shared by the selling side of crm (entity scope checks,
// request validation). The SQL lives in job_role_store and sales_store (lookups, numeric
// columns read as exact text).

#include "db/database.h"
#include "decimal.h"
#include "json_codec.h"
#include "money.h"
// Kept for sales_figures_store.cpp, which still reaches the lookups through this header; new
// code includes sales_store.h directly.
#include "sales_store.h"

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

void throwIfInvalid(const JsonReader &reader);
// Adds a "code" field error unless `code` is 2 to 40 upper-case letters, digits or underscores.
void checkCode(JsonReader &reader, const QString &code);
// Whether `p` is a percentage with at most 2 decimals: 0..100, or -100..100 with allowNegative.
bool isPercent2(const Decimal &p, bool allowNegative);
// Appends the audit record of one change (who and when come from the request).
void audit(QSqlDatabase db, const Request &request, const QString &action, const QString &type,
           qint64 id, const QJsonObject &before, const QJsonObject &after);
// Reads "currency" as an ISO 4217 code.
QString readCurrency(JsonReader &reader, const QString &name);

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
