#pragma once

// SQL for effective-dated rates: rate card rates, client rate overrides and job role standard
// costs. Decides nothing: an insert or update that the database refuses as overlapping (the
// EXCLUDE constraints of 0006_crm_sales.sql, SQLSTATE 23P01) is reported back, rolled back to
// a savepoint so the caller's transaction stays usable. Runs on the connection it is given.

#include "decimal.h"
#include "job_role_store.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariant>

#include <optional>

namespace keel {

enum class RateTable
{
    RateCard,
    ClientOverride,
    JobRoleCost
};

namespace crm {

// One effective-dated rate as written: owner = legal entity id, or account id for overrides.
struct RateValues
{
    qint64 ownerId = 0;
    QString currency;
    qint64 jobRoleId = 0;
    Decimal rate;
    QDate validFrom;
    QDate validTo; // invalid = open-ended
};

// The stored rate a new validity collides with.
struct RateOverlap
{
    QString id;
    Decimal rate;
    QDate validFrom;
    QVariant validTo; // null = open-ended
};

class RateCardStore
{
public:
    explicit RateCardStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // The new id; nullopt when the validity overlaps another rate of the same key.
    std::optional<qint64> insertRate(RateTable table, const RateValues &v) const;
    // The first rate of the same key whose validity overlaps v's.
    std::optional<RateOverlap> overlappingRate(RateTable table, const RateValues &v) const;

    // --- rate card rates -------------------------------------------------------------------
    // {id, legal_entity, currency, job_role, hourly_rate, valid_from, valid_to, version}
    std::optional<QJsonObject> rate(qint64 id, bool forUpdate = false) const;
    QJsonArray listRates(const RateFilter &filter, int limit) const;
    void setCreatedBy(qint64 id, qint64 userId) const;
    // False when the new validity overlaps another rate (nothing changed).
    bool updateRate(qint64 id, const Decimal &rate, QDate from, QDate to) const;
    void deleteRate(qint64 id) const;

    // --- client overrides ------------------------------------------------------------------
    QJsonArray listOverrides(const RateFilter &filter, int limit) const;

private:
    QSqlDatabase m_db;
};

} // namespace crm
} // namespace keel
