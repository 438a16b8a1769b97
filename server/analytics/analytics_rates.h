#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace keel {

// Rates from each entity's functional currency into an answer's currency, per month: the
// average of the month's daily rates (flows: revenue, cost, hours valued) and the month-end
// closing rate (balances: AR, WIP, deferred revenue, cash). In an entity's own currency both are
// 1. Conversion happens per entity and month: a partition's functional sum × rate, rounded to
// the cent, then added (README "Currencies"), so drill-down totals equal the figures.
class AnalyticsRates
{
public:
    AnalyticsRates() = default;
    // Months from `from` to `to` (first days) for the entities; a missing rate is 422 no_fx_rate.
    static AnalyticsRates load(QSqlDatabase db, const QList<qint64> &entityIds,
                               const QString &currency, QDate from, QDate to);

    // A relation for FROM/JOIN: fx(legal_entity_id, month, average_rate, closing_rate);
    // bind binds() in its place (four array parameters).
    static QString relation()
    {
        return QStringLiteral("unnest(?::bigint[], ?::date[], ?::numeric[], ?::numeric[]) "
                              "AS fx(legal_entity_id, month, average_rate, closing_rate)");
    }
    QVariantList binds() const;
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }

private:
    QList<qint64> m_entities;
    QList<QDate> m_months;
    QList<QString> m_average, m_closing;
    QDate m_from, m_to;
};

} // namespace keel
