#include "forecast_tab.h"

#include "api_client.h"
#include "api_reply.h"
#include "insights_api.h"
#include "insights_bar_chart.h"
#include "insights_lists.h"
#include "insights_state.h"
#include "insights_table_model.h"
#include "insights_text.h"
#include "metric_format.h"
#include "reasons_view.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keel::insights {

namespace {
const QString Money = QStringLiteral("money");
double num(const QString &v)
{
    return dashboards::chartNumber(v, Money);
}
QString hoursText(const QString &hours)
{
    return QCoreApplication::translate("keel::insights::ForecastTab", "%1 h")
        .arg(QLocale().toString(hours.toDouble(), 'f', 0));
}
} // namespace

ForecastRecordsDialog::ForecastRecordsDialog(ApiClient *api, const ForecastMonth &month,
                                             const QString &currency, QWidget *parent)
    : QDialog(parent)
{
    setObjectName("forecastRecordsDialog");
    setWindowTitle(tr("Forecast for %1").arg(insightsMonthText(month.month)));
    resize(820, 520);
    auto *tabs = new QTabWidget;
    const QList<std::tuple<QString, QString, QString>> parts{
        {QStringLiteral("backlog"), tr("Backlog"), month.backlog},
        {QStringLiteral("pipeline"), tr("Pipeline"), month.pipeline},
        {QStringLiteral("run_rate"), tr("Run-rate"), month.runRate}};
    for (const auto &[part, title, figure] : parts) {
        auto *page = new QWidget;
        auto *view = new QTableView;
        auto *total = new QLabel(tr("Loading…"));
        total->setTextFormat(Qt::RichText);
        auto *model = makeForecastRecordsModel(api, month.month, part, {}, this);
        view->setModel(model);
        view->verticalHeader()->hide();
        view->setAlternatingRowColors(true);
        view->horizontalHeader()->setStretchLastSection(true);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        auto *l = new QVBoxLayout(page);
        l->addWidget(view, 1);
        l->addWidget(total);
        const QString figureText = insightsMoneyText(figure, currency);
        connect(model, &InsightsTableModel::loaded, total, [model, total, figureText, view] {
            view->resizeColumnsToContents();
            const QString sum = jsonText(model->answer().value(QStringLiteral("total")));
            total->setText(
                tr("<b>Total %1</b> — the month's figure: %2")
                    .arg(insightsMoneyText(
                             sum,
                             model->answer().value(QStringLiteral("currency")).toString(QString())),
                         figureText));
        });
        connect(model, &InsightsTableModel::loadFailed, total,
                [total](const QString &message) { total->setText(message.toHtmlEscaped()); });
        model->reload();
        m_models.append(model);
        m_totals.append(total);
        tabs->addTab(page, title);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
}

QString ForecastRecordsDialog::totalText(int part) const
{
    return m_totals.value(part) ? m_totals.value(part)->text() : QString();
}

ForecastTab::ForecastTab(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_api(api), m_headline(new QLabel), m_chart(new InsightsBarChart),
      m_hours(new InsightsBarChart), m_shortfalls(new QTableWidget)
{
    m_headline->setObjectName("forecastHeadline");
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_chart->setObjectName("forecastChart");
    m_chart->setSeries(
        {tr("Backlog"), tr("Pipeline (model-weighted)"), tr("Run-rate")},
        {QColor(0x2b, 0x6c, 0xb0), QColor(0x63, 0xb3, 0xed), QColor(0x9a, 0xe6, 0xb4)},
        tr("P10–P90"));
    m_hours->setObjectName("forecastHours");
    m_hours->setSeries({tr("Hours required")}, {QColor(0xa0, 0xae, 0xc0)}, {},
                       tr("Hours available"));
    m_hours->setAxisFormat(
        [](double v) { return QLocale().toString(v, 'f', 0) + QStringLiteral(" h"); });
    m_shortfalls->setObjectName("capacityShortfalls");
    m_shortfalls->setColumnCount(5);
    m_shortfalls->setHorizontalHeaderLabels(
        {tr("Month"), tr("Role"), tr("Required"), tr("Available"), tr("Short")});
    m_shortfalls->verticalHeader()->hide();
    m_shortfalls->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shortfalls->horizontalHeader()->setStretchLastSection(true);
    m_shortfalls->setAlternatingRowColors(true);

    auto *hoursBox = new QWidget;
    auto *hl = new QHBoxLayout(hoursBox);
    hl->setContentsMargins(0, 0, 0, 0);
    hl->addWidget(m_hours, 3);
    auto *shortBox = new QWidget;
    auto *sl = new QVBoxLayout(shortBox);
    sl->setContentsMargins(0, 0, 0, 0);
    auto *shortTitle = new QLabel(tr("<b>Capacity shortfalls</b>"));
    sl->addWidget(shortTitle);
    sl->addWidget(m_shortfalls, 1);
    m_noShortfall = new QLabel(tr("No role needs more hours than it has in any of the 12 months."));
    m_noShortfall->setObjectName("noCapacityShortfall");
    m_noShortfall->setWordWrap(true);
    m_noShortfall->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_noShortfall->setStyleSheet(QStringLiteral("color: #276749;"));
    m_noShortfall->hide();
    sl->addWidget(m_noShortfall, 1);
    auto *restsTitle = new QLabel(tr("<b>What the forecast rests on</b>"));
    sl->addWidget(restsTitle);
    m_factors = new ReasonsView;
    m_factors->setObjectName("forecastFactors");
    sl->addWidget(m_factors, 2);
    hl->addWidget(shortBox, 2);

    auto *content = new QWidget;
    auto *cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_headline);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_chart);
    splitter->addWidget(hoursBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    cl->addWidget(splitter, 1);

    m_state = new InsightsStatePanel(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_state);
    connect(m_state, &InsightsStatePanel::retryRequested, this, &ForecastTab::reload);
    connect(m_state, &InsightsStatePanel::retrainRequested, this, &ForecastTab::retrainRequested);
    connect(m_chart, &InsightsBarChart::barClicked, this, [this](int i) { openMonth(i); });
    connect(m_hours, &InsightsBarChart::barClicked, this, [this](int i) { openMonth(i); });
}

void ForecastTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_started)
        reload();
}

void ForecastTab::reload()
{
    m_started = true;
    m_state->showLoading();
    const int generation = ++m_generation;
    ApiReply *reply = m_api->get(InsightsApi::forecastPath({}));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            m_state->showProblem(reply->problem());
            emit loaded();
            return;
        }
        m_forecast = RevenueForecast::fromJson(reply->object());
        const QString currency = m_forecast.currency;
        QList<InsightsBar> bars, hours;
        for (const ForecastMonth &m : m_forecast.months) {
            InsightsBar b;
            b.label = dashboards::shortMonthLabel(m.month, m.month);
            b.stacks = {num(m.backlog), num(m.pipeline), num(m.runRate)};
            b.low = num(m.p10);
            b.high = num(m.p90);
            b.attention = !m.capacityOk;
            b.tooltip =
                tr("%1: %2 expected (P10 %3, P90 %4)\nBacklog %5 · pipeline %6 · "
                   "run-rate %7")
                    .arg(insightsMonthText(m.month), insightsMoneyText(m.expected, currency),
                         insightsMoneyText(m.p10, currency), insightsMoneyText(m.p90, currency),
                         insightsMoneyText(m.backlog, currency),
                         insightsMoneyText(m.pipeline, currency),
                         insightsMoneyText(m.runRate, currency));
            bars.append(b);
            InsightsBar h;
            h.label = b.label;
            h.stacks = {m.requiredHours.toDouble()};
            h.line = m.availableHours.toDouble();
            h.attention = !m.capacityOk;
            h.tooltip = tr("%1: %2 required, %3 available")
                            .arg(insightsMonthText(m.month), hoursText(m.requiredHours),
                                 hoursText(m.availableHours));
            hours.append(h);
        }
        m_chart->setAxisFormat([currency](double v) {
            return dashboards::formatCompactMoney(QString::number(v, 'f', 2), currency);
        });
        m_chart->setBars(bars);
        m_hours->setBars(hours);
        m_shortfalls->setRowCount(int(m_forecast.capacity.size()));
        for (int i = 0; i < m_forecast.capacity.size(); ++i) {
            const CapacityShortfall &c = m_forecast.capacity.at(i);
            const QStringList cells{insightsMonthText(c.month), c.role, hoursText(c.requiredHours),
                                    hoursText(c.availableHours), hoursText(c.shortfallHours)};
            for (int col = 0; col < cells.size(); ++col) {
                auto *item = new QTableWidgetItem(cells.at(col));
                if (col >= 2)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_shortfalls->setItem(i, col, item);
            }
        }
        m_shortfalls->resizeColumnsToContents();
        m_noShortfall->setVisible(m_forecast.capacity.isEmpty());
        m_factors->setReasons(m_forecast.factors);
        m_shortfalls->setVisible(!m_forecast.capacity.isEmpty());
        int short_ = 0;
        for (const ForecastMonth &m : m_forecast.months)
            short_ += m.capacityOk ? 0 : 1;
        m_headline->setText(
            (short_ == 0
                 ? tr("Revenue by month for the next 12 months with its P10–P90 range. "
                      "The firm can staff every month.")
                 : pluralText(tr("Revenue by month for the next 12 months with its P10–P90 range. "
                                 "<span style='color:#b42318'>%n month(s) need more hours than the "
                                 "firm has.</span>",
                                 nullptr, short_),
                              short_)) +
            tr(" Click a month for its records."));
        if (m_forecast.months.isEmpty())
            m_state->showEmpty(tr("No forecast for these entities."));
        else
            m_state->showReady();
        emit loaded();
    });
}

ForecastRecordsDialog *ForecastTab::openMonth(int index)
{
    if (index < 0 || index >= m_forecast.months.size())
        return nullptr;
    m_chart->setSelected(index);
    m_hours->setSelected(index);
    auto *dialog =
        new ForecastRecordsDialog(m_api, m_forecast.months.at(index), m_forecast.currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace keel::insights
