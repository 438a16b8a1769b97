#pragma once

#include "collections_forecast_model.h"
#include "collections_forecast_store.h"
#include "insights_model_store.h"
#include "insights_scope.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace keel {

struct Request;

inline constexpr int CollectionsWeeks = 13;

// One open invoice as the collections model sees it today.
struct CollectionsExpectation
{
    CollectionsOpenInvoice invoice;
    CollectionsPrediction prediction;
    int overdueDays = 0;  // today − due date (negative: not due yet)
    QDate expectedDate;   // due date + the expected delay: today or later, never the past
    int week = 0;         // weeks from this week's Monday; the curve holds 0 … 12
    qint64 openMinor = 0; // the open amount in the answer's currency, minor units
    // The delay distribution given unpaid today (index = delay − CollectionsDelayMin); empty
    // beyond history, where the whole amount lands on the predicted day.
    std::vector<double> distribution;
    // openMinor spread over the weeks 0 … 12 and "later" (index 13) by that distribution, to
    // the minor unit by largest remainder: the invoice's expected contribution to each week.
    std::vector<qint64> weekMinor;
    QJsonArray factors;
};

// Every open invoice of `scope` scored with the current collections model (409 not_trained
// before the first training), in invoice id order, amounts in scope.currency. Other contexts
// (the executive forecast, dashboards) may call it.
struct CollectionsForecast
{
    InsightsModelRecord model;
    QString currency;
    QDate weekStart; // this week's Monday
    std::vector<CollectionsExpectation> items;
};
CollectionsForecast collectionsForecast(QSqlDatabase db, const InsightsScope &scope, QDate today);

// The routes' answers (README "Collections").
QJsonObject collectionsListJson(QSqlDatabase db, const Request &request);
QJsonObject collectionsCashInJson(QSqlDatabase db, const Request &request);

} // namespace keel
