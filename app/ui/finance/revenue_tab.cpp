#include "revenue_tab.h"

#include "finance_scope.h"
#include "finance_widgets.h"
#include "revenue_forecast_pane.h"
#include "revenue_run_job.h"
#include "revenue_schedule_pane.h"
#include "sales_format.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>

namespace keel::finance {

RevenueTab::RevenueTab(ApiClient *api, FinanceScope *scope, bool canRun, QWidget *parent)
    : FinanceTab(scope, parent), m_job(new RevenueRunJob(api, this)), m_canRun(canRun),
      m_month(dateField(QDate::currentDate().addMonths(-1), "revenueRunMonth")),
      m_run(new QPushButton(tr("Run recognition"))), m_progress(new QProgressBar),
      m_views(new QTabWidget), m_schedule(new RevenueSchedulePane(api)),
      m_forecast(new RevenueForecastPane(api))
{
    setObjectName("revenueTab");
    m_month->setDisplayFormat(QStringLiteral("MMM yyyy"));
    m_run->setObjectName("revenueRun");
    m_run->setToolTip(tr("Recognises the entity's revenue to the end of the month: the "
                         "cumulative catch-up of every contract and its loss provision. It can "
                         "be run again until the month is hard-closed."));
    keepTextWidth({m_run});
    m_progress->setObjectName("revenueRunProgress");
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    auto *monthLabel = new QLabel(tr("Recognition for"));
    bar->addWidget(monthLabel);
    bar->addWidget(m_month);
    bar->addWidget(m_run);
    bar->addWidget(m_progress);
    bar->addStretch(1);
    for (QWidget *w : {static_cast<QWidget *>(monthLabel), static_cast<QWidget *>(m_month),
                       static_cast<QWidget *>(m_run)})
        w->setVisible(canRun);

    m_views->setObjectName("revenueViews");
    m_views->setDocumentMode(true);
    m_views->addTab(m_schedule, tr("Schedule by contract"));
    m_views->addTab(m_forecast, tr("Firm forecast"));
    setContent(bar, m_views);

    connect(m_run, &QPushButton::clicked, this, &RevenueTab::startRun);
    // The view looked at last comes back.
    showForecast(QSettings().value(QStringLiteral("finance/revenue/forecast")).toBool());
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        const bool forecast = m_views->currentWidget() == m_forecast;
        QSettings().setValue(QStringLiteral("finance/revenue/forecast"), forecast);
        if (forecast && m_forecastStale)
            reloadForecast();
    });
    connect(m_job, &RevenueRunJob::progressChanged, this, [this](int percent, const QString &step) {
        m_progress->show();
        m_progress->setValue(percent);
        m_progress->setFormat(step.isEmpty() ? QStringLiteral("%p %")
                                             : step + QStringLiteral(" · %p %"));
    });
    connect(m_job, &RevenueRunJob::finished, this, &RevenueTab::runFinished);
    connect(m_job, &RevenueRunJob::failed, this, [this](const QString &text) {
        m_run->setEnabled(true);
        m_progress->hide();
        showMessage(tr("The recognition run was refused: %1").arg(text), true);
    });
    connect(m_forecast, &RevenueForecastPane::contractChosen, this,
            [this](const QString &id, const QString &title) {
                showForecast(false);
                m_schedule->openContractById(id, title, m_scope->entityId());
            });
    const auto show = [this](const QString &text, bool error) { showMessage(text, error); };
    connect(m_schedule, &RevenueSchedulePane::message, this, show);
    connect(m_forecast, &RevenueForecastPane::message, this, show);
}

void RevenueTab::showForecast(bool forecast)
{
    m_views->setCurrentWidget(forecast ? static_cast<QWidget *>(m_forecast) : m_schedule);
}

void RevenueTab::setRunMonth(const QDate &month)
{
    m_month->setDate(month);
}

void RevenueTab::startRun()
{
    if (!m_canRun || m_job->isRunning() || m_scope->entityId().isEmpty())
        return;
    m_run->setEnabled(false);
    const QDate d = m_month->date();
    m_job->start(m_scope->entityId(), QDate(d.year(), d.month(), 1));
}

void RevenueTab::runFinished(const QJsonObject &run)
{
    m_run->setEnabled(true);
    if (run.value("status").toString() == QLatin1String("failed")) {
        m_progress->hide();
        showMessage(tr("The recognition run failed: %1").arg(run.value("error").toString()), true);
        return;
    }
    const QString revenue = sales::formatMoneyJson(run.value("revenue"));
    showMessage(tr("Recognition done for %1: revenue recognised %2, journal entries posted: %3.")
                    .arg(QLocale().toString(m_month->date(), QStringLiteral("MMM yyyy")),
                         revenue.isEmpty() ? run.value("revenue").toString() : revenue,
                         QString::number(run.value("entry_count").toInt())),
                false);
    m_schedule->reloadSchedule();
    m_forecastStale = true;
    if (m_views->currentWidget() == m_forecast)
        reloadForecast();
}

void RevenueTab::refresh()
{
    if (!beginRefresh())
        return;
    m_schedule->setEntity(m_scope->entityId());
    m_forecast->setEntity(m_scope->entityId());
    // The forecast is read when it is looked at: most visits are for a contract.
    m_forecastStale = true;
    if (m_views->currentWidget() == m_forecast)
        reloadForecast();
}

void RevenueTab::reloadForecast()
{
    m_forecastStale = false;
    m_forecast->reload();
}

} // namespace keel::finance
