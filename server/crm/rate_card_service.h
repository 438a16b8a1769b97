#pragma once

// Rate cards (legal entity × currency × job role → hourly bill rate) and client-specific
// overrides (account × currency × job role → rate), effective-dated. The database refuses
// overlapping validity for the same key (EXCLUDE constraints, 0006_crm_sales.sql); the service
// turns that refusal (SQLSTATE 23P01) into a 422 naming the conflicting rate.

#include "db/database.h"
#include "decimal.h"
#include "rate_card_store.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keel {

struct Request;

struct RateInput
{
    qint64 ownerId = 0; // legal entity id, or account id for client overrides
    QString ownerCode;  // entity code, or account id as text
    QString currency;
    qint64 jobRoleId = 0;
    QString jobRole;
    Decimal rate;
    QString rateField; // "hourly_rate" / "hourly_cost"
    QDate validFrom;
    QDate validTo; // invalid = open-ended
    QJsonObject toJson(qint64 id) const;
    crm::RateValues values() const;
};

// Reads {legal_entity|account, currency, job_role, <rateField>, valid_from, valid_to?}; 422 with
// field errors when anything is missing or unknown.
RateInput readRateInput(QSqlDatabase db, const QJsonObject &body, const QString &rateField,
                        bool forAccount);
// Inserts (rate_card_store) inside the caller's transaction; a period overlapping another of the
// same key → 422 naming that rate (its id, role, dates and rate), with the transaction still
// usable.
qint64 insertEffectiveRate(QSqlDatabase db, RateTable table, const RateInput &in);

class RateCardService
{
public:
    explicit RateCardService(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    QJsonObject list(const Request &request) const; // ?legal_entity&currency&job_role&on&after
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject listOverrides(const Request &request) const; // ?account&currency&after
    QJsonObject createOverride(const Request &request, const QJsonObject &body) const;

private:
    DbConfig m_config;
};

} // namespace keel
