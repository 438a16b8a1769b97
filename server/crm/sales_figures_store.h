#pragma once

// SQL for the sales figures (DESIGN.md section 8): weighted pipeline, win rate, bookings and
// average sales cycle, each with the records it sums. Amounts are summed in SQL numeric and
// rounded once per figure, half away from zero, at the currency's minor unit (PostgreSQL's
// round(numeric, n)); they come back as text with exactly that many places. No policy here:
// the service decides the scope and validates the filters.

#include "db/database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct SalesFiguresFilter
{
    bool allEntities = true;
    QStringList entityScope; // entity codes the caller may see when !allEntities
    QString entity;          // entity code, empty = every entity in scope
    qint64 practiceId = 0;
    qint64 serviceLineId = 0;
    bool noServiceLine = false; // service_line=none: records without any service line
    QDate from;                 // first day of the first period, invalid = open
    QDate to;                   // last day of the last period, invalid = open
    QString currency;           // drill-downs only, empty = every currency
};

// One (period, currency) cell of the weighted pipeline: open opportunities by expected close.
struct PipelineFigure
{
    QString period;
    QString currency;
    int count = 0;
    QString value;    // Σ expected value, rounded at the minor unit
    QString weighted; // Σ expected value × probability / 100, rounded once
};

struct PipelineRecord
{
    qint64 id = 0;
    QString name;
    QString entity;
    QDate expectedClose;
    QString stage;
    QString probability;
    QString value;
    QString currency;
    QString weightedExact; // value × probability / 100, not rounded
};

struct WinRateFigure
{
    QString key;  // service line code or period; empty: no service line
    QString name; // service line name
    int won = 0;
    int lost = 0;
    QString rate; // won / (won + lost), 4 places; empty when nothing closed
};

struct ClosedRecord
{
    qint64 id = 0;
    QString name;
    QString entity;
    bool won = false;
    QDate createdOn;
    QDate closedOn;
    int days = 0; // closedOn - createdOn
    QStringList serviceLines;
};

struct BookingFigure
{
    QString period;
    QString entity;
    QString currency;
    int count = 0;
    QString value;
};

struct BookingRecord
{
    qint64 id = 0;
    QString number;
    QString title;
    QString entity;
    QDate signatureDate;
    QString currency;
    QString value; // contract value at signature (version 1)
};

struct CycleFigure
{
    QString period;
    int count = 0;
    qint64 totalDays = 0;
    QString averageDays; // 1 place, half away from zero
};

class SalesFiguresStore
{
public:
    explicit SalesFiguresStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<qint64> practiceId(const QString &code) const;
    std::optional<qint64> serviceLineId(const QString &code) const;
    bool entityExists(const QString &code) const;

    // byPeriod false: one row per currency over the whole filter (period empty).
    QList<PipelineFigure> pipeline(const SalesFiguresFilter &f, bool byPeriod = true) const;
    QList<PipelineRecord> pipelineRecords(const SalesFiguresFilter &f, qint64 after,
                                          int limit) const;

    QList<WinRateFigure> winRateByServiceLine(const SalesFiguresFilter &f) const;
    QList<WinRateFigure> winRateByPeriod(const SalesFiguresFilter &f) const;
    // Won and lost opportunities, closed in the filter's range (won only when wonOnly).
    QList<ClosedRecord> closedRecords(const SalesFiguresFilter &f, bool wonOnly, qint64 after,
                                      int limit) const;
    WinRateFigure winRateTotal(const SalesFiguresFilter &f) const;

    QList<BookingFigure> bookings(const SalesFiguresFilter &f, bool byPeriod = true) const;
    QList<BookingRecord> bookingRecords(const SalesFiguresFilter &f, qint64 after, int limit) const;

    QList<CycleFigure> salesCycle(const SalesFiguresFilter &f) const;
    CycleFigure salesCycleTotal(const SalesFiguresFilter &f) const;

private:
    DbConfig m_config;
};

} // namespace keel
