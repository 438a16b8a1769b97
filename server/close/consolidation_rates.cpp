#include "consolidation_rates.h"

#include "http/http_types.h"
#include "statements_store.h"

#include <algorithm>

namespace keel {

const ConsolidationRates::Series &ConsolidationRates::series(const QString &currency)
{
    auto it = m_series.constFind(currency);
    if (it == m_series.constEnd()) {
        Series s;
        for (const auto &[date, rate] :
             financial_statement_store::rates(m_db, currency, m_group, m_from, m_to)) {
            s.dates.append(date);
            s.rates.append(Decimal::parse(rate).valueOr(Decimal()));
        }
        it = m_series.insert(currency, s);
    }
    return *it;
}

void ConsolidationRates::missing(const QString &currency, QDate date) const
{
    throw ApiError::invalidField(QStringLiteral("to"), QStringLiteral("no_fx_rate"),
                                 QStringLiteral("no %1→%2 exchange rate on or before %3")
                                     .arg(currency, m_group, date.toString(Qt::ISODate)));
}

Decimal ConsolidationRates::closing(const QString &currency, QDate date)
{
    if (currency == m_group)
        return Decimal::fromInt(1);
    const Series &s = series(currency);
    const auto after = std::upper_bound(s.dates.cbegin(), s.dates.cend(), date);
    if (after == s.dates.cbegin())
        missing(currency, date);
    return s.rates.at(after - s.dates.cbegin() - 1);
}

Decimal ConsolidationRates::average(const QString &currency, QDate from, QDate to)
{
    if (currency == m_group)
        return Decimal::fromInt(1);
    const QString key = currency + from.toString(Qt::ISODate) + to.toString(Qt::ISODate);
    if (const auto cached = m_averages.constFind(key); cached != m_averages.constEnd())
        return *cached;
    const Series &s = series(currency);
    auto next = std::upper_bound(s.dates.cbegin(), s.dates.cend(), from);
    if (next == s.dates.cbegin())
        missing(currency, from);
    qsizetype current = next - s.dates.cbegin() - 1;
    Decimal sum;
    qint64 days = 0;
    for (QDate d = from; d <= to; d = d.addDays(1), ++days) {
        while (current + 1 < s.dates.size() && s.dates.at(current + 1) <= d)
            ++current;
        sum = sum.add(s.rates.at(current)).valueOr(sum);
    }
    const Decimal average =
        sum.divide(Decimal::fromInt(std::max<qint64>(days, 1))).valueOr(Decimal());
    m_averages.insert(key, average);
    return average;
}

} // namespace keel
