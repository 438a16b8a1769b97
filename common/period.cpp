#include "period.h"

#include <algorithm>

namespace keel {

Period::Period(int year, int month) : year_(year), month_(month)
{
    if (!isValid())
        year_ = month_ = 0;
}

Result<Period> Period::fromString(QStringView text)
{
    const auto bad = [&text] {
        return valueError(ValueErrorCode::InvalidFormat,
                          QStringLiteral("'%1' is not a period (YYYY-MM)").arg(text));
    };
    if (text.size() != 7 || text[4] != u'-')
        return bad();
    int digits[6];
    int k = 0;
    for (qsizetype i = 0; i < 7; ++i) {
        if (i == 4)
            continue;
        if (text[i] < u'0' || text[i] > u'9')
            return bad();
        digits[k++] = text[i].unicode() - u'0';
    }
    const Period p(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                   digits[4] * 10 + digits[5]);
    if (!p.isValid())
        return bad();
    return p;
}

Period Period::fromDate(QDate date)
{
    return date.isValid() ? Period(date.year(), date.month()) : Period();
}

QString Period::toString() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1-%2").arg(year_, 4, 10, QChar(u'0')).arg(month_, 2, 10, QChar(u'0'));
}

QDate Period::firstDay() const
{
    return isValid() ? QDate(year_, month_, 1) : QDate();
}

QDate Period::lastDay() const
{
    if (!isValid())
        return {};
    const QDate first(year_, month_, 1);
    return QDate(year_, month_, first.daysInMonth());
}

bool Period::contains(QDate date) const
{
    return isValid() && date.isValid() && date.year() == year_ && date.month() == month_;
}

Period Period::addMonths(int months) const
{
    if (!isValid())
        return {};
    const qint64 index = qint64(year_) * 12 + (month_ - 1) + months;
    if (index < 12 || index >= qint64(10000) * 12)
        return {};
    return Period(int(index / 12), int(index % 12) + 1);
}

int Period::monthsUntil(const Period &later) const
{
    return (later.year_ * 12 + later.month_) - (year_ * 12 + month_);
}

FiscalCalendar::FiscalCalendar(int startMonth) : start_(std::clamp(startMonth, 1, 12)) {}

int FiscalCalendar::fiscalYear(const Period &p) const
{
    if (start_ == 1)
        return p.year();
    return p.month() >= start_ ? p.year() + 1 : p.year();
}

int FiscalCalendar::periodNumber(const Period &p) const
{
    return (p.month() - start_ + 12) % 12 + 1;
}

Period FiscalCalendar::period(int fiscalYear, int number) const
{
    if (number < 1 || number > 12)
        return {};
    const Period first = start_ == 1 ? Period(fiscalYear, 1) : Period(fiscalYear - 1, start_);
    return first.addMonths(number - 1);
}

QList<Period> FiscalCalendar::periods(int fiscalYear) const
{
    QList<Period> out;
    for (int n = 1; n <= 12; ++n) {
        const Period p = period(fiscalYear, n);
        if (p.isValid())
            out.append(p);
    }
    return out;
}

} // namespace keel
