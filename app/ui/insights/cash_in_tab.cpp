#include "cash_in_tab.h"

#include "api_client.h"
#include "api_reply.h"
#include "insights_api.h"
#include "insights_bar_chart.h"
#include "insights_lists.h"
#include "insights_state.h"
#include "insights_table_model.h"
#include "insights_text.h"
#include "metric_format.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::insights {

CashInTab::CashInTab(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_api(api), m_headline(new QLabel), m_chart(new InsightsBarChart),
      m_recordsTitle(new QLabel), m_view(new QTableView)
{
    m_headline->setObjectName("cashInHeadline");
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_chart->setObjectName("cashInChart");
    m_chart->setSeries({tr("Expected cash-in")}, {QColor(0x2b, 0x6c, 0xb0)}, tr("P10–P90"));
    m_recordsTitle->setObjectName("cashInRecordsTitle");
    m_recordsTitle->setTextFormat(Qt::RichText);
    m_recordsTitle->setWordWrap(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setStretchLastSection(false);

    auto *top = new QWidget;
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_headline);
    tl->addWidget(m_chart, 1);
    auto *bottom = new QWidget;
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_recordsTitle);
    bl->addWidget(m_view, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    m_state = new InsightsStatePanel(splitter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_state);
    connect(m_state, &InsightsStatePanel::retryRequested, this, &CashInTab::reload);
    connect(m_state, &InsightsStatePanel::retrainRequested, this, &CashInTab::retrainRequested);
    connect(m_chart, &InsightsBarChart::barClicked, this, &CashInTab::openWeek);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (m_records)
            emit recordRequested(m_records->rowObject(index.row()));
    });
}

void CashInTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_started)
        reload();
}

void CashInTab::reload()
{
    m_started = true;
    m_state->showLoading();
    const int generation = ++m_generation;
    ApiReply *reply = m_api->get(InsightsApi::cashInPath({}));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            m_state->showProblem(reply->problem());
            emit loaded();
            return;
        }
        m_forecast = CashInForecast::fromJson(reply->object());
        const QString currency = m_forecast.currency;
        QList<InsightsBar> bars;
        QDate first;
        for (const CashInWeek &w : m_forecast.weeks) {
            InsightsBar b;
            const QDate d = QDate::fromString(w.weekStart, Qt::ISODate);
            if (!first.isValid())
                first = d;
            b.label = QLocale().toString(d, QStringLiteral("dd.MM."));
            b.stacks = {dashboards::chartNumber(w.expected, QStringLiteral("money"))};
            b.low = dashboards::chartNumber(w.p10, QStringLiteral("money"));
            b.high = dashboards::chartNumber(w.p90, QStringLiteral("money"));
            b.tooltip =
                pluralText(tr("Week of %1: %2 expected (P10 %3, P90 %4) from %n invoice(s)",
                              nullptr, w.invoices),
                           w.invoices)
                    .arg(insightsDateText(w.weekStart), insightsMoneyText(w.expected, currency),
                         insightsMoneyText(w.p10, currency), insightsMoneyText(w.p90, currency));
            bars.append(b);
        }
        m_chart->setAxisFormat([currency](double v) {
            return dashboards::formatCompactMoney(QString::number(v, 'f', 2), currency);
        });
        m_chart->setBars(bars);
        m_headline->setText(
            tr("<b>%1</b> open in total; expected over the next 13 weeks as below. Click a week "
               "for its invoices.")
                .arg(insightsMoneyText(m_forecast.totalOpen, currency)));
        if (m_forecast.weeks.isEmpty())
            m_state->showEmpty(tr("No open invoices."));
        else
            m_state->showReady();
        // Every open invoice until a week is chosen.
        m_week = -1;
        m_chart->setSelected(-1);
        showRecords(makeCollectionsModel(m_api, {}, {}, this), -1);
        emit loaded();
    });
}

void CashInTab::openWeek(int index)
{
    if (index < 0 || index >= m_forecast.weeks.size())
        return;
    m_week = index;
    m_chart->setSelected(index);
    auto *model = makeCollectionsModel(m_api, {}, m_forecast.weeks.at(index).weekStart, this);
    model->setLoadAll(true);
    showRecords(model, index);
}

QString CashInTab::recordsTotalText() const
{
    // A week's records are the invoices with a share in it; their shares add up to the bar.
    return m_records ? m_records->total(QStringLiteral("week_amount")) : QString();
}

void CashInTab::showRecords(InsightsTableModel *model, int week)
{
    if (m_records)
        m_records->deleteLater();
    m_records = model;
    m_view->setModel(model);
    m_view->setColumnHidden(CollectionColumn::WeekShare, week < 0);
    m_recordsTitle->setText(week < 0 ? tr("<b>Every open invoice</b> by its expected payment")
                                     : tr("Loading the week's invoices…"));
    connect(model, &InsightsTableModel::loaded, this, [this, model, week] {
        if (model != m_records)
            return;
        m_view->resizeColumnsToContents();
        if (week >= 0) {
            const CashInWeek &w = m_forecast.weeks.at(week);
            const QString total = model->total(QStringLiteral("week_amount"));
            m_recordsTitle->setText(
                pluralText(tr("<b>Week of %1</b>: %n invoice(s) with a share, together %2 — the "
                              "bar: %3",
                              nullptr, model->rowCount()),
                           model->rowCount())
                    .arg(insightsDateText(w.weekStart),
                         insightsMoneyText(total, m_forecast.currency),
                         insightsMoneyText(w.expected, m_forecast.currency)));
            emit weekLoaded();
        }
    });
    connect(model, &InsightsTableModel::loadFailed, this, [this, model](const QString &message) {
        if (model == m_records)
            m_recordsTitle->setText(message.toHtmlEscaped());
    });
    model->reload();
}

} // namespace keel::insights
