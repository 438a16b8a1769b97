#pragma once

// Opportunities: the sales pipeline (stages, probability, value, effort by job role) and the
// history of every stage change.
//
// For other contexts (lead conversion in the accounts part of crm):
//   OpportunityService::createInTransaction(db, request, draft) creates one opportunity inside
//   the CALLER's open db::Transaction (it opens none of its own), validates the draft (422 with
//   field errors, nothing written), writes the first opportunity_stage_history row and the audit
//   entry, and returns the new id. The caller commits.

#include "db/database.h"
#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct Request;

// Planned hours for one delivery job role (job_roles.code, e.g. "SENIOR_CONSULTANT").
struct RoleEffort
{
    QString jobRole;
    Decimal hours;
};

struct OpportunityDraft
{
    qint64 accountId = 0;               // accounts(id), required
    QString legalEntity;                // entity code, e.g. "UK", required
    QString name;                       // required, 1..200 characters
    qint64 ownerId = 0;                 // users(id); 0 = the caller
    QString practice;                   // practice code, optional
    qint64 offeringId = 0;              // catalogue offering, optional (0 = none)
    QStringList serviceLines;           // service line codes, optional
    QString stage;                      // stage code; empty = the first open stage (QUALIFY)
    std::optional<Decimal> probability; // percent 0..100; default: the stage's
    std::optional<Money> expectedValue; // amount + currency
    QDate expectedClose;
    QDate expectedStart;
    QList<RoleEffort> effort; // empty + offering set = the offering's template effort
    QStringList requiredSkills;
    std::optional<Decimal> targetMarginPct;
    QString competitor;
    QString description;
};

class OpportunityService
{
public:
    explicit OpportunityService(DbConfig config);

    QSqlDatabase db() const;

    // See the file comment. Throws ApiError (422 field errors, 403 when the caller may not use
    // the legal entity) and leaves the transaction untouched on failure.
    static qint64 createInTransaction(QSqlDatabase db, const Request &request,
                                      const OpportunityDraft &draft);

    // --- used by the routes ---------------------------------------------------------------
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject changeStage(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject history(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request) const;  // filters, sort, keyset cursor
    QJsonObject board(const Request &request) const; // per stage totals, same filters

private:
    DbConfig m_config;
};

} // namespace keel
