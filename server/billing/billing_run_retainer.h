#pragma once

#include "decimal.h"

#include <QDate>
#include <QList>

namespace keel::billing_retainer {

// A retainer contract line as the drawdown needs it. Months are first days of months.
struct Line
{
    qint64 id = 0;
    Decimal drawdownHours;
    bool rollover = false; // 'next_period': last month's unused hours are added once
    QDate firstMonth;      // the month of start_date
    QDate lastMonth;       // the month of end_date; invalid when open-ended
};

// Hours of one line in one work month.
struct Month
{
    qint64 lineId = 0;
    QDate month;
    Decimal hours;
};

// What is left of each candidate month's allowance for this run: drawdown_hours (zero outside
// the line's months) plus, with rollover, what the previous month left of its own
// drawdown_hours (what it drew counts, including what this run draws there first). `drawn` are
// hours already claimed by earlier runs per month, `candidates` the hours this run bills per
// month. Months are taken in order so a late entry of an earlier month draws on that month.
QList<Month> rooms(const QList<Line> &lines, const QList<Month> &drawn,
                   const QList<Month> &candidates);

} // namespace keel::billing_retainer
