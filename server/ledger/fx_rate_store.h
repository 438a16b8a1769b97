#pragma once

#include "db/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace keel {

// One stored day's rate: units of `to` per unit of `from`, as decimal text (up to 10 places).
struct FxRateRow
{
    QString from, to;
    QDate date;
    QString rate;
    QString source; // manual, import
};

// Where a rate list page starts: after this (pair, date) in the list's order.
struct FxRateCursor
{
    QString from, to;
    QDate date;
};

struct FxRateFilter
{
    QString from, to; // empty: any
    QDate fromDate, toDate;
    std::optional<FxRateCursor> after;
    int limit = 50;
};

struct FxGroupRow
{
    QString groupCurrency;
    QString markup; // decimal text
    int version = 0;
};

// SQL for fx_rates and group_settings.
class FxRateStore
{
public:
    explicit FxRateStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // Ordered by pair, then newest date first.
    QList<FxRateRow> list(const FxRateFilter &filter) const;
    std::optional<FxRateRow> find(const QString &from, const QString &to, QDate date) const;
    // Inserts or replaces the day's rate of each row, in one statement; answers how many
    // replaced a rate that existed.
    int upsert(const QList<FxRateRow> &rows) const;

    std::optional<FxGroupRow> group(bool lock) const;
    void updateGroup(const FxGroupRow &row) const; // version + 1

private:
    DbConfig m_config;
};

} // namespace keel
