#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <array>

namespace keel {

// What the executive forecast learns from the firm's history (README "Executive forecast"):
// where a won deal's revenue lands and how T&M revenue compares with its plan.
struct ExecutiveForecastFit
{
    int lagDays = 14;                 // median signature → contract start
    double defaultDuration = 6;       // median contract length in months, every service line
    QHash<qint64, double> durationBy; // per service line (the deal's first), median months
    double tmRatio = 1;               // recognised T&M revenue / what the schedules planned
    int contracts = 0;                // contracts the lag and durations were learned from
    int tmMonths = 0;                 // contract-months behind tmRatio
    // Of the weighted pipeline placed in a month, the share that history shows arrived as
    // revenue beyond the schedules and the run-rate (deals slip, shrink or start slower).
    // By horizon 0..11 (forecast month − the month of the forecast).
    std::array<double, 12> pipelineRealisation{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    // Relative errors (actual − forecast) / forecast by horizon 0..11 (forecast month − the
    // month the forecast was made in): the P10 and P90 the range applies.
    std::array<double, 12> p10{}, p90{};

    double durationOf(qint64 serviceLine) const
    {
        return durationBy.value(serviceLine, defaultDuration);
    }
    QJsonObject toJson() const;
    static ExecutiveForecastFit fromJson(const QJsonObject &parameters);
};

// Learns lag, durations and the T&M ratio from what was known before `bound` (contracts signed
// before it; schedules' snapshots and recognised months before it).
ExecutiveForecastFit fitExecutiveForecast(QSqlDatabase db, const QList<qint64> &entityIds,
                                          QDate bound);

} // namespace keel
