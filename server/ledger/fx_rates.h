#pragma once

#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keel {

// Daily exchange rates (table fx_rates): the rate for a date is the latest one on or before it.
// Lives in the ledger, the lowest context that converts amounts; expenses, vendor bills and
// billing use it from here.

struct FxRate
{
    Decimal rate;   // units of `to` per unit of `from`, at most 6 places (rounded from the table)
    QDate rateDate; // the row's date (the date asked for when both currencies are the same)
};

// std::nullopt when no row exists on or before `date`. Same currency → rate 1.
std::optional<FxRate> fxRateOn(QSqlDatabase db, const QString &from, const QString &to, QDate date);

// As fxRateOn, but a missing rate is an ApiError 422 on `field` naming the currencies and date.
FxRate requireFxRate(QSqlDatabase db, const QString &from, const QString &to, QDate date,
                     const QString &field);

// `amount` converted into `to` at the date's rate, rounded once to `to`'s minor unit.
Money convertOn(QSqlDatabase db, const Money &amount, const QString &to, QDate date,
                const QString &field, FxRate *used = nullptr);

} // namespace keel
