#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace keel::insights {

// The answers of the insights routes (server/insights/README.md) parsed once, as texts exactly
// as the server sent them: money and ratios stay decimal strings (never through a double),
// display code formats them. Ids are strings whether the JSON carried a number or a string.

// One reason behind a result: an opportunity's factor, a project's evidence, an invoice's flag
// or a collection's factor. `code` is the stable `factor` or `kind`.
struct InsightsReason
{
    QString code;
    QString label;
    QString value;
    QString effect;       // signed log-odds contribution ("+0.42"); empty when none
    QString comparedWith; // a number, or the median of `basis` for an invoice flag
    QString basis;        // invoice flags: contract|client|rate_card|project
    QString mad;
    int n = 0;
    QString lineId;
    QString text;               // the server's English sentence
    QJsonObject comparedObject; // compared_with when it is an object (its every member)
    QJsonObject raw;            // the whole reason (members a sentence may need)

    static InsightsReason fromJson(const QJsonObject &o);
};
QList<InsightsReason> reasonsFromJson(const QJsonValue &array);

struct InsightsBacktestFigure
{
    QString name;  // "score_auc"
    QString value; // "0.8123"
};

// A model's state: `version` 0 means never trained.
struct InsightsModelInfo
{
    QString name, title, description;
    int version = 0;
    QString trainedAt, asOf;
    qint64 trainingMs = 0;
    qint64 sampleSize = 0;
    QString cutoff, trainedOn, scoredOn, notes;
    QList<InsightsBacktestFigure> figures;

    bool trained() const { return version > 0; }
    QString figure(const QString &name) const;
    static InsightsModelInfo fromJson(const QJsonObject &o);
};
QList<InsightsModelInfo> modelsFromJson(const QJsonObject &answer);

struct DealScore
{
    QString id, name, accountId, account, stage, owner, value, currency, expectedClose;
    QString repProbability, modelProbability, weightedRep, weightedModel;
    bool atRisk = false;
    QList<InsightsReason> factors;
    static DealScore fromJson(const QJsonObject &o);
};

struct ProjectRisk
{
    QString id, code, name, account, manager, currency;
    QString contractValue, targetMargin, forecastMargin, expectedMargin;
    QString budgetSpentPct, percentComplete, severity;
    QList<InsightsReason> evidence;
    static ProjectRisk fromJson(const QJsonObject &o);
};

struct FlaggedInvoice
{
    QString id, number, account, contractId, total, currency;
    QList<InsightsReason> flags;
    static FlaggedInvoice fromJson(const QJsonObject &o);
};

struct CollectionItem
{
    QString invoiceId, number, accountId, account, dueDate, openAmount, currency;
    QString expectedPaymentDate, expectedDaysLate, pLate30;
    QList<InsightsReason> factors;
    static CollectionItem fromJson(const QJsonObject &o);
};

struct CashInWeek
{
    QString weekStart, expected, p10, p90;
    int invoices = 0;
};
struct CashInForecast
{
    QString currency, totalOpen;
    QList<CashInWeek> weeks;
    InsightsModelInfo model;
    static CashInForecast fromJson(const QJsonObject &o);
};

struct ForecastMonth
{
    QString month, backlog, pipeline, runRate, expected, p10, p90;
    QString requiredHours, availableHours;
    bool capacityOk = true;
};
struct CapacityShortfall
{
    QString month, role, requiredHours, availableHours, shortfallHours;
};
struct RevenueForecast
{
    QString currency;
    QList<ForecastMonth> months;
    QList<CapacityShortfall> capacity;
    QList<InsightsReason> factors; // what the forecast rests on
    InsightsModelInfo model;
    static RevenueForecast fromJson(const QJsonObject &o);
};

struct ForecastRecord
{
    QString kind, id, name, account, amount, currency, probability;
    static ForecastRecord fromJson(const QJsonObject &o);
};

// A JSON scalar as text: strings as they are, integers without a fraction, null as "".
QString jsonText(const QJsonValue &v);

} // namespace keel::insights
