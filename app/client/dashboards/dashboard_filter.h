#pragma once

#include <QDate>
#include <QString>
#include <QUrlQuery>

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

    QDate from, to;
    QString entityId;   // legal_entities.id; empty = every entity the caller's grants cover
    QString practiceId; // practices.id; empty = all
    Currency currency = Currency::Automatic;

    // The twelve months up to and including the month of `today` (the server's default).
    static DashboardFilter lastTwelveMonths(const QDate &today);

    // from, to (YYYY-MM), entity, practice, currency (group|entity) as the analytics routes
    // read them (server/analytics/README.md "Filters"). Empty values are left out.
    QUrlQuery toQuery() const;
    bool operator==(const DashboardFilter &) const = default;

    // QSettings under `prefix` ("dashboards/filter/").
    void save(const QString &prefix) const;
    static DashboardFilter load(const QString &prefix, const QDate &today);
};

} // namespace keel::dashboards
