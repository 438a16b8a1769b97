#pragma once

// SQL for job roles and their standard cost rates. Decides nothing. Runs on the connection it
// is given, so it joins the caller's open transaction.

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel::crm {

// Equality filters of a rate list; empty = any. `entities` is the caller's scope ("*" = all).
struct RateFilter
{
    qint64 after = 0;
    QString legalEntity;
    QString currency;
    QString jobRole;
    QDate on;                        // invalid = any day
    std::optional<qint64> accountId; // client overrides only
    QStringList entities;
};

class JobRoleStore
{
public:
    explicit JobRoleStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // {id, code, name, sort_order, active, version}; forUpdate locks the row first.
    std::optional<QJsonObject> jobRole(qint64 id, bool forUpdate = false) const;
    QJsonArray listJobRoles(int limit) const;
    qint64 insertJobRole(const QString &code, const QString &name, int sortOrder) const;
    void updateJobRole(qint64 id, const QString &name, bool active, int sortOrder) const;

    // Standard cost rates by job role, entity and currency, keyset by id.
    QJsonArray listCosts(const RateFilter &filter, int limit) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel::crm
