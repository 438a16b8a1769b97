#pragma once

// SQL for opportunities, their service lines, effort and stage history, the pipeline list and
// board, and the stage lookups they need. Decides nothing. Runs on the connection it is given,
// so it joins the caller's open transaction.

#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel::crm {

struct StageInfo
{
    qint64 id = 0;
    QString code;
    Decimal defaultProbability;
    bool won = false;
    bool lost = false;
};

struct OpportunityFields
{
    qint64 entityId = 0;
    qint64 accountId = 0;
    qint64 ownerId = 0;
    qint64 practiceId = 0; // 0 = none
    qint64 offeringId = 0; // 0 = none
    QString name;
    QString description; // empty = none
    Decimal probability;
    Money value;
    QDate expectedClose; // invalid = none
    QDate expectedStart; // invalid = none
    QStringList requiredSkills;
    std::optional<Decimal> targetMarginPct;
    QString competitor; // empty = none
};

// Server-side filters of the pipeline list and board (already validated).
struct OpportunityFilter
{
    QStringList entities; // caller's scope; "*" = all
    std::optional<qint64> ownerId;
    std::optional<qint64> accountId;
    QString practice;
    QString stages; // comma-separated stage codes
    QString entity;
    QDate closeFrom;
    QDate closeTo;
    QString text; // matches opportunity or account name
    bool openOnly = false;
};

enum class OpportunitySort
{
    ExpectedClose,
    Value,
    Probability,
    Updated
};

struct OpportunityPage
{
    QJsonArray items;
    QString lastKey; // the sort key of the last row, as text
    qint64 lastId = 0;
};

// One stage with its totals per currency: exact sums as numeric text.
struct BoardTotal
{
    qint64 stageId = 0;
    QString currency;
    int count = 0;
    QString value;         // Σ expected_value
    QString valueTimesPct; // Σ expected_value × probability
};

class OpportunityStore
{
public:
    explicit OpportunityStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // --- stages ----------------------------------------------------------------------------
    std::optional<StageInfo> activeStage(const QString &code) const;
    std::optional<StageInfo> firstOpenStage() const;
    // Active stages in order: {id, stage, name, default_probability, is_won, is_lost}.
    QList<QJsonObject> activeStages() const;

    // --- references ------------------------------------------------------------------------
    // nullopt: no such account; 0: not merged; else the survivor's id.
    std::optional<qint64> accountMergedInto(qint64 accountId) const;
    QList<QPair<qint64, Decimal>> offeringEffort(qint64 offeringId) const;

    // --- opportunities ---------------------------------------------------------------------
    // The full JSON (with service_lines and effort); forUpdate locks the row first.
    std::optional<QJsonObject> opportunity(qint64 id, bool forUpdate = false) const;
    qint64 insert(const OpportunityFields &f, const StageInfo &stage, qint64 createdBy) const;
    void update(qint64 id, const OpportunityFields &f) const;
    void replaceChildren(qint64 id, const QList<qint64> &serviceLineIds,
                         const QList<QPair<qint64, Decimal>> &effort) const;
    qint64 stageOf(qint64 id) const;
    void setStage(qint64 id, const StageInfo &stage, const Decimal &probability,
                  const QString &lossReason) const;
    void insertHistory(qint64 id, qint64 fromStageId, qint64 toStageId, const Decimal &probability,
                       const QString &lossReason,
                       qint64 changedBy) const; // fromStageId 0 = none
    QJsonArray history(qint64 id, int limit) const;

    // --- pipeline --------------------------------------------------------------------------
    // Keyset page: rows after (afterKey, afterId) when afterKey is set. Throws DbError (class
    // 22) when afterKey does not parse as the sort key's type.
    OpportunityPage list(const OpportunityFilter &filter, OpportunitySort sort, bool desc,
                         const std::optional<QString> &afterKey, qint64 afterId, int limit) const;
    QList<BoardTotal> boardTotals(const OpportunityFilter &filter) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel::crm
