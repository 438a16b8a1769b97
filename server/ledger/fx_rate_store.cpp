#include "fx_rate_store.h"

#include "db/pg_array.h"

#include <QSqlQuery>

namespace keel {

namespace {

FxRateRow rowFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toDate(),
            q.value(3).toString(), q.value(4).toString()};
}

QVariant nullableDate(QDate d)
{
    return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
}

} // namespace

QSqlDatabase FxRateStore::db() const
{
    return db::connection(m_config);
}

QList<FxRateRow> FxRateStore::list(const FxRateFilter &f) const
{
    // The keyset follows the order (pair ascending, date descending), so a page never repeats
    // or skips a row while rates are added.
    const bool after = f.after.has_value();
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT from_currency, to_currency, rate_date, trim_scale(rate)::text, source "
            "FROM fx_rates WHERE (coalesce(?, '') = '' OR from_currency = ?) "
            "AND (coalesce(?, '') = '' OR to_currency = ?) "
            "AND (?::date IS NULL OR rate_date >= ?::date) "
            "AND (?::date IS NULL OR rate_date <= ?::date) "
            "AND (NOT ? OR (from_currency, to_currency) > (?::text, ?::text) OR "
            "((from_currency, to_currency) = (?::text, ?::text) AND rate_date < ?::date)) "
            "ORDER BY from_currency, to_currency, rate_date DESC LIMIT ?"),
        {f.from, f.from, f.to, f.to, nullableDate(f.fromDate), nullableDate(f.fromDate),
         nullableDate(f.toDate), nullableDate(f.toDate), after, after ? f.after->from : QString(),
         after ? f.after->to : QString(), after ? f.after->from : QString(),
         after ? f.after->to : QString(), nullableDate(after ? f.after->date : QDate()), f.limit});
    QList<FxRateRow> out;
    while (q.next())
        out.append(rowFrom(q));
    return out;
}

std::optional<FxRateRow> FxRateStore::find(const QString &from, const QString &to, QDate date) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT from_currency, to_currency, rate_date, trim_scale(rate)::text, "
                       "source FROM fx_rates WHERE from_currency = ? AND to_currency = ? AND "
                       "rate_date = ?"),
        {from, to, date});
    if (!q.next())
        return std::nullopt;
    return rowFrom(q);
}

int FxRateStore::upsert(const QList<FxRateRow> &rows) const
{
    if (rows.isEmpty())
        return 0;
    db::PgArray from, to, date, rate, source;
    for (const FxRateRow &r : rows) {
        from.add(r.from);
        to.add(r.to);
        date.add(r.date);
        rate.add(r.rate);
        source.add(r.source);
    }
    // xmax <> 0 tells an updated row from an inserted one.
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "WITH up AS (INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate, "
            "source) SELECT f, t, d, r, s FROM unnest(?::text[], ?::text[], ?::date[], "
            "?::numeric[], ?::text[]) AS u (f, t, d, r, s) ON CONFLICT (from_currency, "
            "to_currency, rate_date) DO UPDATE SET rate = excluded.rate, source = "
            "excluded.source, created_at = now() RETURNING xmax <> 0 AS replaced) "
            "SELECT count(*) FILTER (WHERE replaced) FROM up"),
        {from.literal(), to.literal(), date.literal(), rate.literal(), source.literal()});
    return q.next() ? q.value(0).toInt() : 0;
}

std::optional<FxGroupRow> FxRateStore::group(bool lock) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT group_currency, trim_scale(intercompany_markup)::text, "
                                 "version FROM group_settings") +
                      (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                  {});
    if (!q.next())
        return std::nullopt;
    return FxGroupRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()};
}

void FxRateStore::updateGroup(const FxGroupRow &row) const
{
    db::query(db(),
              QStringLiteral("UPDATE group_settings SET group_currency = ?, intercompany_markup = "
                             "?::numeric, version = version + 1"),
              {row.groupCurrency, row.markup});
}

} // namespace keel
