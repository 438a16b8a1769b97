#include "revenue_months_model.h"

#include "decimal.h"
#include "statements_model.h"

#include <QDate>
#include <QJsonObject>
#include <QLocale>
#include <QMap>

namespace keel::finance {

namespace {
bool isZero(const QString &amount)
{
    const auto d = Decimal::parse(amount);
    return !d || d->isZero();
}
} // namespace

RevenueMonthsModel::RevenueMonthsModel(QObject *parent) : QAbstractTableModel(parent) {}

QString RevenueMonthsModel::decimalOf(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().value("amount").toString();
    return value.isString() ? value.toString() : QString();
}

QString RevenueMonthsModel::sum(const QString &a, const QString &b)
{
    if (b.isEmpty())
        return a;
    if (a.isEmpty())
        return b;
    const auto x = Decimal::parse(a);
    const auto y = Decimal::parse(b);
    if (!x || !y)
        return {};
    const auto s = x->add(*y);
    return s ? s->toString() : QString();
}

void RevenueMonthsModel::setMonths(const QJsonArray &months, const QString &currency)
{
    QMap<QString, Month> byPeriod; // sorted by "YYYY-MM"
    for (const QJsonValue &v : months) {
        const QJsonObject o = v.toObject();
        const QString period =
            (o.contains("period") ? o.value("period") : o.value("month")).toString().left(7);
        if (period.isEmpty())
            continue;
        Month &m = byPeriod[period];
        m.period = period;
        if (o.contains("actual") || o.contains("forecast")) {
            m.actual = sum(m.actual, decimalOf(o.value("actual")));
            m.forecast = sum(m.forecast, decimalOf(o.value("forecast")));
            continue;
        }
        const QString kind = o.value(o.contains("kind") ? "kind" : "status").toString();
        const QString amount =
            decimalOf(o.contains("revenue") ? o.value("revenue") : o.value("amount"));
        if (kind == QLatin1String("forecast"))
            m.forecast = sum(m.forecast, amount);
        else
            m.actual = sum(m.actual, amount);
    }
    beginResetModel();
    m_currency = currency;
    m_months = byPeriod.values();
    QString running;
    for (Month &m : m_months) {
        running = sum(sum(running, m.actual), m.forecast);
        m.cumulative = running;
    }
    endResetModel();
}

int RevenueMonthsModel::rowOfPeriod(const QString &period) const
{
    for (int r = 0; r < m_months.size(); ++r)
        if (m_months.at(r).period == period)
            return r;
    return -1;
}

QString RevenueMonthsModel::totalActual() const
{
    QString total = QStringLiteral("0");
    for (const Month &m : m_months)
        total = sum(total, m.actual);
    return total;
}

QString RevenueMonthsModel::totalForecast() const
{
    QString total = QStringLiteral("0");
    for (const Month &m : m_months)
        total = sum(total, m.forecast);
    return total;
}

int RevenueMonthsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_months.size());
}

int RevenueMonthsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevenueMonthsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_months.size())
        return {};
    const Month &m = m_months.at(index.row());
    const auto amount = [&]() -> QString {
        switch (index.column()) {
        case ActualColumn:
            return m.actual;
        case ForecastColumn:
            return m.forecast;
        case CumulativeColumn:
            return m.cumulative;
        default:
            return {};
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MonthColumn)
            return QLocale().toString(
                QDate::fromString(m.period + QStringLiteral("-01"), Qt::ISODate),
                QStringLiteral("MMM yyyy"));
        // A month is actual or forecast: the other column's zero would only be noise.
        if (index.column() != CumulativeColumn && isZero(amount()))
            return QString();
        return StatementsModel::formatAmount(amount(), m_currency);
    case Qt::TextAlignmentRole:
        return index.column() == MonthColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                             : int(Qt::AlignRight | Qt::AlignVCenter);
    case AmountRole:
        return amount();
    case ForecastRole:
        return isZero(m.actual) && !isZero(m.forecast);
    default:
        return {};
    }
}

QVariant RevenueMonthsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == MonthColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                      : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MonthColumn:
        return tr("Month");
    case ActualColumn:
        return tr("Actual");
    case ForecastColumn:
        return tr("Forecast");
    case CumulativeColumn:
        return tr("Cumulative");
    default:
        return {};
    }
}

} // namespace keel::finance
