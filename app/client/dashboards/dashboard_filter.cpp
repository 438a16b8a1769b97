#include "dashboard_filter.h"

#include <QSettings>

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

DashboardFilter DashboardFilter::lastTwelveMonths(const QDate &today)
{
    DashboardFilter f;
    f.to = QDate(today.year(), today.month(), 1);
    f.from = f.to.addMonths(-11);
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
}

DashboardFilter DashboardFilter::load(const QString &prefix, const QDate &today)
{
    DashboardFilter f = lastTwelveMonths(today);
    QSettings s;
    const QDate from = monthOf(s.value(prefix + QStringLiteral("from")).toString());
    const QDate to = monthOf(s.value(prefix + QStringLiteral("to")).toString());
    // A saved range that no longer makes sense (reversed, over the server's 60 months) is
    // dropped for the default rather than sent to be refused.
    if (from.isValid() && to.isValid() && from <= to && from.addMonths(60) > to) {
        f.from = from;
        f.to = to;
    }
    f.entityId = s.value(prefix + QStringLiteral("entity")).toString();
    f.practiceId = s.value(prefix + QStringLiteral("practice")).toString();
    const int c = s.value(prefix + QStringLiteral("currency"), 0).toInt();
    f.currency = c == 1 ? Currency::Group : c == 2 ? Currency::Entity : Currency::Automatic;
    return f;
}

} // namespace keel::dashboards
