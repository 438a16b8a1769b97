#pragma once

#include <QDate>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace keel::dashboards {

// What the filter bar says every card shows: the months, an entity and a practice (empty for
// all), and the currency (group or the entity's own). Months are first days.
struct DashboardFilter
{
    enum class Currency
    {
        Automatic, // the server's default: group with several entities, else the entity's
        Group,
        Entity
    };

    // How the months were chosen: a preset follows the calendar (a filter remembered as the
    // last twelve full months is next month's last twelve full months), a custom range stays.
    enum class Period
    {
        LastTwelveFullMonths, // ending with the previous month: every month of it complete
        LastTwelveMonths,     // ending with the current month, partial as it is
        ThisYear,
        LastYear,
        LastQuarter,
        Custom
    };

    QDate from, to;
    Period period = Period::LastTwelveFullMonths;
    QString entityId;   // legal_entities.id; empty = every entity the caller's grants cover
    QString practiceId; // practices.id; empty = all
    Currency currency = Currency::Automatic;

    // The default: the twelve complete months before the month of `today`, so that no trend
    // ends with a month still being worked, billed and closed.
    static DashboardFilter lastTwelveFullMonths(const QDate &today);
    // The first and last month of a preset period for `today` (Custom: invalid dates).
    static std::pair<QDate, QDate> periodMonths(Period period, const QDate &today);

    // from, to (YYYY-MM), entity, practice, currency (group|entity) as the analytics routes
    // read them (server/analytics/README.md "Filters"). Empty values are left out.
    QUrlQuery toQuery() const;
    bool operator==(const DashboardFilter &) const = default;

    // QSettings under `prefix` ("dashboards/filter/").
    void save(const QString &prefix) const;
    static DashboardFilter load(const QString &prefix, const QDate &today);
};

} // namespace keel::dashboards
