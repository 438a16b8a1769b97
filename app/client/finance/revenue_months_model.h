#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

namespace keel::finance {

// Revenue by month, actual for the months posted and forecast after: the rows of a contract's
// schedule and of the firm's forecast. Amounts are exact decimal texts in one currency; the
// running total is summed with Decimal. Months of several obligations add up into one row.
class RevenueMonthsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        MonthColumn,
        ActualColumn,
        ForecastColumn,
        CumulativeColumn,
        ColumnCount
    };
    enum Roles
    {
        AmountRole = Qt::UserRole + 1, // plain decimal text
        ForecastRole                   // true for a month with forecast and nothing actual
    };
    struct Month
    {
        QString period; // "YYYY-MM"
        QString actual;
        QString forecast;
        QString cumulative;
    };

    explicit RevenueMonthsModel(QObject *parent = nullptr);

    // Reads [{period|month, actual?, forecast?} or {period, kind: actual|forecast, revenue}].
    void setMonths(const QJsonArray &months, const QString &currency);
    void clear() { setMonths({}, m_currency); }
    const QList<Month> &months() const { return m_months; }
    QString currency() const { return m_currency; }
    int rowOfPeriod(const QString &period) const;
    QString totalActual() const;
    QString totalForecast() const;

    // A member that is a decimal text or a money object, as plain decimal text.
    static QString decimalOf(const QJsonValue &value);
    // "a + b" exactly ("" counts as zero).
    static QString sum(const QString &a, const QString &b);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Month> m_months;
    QString m_currency;
};

} // namespace keel::finance
