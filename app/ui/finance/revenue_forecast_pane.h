#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::finance {

class RevenueForecast;
class RevenueForecastChart;

// The firm's revenue by month (or the chosen entity's): actual for the months recognised,
// forecast after, as a table and as bars.
class RevenueForecastPane : public QWidget
{
    Q_OBJECT
public:
    explicit RevenueForecastPane(ApiClient *api, QWidget *parent = nullptr);

    RevenueForecast *forecast() const { return m_forecast; }
    RevenueForecastChart *chart() const { return m_chart; }
    QTableView *monthsView() const { return m_view; }
    QString totalsText() const;

    void setEntity(const QString &entityId) { m_entity = entityId; }
    // 0 the whole firm in the group currency, 1 the entity in its own.
    void setScope(int scope);
    void setMonths(const QDate &from, const QDate &to);
    void reload();

signals:
    void message(const QString &text, bool error);

private:
    void showTotals();

    RevenueForecast *m_forecast;
    QString m_entity;
    QComboBox *m_scope;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_view;
    RevenueForecastChart *m_chart;
    QLabel *m_totals;
};

} // namespace keel::finance
