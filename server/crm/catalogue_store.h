#pragma once

// SQL for the service catalogue (service lines, offerings with their effort and milestone
// templates) and the opportunity stage list. Decides nothing. Runs on the connection it is
// given, so it joins the caller's open transaction.

#include "decimal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keel::crm {

struct StageFields
{
    QString code;
    QString name;
    int sortOrder = 0;
    Decimal defaultProbability;
    bool won = false;
    bool lost = false;
    bool active = true;
};

struct OfferingFields
{
    qint64 serviceLineId = 0;
    QString code;
    QString name;
    QString description; // empty = none
    int typicalDurationWeeks = 0;
    QString billingModel;
};

struct OfferingMilestone
{
    QString name;
    Decimal valuePct;
    int weekOffset = 0;
};

class CatalogueStore
{
public:
    explicit CatalogueStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // --- stages ----------------------------------------------------------------------------
    // {id, code, name, sort_order, default_probability, is_won, is_lost, active, version}
    std::optional<QJsonObject> stage(qint64 id, bool forUpdate = false) const;
    QJsonArray listStages(int limit) const;
    // The code of a stage that already has `code` or `sortOrder`; nullopt when none.
    std::optional<QString> stageUsing(const QString &code, int sortOrder) const;
    bool sortOrderTaken(int sortOrder, qint64 exceptId) const;
    qint64 insertStage(const StageFields &f) const;
    void updateStage(qint64 id, const StageFields &f) const; // name, order, probability, active

    // --- service lines ---------------------------------------------------------------------
    QJsonArray listServiceLines(int limit) const;
    qint64 insertServiceLine(const QString &code, const QString &name, qint64 practiceId) const;

    // --- offerings -------------------------------------------------------------------------
    QList<qint64> offeringIds(const QString &serviceLine, int limit) const; // "" = all
    // With "effort" and "milestones".
    std::optional<QJsonObject> offering(qint64 id) const;
    bool offeringCodeTaken(const QString &code) const;
    qint64 insertOffering(const OfferingFields &f) const;
    // Adds hours to the offering's effort for a job role (summed when listed twice).
    void addOfferingEffort(qint64 offeringId, qint64 jobRoleId, const Decimal &hours) const;
    void insertOfferingMilestone(qint64 offeringId, int seq, const OfferingMilestone &m) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel::crm
