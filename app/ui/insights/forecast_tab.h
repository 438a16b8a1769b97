#pragma once

#include "insights_answers.h"

#include <QDialog>
#include <QWidget>

class QLabel;
class QTableWidget;
class QTabWidget;

namespace keel {
class ApiClient;
}

namespace keel::insights {

class InsightsBarChart;
class InsightsStatePanel;
class InsightsTableModel;
class ReasonsView;

// The records behind one forecast month: a tab per part (backlog, pipeline, run-rate), each
// list with its total against the month's figure.
class ForecastRecordsDialog : public QDialog
{
    Q_OBJECT
public:
    ForecastRecordsDialog(ApiClient *api, const ForecastMonth &month, const QString &currency,
                          QWidget *parent = nullptr);
    InsightsTableModel *records(int part) const { return m_models.value(part); }
    QString totalText(int part) const;

private:
    QList<InsightsTableModel *> m_models;
    QList<QLabel *> m_totals;
};

// The executive forecast: twelve months of revenue stacked by backlog, pipeline and run-rate
// with the P10–P90 range; below, the hours the months need against the hours the firm has, and
// the roles short of capacity. A click on a month opens its records.
class ForecastTab : public QWidget
{
    Q_OBJECT
public:
    explicit ForecastTab(ApiClient *api, QWidget *parent = nullptr);

    const RevenueForecast &forecast() const { return m_forecast; }
    InsightsBarChart *chart() const { return m_chart; }
    InsightsBarChart *hoursChart() const { return m_hours; }
    InsightsStatePanel *state() const { return m_state; }
    QTableWidget *shortfalls() const { return m_shortfalls; }
    ReasonsView *factors() const { return m_factors; }
    void reload();
    ForecastRecordsDialog *openMonth(int index);

signals:
    void retrainRequested();
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    ApiClient *m_api;
    RevenueForecast m_forecast;
    InsightsStatePanel *m_state;
    QLabel *m_headline;
    InsightsBarChart *m_chart;
    InsightsBarChart *m_hours;
    QTableWidget *m_shortfalls;
    QLabel *m_noShortfall = nullptr;
    ReasonsView *m_factors = nullptr;
    int m_generation = 0;
    bool m_started = false;
};

} // namespace keel::insights
