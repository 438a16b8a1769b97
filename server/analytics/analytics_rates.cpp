#include "analytics_rates.h"

#include "close/consolidation_rates.h"
#include "db/database.h"
#include "db/pg_array.h"
#include "http/http_types.h"

#include <QHash>

namespace keel {

AnalyticsRates AnalyticsRates::load(QSqlDatabase db, const QList<qint64> &entityIds,
                                    const QString &currency, QDate from, QDate to)
{
    AnalyticsRates out;
    out.m_from = from;
    out.m_to = to;
    db::PgArray ids;
    for (qint64 id : entityIds)
        ids.add(id);
    QHash<qint64, QString> functional;
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT id, functional_currency FROM legal_entities "
                                           "WHERE id = ANY(?::bigint[])"),
                            {ids.literal()});
    while (q.next())
        functional.insert(q.value(0).toLongLong(), q.value(1).toString());

    const QDate lastDay = to.addMonths(1).addDays(-1);
    ConsolidationRates rates(db, currency, from.addDays(-366), lastDay);
    for (qint64 entity : entityIds) {
        const QString own = functional.value(entity);
        // Months are walked newest first so that a month before the first rate on record (a
        // look-back such as DSO's 90 days) can borrow the next month's rate; the requested
        // months themselves must have one (422 no_fx_rate).
        QString nextAverage, nextClosing;
        QList<QDate> months;
        for (QDate m = to; m >= from; m = m.addMonths(-1))
            months.append(m);
        for (QDate m : months) {
            const QDate end = m.addMonths(1).addDays(-1);
            QString average, closing;
            if (own == currency) {
                average = closing = QStringLiteral("1");
            } else {
                try {
                    average = rates.average(own, m, end).toString();
                    closing = rates.closing(own, end).toString();
                } catch (const ApiError &) {
                    if (nextAverage.isEmpty())
                        throw;
                    average = nextAverage;
                    closing = nextClosing;
                }
            }
            nextAverage = average;
            nextClosing = closing;
            out.m_entities.append(entity);
            out.m_months.append(m);
            out.m_average.append(average);
            out.m_closing.append(closing);
        }
    }
    return out;
}

QVariantList AnalyticsRates::binds() const
{
    db::PgArray entities, months, average, closing;
    for (qsizetype i = 0; i < m_entities.size(); ++i) {
        entities.add(m_entities.at(i));
        months.add(m_months.at(i));
        average.add(m_average.at(i));
        closing.add(m_closing.at(i));
    }
    return {entities.literal(), months.literal(), average.literal(), closing.literal()};
}

} // namespace keel
