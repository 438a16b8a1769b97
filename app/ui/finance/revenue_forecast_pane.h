#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::sales {
class PagedListModel;
}

namespace keel::finance {

class RevenueForecast;
class RevenueForecastChart;
class RowTextProxy;

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
    sales::PagedListModel *monthContracts() const { return m_monthContracts; }
    QTableView *monthContractsView() const { return m_contractsView; }
    QString monthContractsText() const;

    void setEntity(const QString &entityId) { m_entity = entityId; }
    // 0 the whole firm in the group currency, 1 the entity in its own.
    void setScope(int scope);
    void setMonths(const QDate &from, const QDate &to);
    void reload();
    // The contracts behind a month's figure (a row of the table).
    void openMonth(int row);

signals:
    void message(const QString &text, bool error);
    // A contract behind a month was double-clicked: its schedule is wanted.
    void contractChosen(const QString &contractId, const QString &title);

private:
    void showTotals();
    void showMonthContracts();

    RevenueForecast *m_forecast;
    QString m_entity;
    QComboBox *m_scope;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_view;
    RevenueForecastChart *m_chart;
    QLabel *m_totals;
    sales::PagedListModel *m_monthContracts;
    RowTextProxy *m_contractsProxy;
    QTableView *m_contractsView;
    QLabel *m_contractsTitle;
    QWidget *m_contractsBox;
    QString m_month; // "YYYY-MM" whose contracts are shown
};

} // namespace keel::finance
