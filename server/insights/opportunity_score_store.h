#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace keel {

// One opportunity at one point in time with the raw facts the model's features come from, each
// as of `day` (opportunity_score_store.cpp says how each is read without looking ahead).
struct OpportunityScorePoint
{
    qint64 opportunityId = 0;
    qint64 entityId = 0;
    qint64 accountId = 0;
    QString stage;         // opportunity_stages.code at `day`
    QString stageName;     // its name, for the factors' text
    QDate day;             // the point's date
    int ageDays = 0;       // in that stage on `day`
    double valueGroup = 0; // expected value in the group currency (a feature, never an answer)
    int clientClosed = 0;  // the account's deals closed before `day`
    int clientWon = 0;     // … of which won
    QList<qint64> serviceLines;
    bool quoted = false;      // a quote dated on or before `day`
    double discountPct = 0;   // the latest such quote's
    double capacityRatio = 0; // max over required roles: required ÷ free hours in the window
    int outcome = -1;         // 1 won, 0 lost, -1 open
    QDate closedOn;
};

// Training points: one per closed opportunity (closed on or before `asOf`) per open stage it
// passed through, dated halfway through its time in that stage.
std::vector<OpportunityScorePoint> opportunityTrainingPoints(QSqlDatabase db, QDate asOf);

// Every opportunity of the entities that was open at `asOf` by its stage history, at `asOf`.
std::vector<OpportunityScorePoint> opportunityPointsAt(QSqlDatabase db,
                                                       const QList<qint64> &entityIds, QDate asOf);

// What the routes show beside the score, for the opportunities open now (opportunities.is_open)
// of the entities, optionally of one owner (0: all) or one opportunity (0: all). `value` is the
// expected value converted into `currency` at `asOf`'s rate and rounded to its minor units.
struct OpportunityScoreRow
{
    OpportunityScorePoint point;
    QString name;
    QString account;
    qint64 ownerId = 0;
    QString owner;
    QString currency; // the opportunity's own
    QString value;    // in the answer currency, exact decimal text
    QDate expectedClose;
    QString repProbability; // opportunities.probability, percent with two places
};
std::vector<OpportunityScoreRow>
openOpportunityRows(QSqlDatabase db, const QList<qint64> &entityIds, const QString &currency,
                    int minorUnits, QDate asOf, qint64 ownerId, qint64 opportunityId);

// Service line names by id (the factors' text).
QHash<qint64, QString> serviceLineNames(QSqlDatabase db);

} // namespace keel
