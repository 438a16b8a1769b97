#include "ledger/fx_rates.h"

#include "db/database.h"
#include "http/http_types.h"

namespace keel {

std::optional<FxRate> fxRateOn(QSqlDatabase db, const QString &from, const QString &to, QDate date)
{
    if (from == to)
        return FxRate{Decimal::fromInt(1), date};
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT trim_scale(round(rate, 6))::text, rate_date "
                                           "FROM fx_rates WHERE from_currency = ? AND "
                                           "to_currency = ? AND rate_date <= ? "
                                           "ORDER BY rate_date DESC LIMIT 1"),
                            {from, to, date});
    if (!q.next())
        return std::nullopt;
    const auto rate = Decimal::parse(q.value(0).toString());
    if (!rate || !rate->isPositive())
        return std::nullopt;
    return FxRate{*rate, q.value(1).toDate()};
}

FxRate requireFxRate(QSqlDatabase db, const QString &from, const QString &to, QDate date,
                     const QString &field)
{
    if (const auto r = fxRateOn(db, from, to, date))
        return *r;
    throw ApiError::invalidField(field, QStringLiteral("no_fx_rate"),
                                 QStringLiteral("no %1→%2 exchange rate on or before %3")
                                     .arg(from, to, date.toString(Qt::ISODate)));
}

Money convertOn(QSqlDatabase db, const Money &amount, const QString &to, QDate date,
                const QString &field, FxRate *used)
{
    const auto target = Currency::fromCode(to);
    if (!target)
        throw ApiError::invalidField(field, QStringLiteral("invalid_value"),
                                     QStringLiteral("%1 is not a known currency").arg(to));
    const FxRate rate = requireFxRate(db, amount.currency().code(), to, date, field);
    if (used)
        *used = rate;
    const auto converted = amount.convert(rate.rate, *target);
    if (!converted)
        throw ApiError::invalidField(field, QStringLiteral("out_of_range"),
                                     QStringLiteral("the converted amount is out of range"));
    return *converted;
}

} // namespace keel
