#pragma once

#include "account_rules.h"
#include "db/database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace keel::crm {

struct LeadFields
{
    qint64 legalEntityId = 0;
    QString legalEntity;
    QString source;
    QString status = QStringLiteral("new");
    QString company;
    QString contactName;
    QString email;
    QString phone;
    QString notes;
    qint64 ownerId = 0;
};

struct LeadRow
{
    LeadFields fields;
    int version = 0;
    QJsonObject json;
};

struct LeadFilter
{
    QString status;
    QString source;
    qint64 ownerId = 0;
    QString entity;
    QString q;
};

// SQL for leads. Decides nothing.
class LeadStore
{
public:
    explicit LeadStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const { return db::connection(m_config); }

    std::optional<LeadRow> lead(qint64 id, bool forUpdate = false) const;
    qint64 insert(const LeadFields &f) const;
    void update(qint64 id, const LeadFields &f) const;
    void markConverted(qint64 id, qint64 accountId, qint64 contactId, qint64 opportunityId) const;
    QJsonArray list(const LeadFilter &filter, const EntityScope &scope, qint64 after,
                    int limit) const;
    // The entity's country (ISO 3166) and functional currency, defaults for a new account.
    std::pair<QString, QString> entityDefaults(qint64 legalEntityId) const;

private:
    DbConfig m_config;
};

} // namespace keel::crm
