#pragma once

#include "insights_answers.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::insights {

class InsightsBarChart;
class InsightsStatePanel;
class InsightsTableModel;

// Cash-in: the next 13 weeks' expected payments as bars with their P10–P90 range; a click on a
// week lists its invoices (the records behind the bar) with their total against the bar.
// Before a click the list shows every open invoice's expected payment, latest pages lazily.
class CashInTab : public QWidget
{
    Q_OBJECT
public:
    explicit CashInTab(ApiClient *api, QWidget *parent = nullptr);

    const CashInForecast &forecast() const { return m_forecast; }
    InsightsBarChart *chart() const { return m_chart; }
    InsightsStatePanel *state() const { return m_state; }
    InsightsTableModel *records() const { return m_records; }
    QString recordsTotalText() const;
    void reload();
    void openWeek(int index);

signals:
    void retrainRequested();
    void recordRequested(const QJsonObject &row);
    void loaded();
    void weekLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showRecords(InsightsTableModel *model, int week);

    ApiClient *m_api;
    CashInForecast m_forecast;
    InsightsStatePanel *m_state;
    QLabel *m_headline;
    InsightsBarChart *m_chart;
    QLabel *m_recordsTitle;
    QTableView *m_view;
    InsightsTableModel *m_records = nullptr;
    int m_week = -1;
    int m_generation = 0;
    bool m_started = false;
};

} // namespace keel::insights
