#include "dashboard_filter.h"

#include <QSettings>

#include <tuple>

namespace keel::dashboards {

namespace {
QString monthText(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyy-MM")) : QString();
}
QDate monthOf(const QString &text)
{
    return QDate::fromString(text + QStringLiteral("-01"), Qt::ISODate);
}
} // namespace

std::pair<QDate, QDate> DashboardFilter::periodMonths(Period period, const QDate &today)
{
    const QDate month(today.year(), today.month(), 1);
    switch (period) {
    case Period::LastTwelveFullMonths:
        return {month.addMonths(-12), month.addMonths(-1)};
    case Period::LastTwelveMonths:
        return {month.addMonths(-11), month};
    case Period::ThisYear:
        return {QDate(today.year(), 1, 1), month};
    case Period::LastYear:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 1)};
    case Period::LastQuarter: {
        const QDate quarter(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
        return {quarter.addMonths(-3), quarter.addMonths(-1)};
    }
    case Period::Custom:
        break;
    }
    return {};
}

DashboardFilter DashboardFilter::lastTwelveFullMonths(const QDate &today)
{
    DashboardFilter f;
    std::tie(f.from, f.to) = periodMonths(Period::LastTwelveFullMonths, today);
    return f;
}

QUrlQuery DashboardFilter::toQuery() const
{
    QUrlQuery q;
    if (from.isValid())
        q.addQueryItem(QStringLiteral("from"), monthText(from));
    if (to.isValid())
        q.addQueryItem(QStringLiteral("to"), monthText(to));
    if (!entityId.isEmpty())
        q.addQueryItem(QStringLiteral("entity"), entityId);
    if (!practiceId.isEmpty())
        q.addQueryItem(QStringLiteral("practice"), practiceId);
    if (currency == Currency::Group)
        q.addQueryItem(QStringLiteral("currency"), QStringLiteral("group"));
    else if (currency == Currency::Entity)
        q.addQueryItem(QStringLiteral("currency"), QStringLiteral("entity"));
    return q;
}

void DashboardFilter::save(const QString &prefix) const
{
    QSettings s;
    s.setValue(prefix + QStringLiteral("from"), monthText(from));
    s.setValue(prefix + QStringLiteral("to"), monthText(to));
    s.setValue(prefix + QStringLiteral("entity"), entityId);
    s.setValue(prefix + QStringLiteral("practice"), practiceId);
    s.setValue(prefix + QStringLiteral("currency"), int(currency));
    s.setValue(prefix + QStringLiteral("period"), int(period));
}

DashboardFilter DashboardFilter::load(const QString &prefix, const QDate &today)
{
    DashboardFilter f = lastTwelveFullMonths(today);
    QSettings s;
    const QDate from = monthOf(s.value(prefix + QStringLiteral("from")).toString());
    const QDate to = monthOf(s.value(prefix + QStringLiteral("to")).toString());
    const QVariant period = s.value(prefix + QStringLiteral("period"));
    const int p = period.isValid() ? period.toInt() : int(Period::Custom);
    if (p >= int(Period::LastTwelveFullMonths) && p < int(Period::Custom)) {
        f.period = Period(p);
        std::tie(f.from, f.to) = periodMonths(f.period, today);
    } else if (from.isValid() && to.isValid() && from <= to && from.addMonths(60) > to) {
        // A saved range that no longer makes sense (reversed, over the server's 60 months) is
        // dropped for the default rather than sent to be refused. One saved before presets
        // were remembered is the preset whose months it has today, else custom.
        f.from = from;
        f.to = to;
        f.period = Period::Custom;
        if (!period.isValid())
            for (int q = 0; q < int(Period::Custom); ++q)
                if (periodMonths(Period(q), today) == std::pair{from, to}) {
                    f.period = Period(q);
                    break;
                }
    }
    f.entityId = s.value(prefix + QStringLiteral("entity")).toString();
    f.practiceId = s.value(prefix + QStringLiteral("practice")).toString();
    const int c = s.value(prefix + QStringLiteral("currency"), 0).toInt();
    f.currency = c == 1 ? Currency::Group : c == 2 ? Currency::Entity : Currency::Automatic;
    return f;
}

} // namespace keel::dashboards
