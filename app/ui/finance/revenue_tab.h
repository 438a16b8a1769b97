#pragma once

#include "finance_tab.h"

class QDateEdit;
class QJsonObject;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace keel {
class ApiClient;
}

namespace keel::finance {

class RevenueForecastPane;
class RevenueRunJob;
class RevenueSchedulePane;

// Revenue: a contract's recognition schedule and the firm's forecast by month; with
// revenue.manage a recognition run of the entity for a month, its progress followed to the
// end, after which the schedule and forecast are read again.
class RevenueTab : public FinanceTab
{
    Q_OBJECT
public:
    RevenueTab(ApiClient *api, FinanceScope *scope, bool canRun, QWidget *parent = nullptr);

    RevenueSchedulePane *schedulePane() const { return m_schedule; }
    RevenueForecastPane *forecastPane() const { return m_forecast; }
    RevenueRunJob *runJob() const { return m_job; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *runButton() const { return m_run; }
    void showForecast(bool forecast);
    void setRunMonth(const QDate &month);
    void startRun();
    void refresh() override;

private:
    void runFinished(const QJsonObject &run);
    void reloadForecast();

    RevenueRunJob *m_job;
    bool m_canRun;
    QDateEdit *m_month;
    QPushButton *m_run;
    QProgressBar *m_progress;
    QTabWidget *m_views;
    RevenueSchedulePane *m_schedule;
    RevenueForecastPane *m_forecast;
    bool m_forecastStale = true;
};

} // namespace keel::finance
