#pragma once

#include "result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>

#include <compare>

namespace keel {

// A calendar month, the unit of accounting periods: "2026-03". A default-constructed Period
// is invalid. Years 1..9999.
class Period
{
public:
    Period() = default;
    Period(int year, int month); // invalid (isValid() false) when out of range

    // Strict "YYYY-MM" (4-digit year, 2-digit month 01..12); else InvalidFormat.
    static Result<Period> fromString(QStringView text);
    static Period fromDate(QDate date); // invalid for an invalid date

    bool isValid() const { return year_ >= 1 && year_ <= 9999 && month_ >= 1 && month_ <= 12; }
    int year() const { return year_; }
    int month() const { return month_; }
    QString toString() const; // "2026-03"; empty when invalid

    QDate firstDay() const;
    QDate lastDay() const;
    bool contains(QDate date) const;
    Period next() const { return addMonths(1); }
    Period previous() const { return addMonths(-1); }
    Period addMonths(int months) const;
    int monthsUntil(const Period &later) const; // later - this, in months

    friend bool operator==(const Period &, const Period &) = default;
    friend std::strong_ordering operator<=>(const Period &a, const Period &b)
    {
        if (auto c = a.year_ <=> b.year_; c != 0)
            return c;
        return a.month_ <=> b.month_;
    }

private:
    int year_ = 0;
    int month_ = 0;
};

inline size_t qHash(const Period &p, size_t seed = 0)
{
    return ::qHash(p.year() * 12 + p.month(), seed);
}

// Fiscal years of twelve monthly periods starting in startMonth (1 = calendar year).
//
// Convention: a fiscal year is named by the calendar year in which it ENDS. With a start in
// April, FY2027 runs 2026-04 .. 2027-03, so 2026-04 is FY2027 period 1 and 2027-03 is FY2027
// period 12. With startMonth 1 the fiscal year equals the calendar year.
class FiscalCalendar
{
public:
    explicit FiscalCalendar(int startMonth = 1); // clamped to 1..12
    int startMonth() const { return start_; }

    int fiscalYear(const Period &p) const;
    int periodNumber(const Period &p) const; // 1..12
    // The period with `number` (1..12) in `fiscalYear`; invalid Period if out of range.
    Period period(int fiscalYear, int number) const;
    Period firstPeriod(int fiscalYear) const { return period(fiscalYear, 1); }
    Period lastPeriod(int fiscalYear) const { return period(fiscalYear, 12); }
    QList<Period> periods(int fiscalYear) const;
    QDate firstDay(int fiscalYear) const { return firstPeriod(fiscalYear).firstDay(); }
    QDate lastDay(int fiscalYear) const { return lastPeriod(fiscalYear).lastDay(); }

    friend bool operator==(const FiscalCalendar &, const FiscalCalendar &) = default;

private:
    int start_ = 1;
};

} // namespace keel
