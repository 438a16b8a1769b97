#pragma once

#include "decimal.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

// The rates that translate an entity's statements into the group currency: the closing rate
// (the latest on or before a date) for balances, and the average of the daily rates over a
// range for profit and loss. Loaded once per currency for the whole span a statement needs;
// a day without any rate on or before it is 422 no_fx_rate.
class ConsolidationRates
{
public:
    ConsolidationRates(QSqlDatabase db, QString groupCurrency, QDate from, QDate to)
        : m_db(db), m_group(std::move(groupCurrency)), m_from(from), m_to(to)
    {}

    Decimal closing(const QString &currency, QDate date);
    Decimal average(const QString &currency, QDate from, QDate to);

private:
    struct Series
    {
        QList<QDate> dates;
        QList<Decimal> rates;
    };
    const Series &series(const QString &currency);
    [[noreturn]] void missing(const QString &currency, QDate date) const;

    QSqlDatabase m_db;
    QString m_group;
    QDate m_from, m_to;
    QHash<QString, Series> m_series;
    QHash<QString, Decimal> m_averages; // every account of an entity asks for the same one
};

} // namespace keel
