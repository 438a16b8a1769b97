#include "chart_card.h"

#include "decimal.h"
#include "heatmap_view.h"
#include "metric_chart_view.h"
#include "metric_format.h"

#include <QDate>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace keel::dashboards {

namespace {
enum Page
{
    LoadingPage,
    ContentPage,
    EmptyPage,
    ErrorPage
};

QString monthText(const QString &key)
{
    const QDate d = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QStringLiteral("MMM yyyy")) : key;
}

QString answerFigure(const MetricAnswer &a)
{
    return a.value.isEmpty() ? QStringLiteral("—") : formatMetricValue(a.value, a.unit, a.currency);
}

QLabel *stateLabel(const QString &objectName)
{
    auto *l = new QLabel;
    l->setObjectName(objectName);
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    return l;
}
} // namespace

ChartCard::ChartCard(const CardSpec &spec, QWidget *parent)
    : QFrame(parent), m_spec(spec), m_title(new QLabel), m_subtitle(new QLabel),
      m_menuButton(new QToolButton), m_kpiRow(new QWidget), m_figure(new QLabel),
      m_comparison(new QLabel), m_stack(new QStackedWidget), m_loading(stateLabel("cardLoading")),
      m_empty(stateLabel("cardEmpty")), m_error(stateLabel("cardError")),
      m_retry(new QPushButton(tr("Retry"))), m_errorPage(new QWidget)
{
    setObjectName(QStringLiteral("dashboardCard"));
    setProperty("cardId", spec.id);
    setFrameShape(QFrame::NoFrame);
    setMinimumHeight(250 * spec.rowSpan + 12 * (spec.rowSpan - 1));
    setStyleSheet(QStringLiteral(
        "#dashboardCard { background: #ffffff; border: 1px solid #dde2ea; border-radius: 8px; }"
        "#cardTitle { color: #23324a; font-size: 10.5pt; font-weight: 600; }"
        "#cardSubtitle { color: #6b7788; font-size: 8.5pt; }"
        "#cardFigure { color: #13294B; font-size: 17pt; font-weight: 600; }"
        "#cardComparison { color: #4a5668; font-size: 8.5pt; }"
        "#cardLoading { color: #8a94a3; background: #f6f8fa; border-radius: 6px; }"
        "#cardEmpty { color: #4a5668; background: #f8fafb; border: 1px dashed #c5ced9;"
        " border-radius: 6px; }"
        "#cardError { color: #8c1d18; }"
        "#cardErrorPage { background: #fdf3f2; border: 1px solid #f3c1bc; border-radius: 6px; }"
        "QToolButton#cardMenu { border: none; padding: 0 4px; color: #4a5668; }"));

    m_title->setObjectName("cardTitle");
    m_title->setText(spec.translatedTitle());
    m_subtitle->setObjectName("cardSubtitle");
    m_menuButton->setObjectName("cardMenu");
    m_menuButton->setText(QStringLiteral("⋯"));
    m_menuButton->setToolTip(tr("Export this card"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_menuButton);
    menu->addAction(tr("Export PNG…"), this, [this] { chooseExport(true); });
    menu->addAction(tr("Export CSV…"), this, [this] { chooseExport(false); });
    menu->addSeparator();
    menu->addAction(tr("Reload"), this, &ChartCard::retryRequested);
    m_menuButton->setMenu(menu);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *header = new QHBoxLayout;
    header->addLayout(titles, 1);
    header->addWidget(m_menuButton, 0, Qt::AlignTop);

    m_figure->setObjectName("cardFigure");
    m_figure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comparison->setObjectName("cardComparison");
    m_comparison->setWordWrap(true);
    auto *kpi = new QVBoxLayout(m_kpiRow);
    kpi->setContentsMargins(0, 2, 0, 2);
    kpi->setSpacing(0);
    kpi->addWidget(m_figure);
    kpi->addWidget(m_comparison);
    m_kpiRow->setVisible(false);

    m_loading->setText(tr("Loading…"));
    m_errorPage->setObjectName("cardErrorPage");
    auto *errorLayout = new QVBoxLayout(m_errorPage);
    errorLayout->addStretch();
    errorLayout->addWidget(m_error);
    errorLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    errorLayout->addStretch();
    connect(m_retry, &QPushButton::clicked, this, &ChartCard::retryRequested);

    switch (spec.chart) {
    case ChartKind::Heatmap:
        m_heatmap = new HeatmapView;
        m_content = m_heatmap;
        connect(m_heatmap, &HeatmapView::pointActivated, this, &ChartCard::pointActivated);
        break;
    case ChartKind::Table:
        m_table = new QTableWidget;
        m_table->setColumnCount(2);
        m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
        m_table->verticalHeader()->hide();
        m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setShowGrid(false);
        m_table->setAlternatingRowColors(true);
        m_content = m_table;
        connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
            if (row >= 0 && row < m_answer.points.size())
                emit pointActivated(m_answer.points.at(row));
        });
        connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
            if (row >= 0 && row < m_answer.points.size())
                emit pointActivated(m_answer.points.at(row));
        });
        break;
    case ChartKind::Kpi:
        m_content = new QWidget;
        break;
    default:
        m_chart = new MetricChartView;
        m_content = m_chart;
        connect(m_chart, &MetricChartView::pointActivated, this, &ChartCard::pointActivated);
        break;
    }
    m_stack->addWidget(m_loading);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_errorPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_kpiRow);
    layout->addWidget(m_stack, 1);
    showLoading();
}

QString ChartCard::titleText() const
{
    return m_title->text();
}

QString ChartCard::figureText() const
{
    return m_kpiRow->isVisible() || m_state == State::Ready ? m_figure->text() : QString();
}

QString ChartCard::comparisonText() const
{
    return m_comparison->text();
}

QString ChartCard::messageText() const
{
    switch (m_state) {
    case State::Loading:
        return m_loading->text();
    case State::Empty:
        return m_empty->text();
    case State::Error:
        return m_error->text();
    case State::Ready:
        break;
    }
    return {};
}

void ChartCard::setState(State state)
{
    m_state = state;
    m_stack->setCurrentIndex(state == State::Loading ? LoadingPage
                             : state == State::Ready ? ContentPage
                             : state == State::Empty ? EmptyPage
                                                     : ErrorPage);
    m_kpiRow->setVisible(m_spec.kpi && (state == State::Ready || state == State::Empty));
    m_menuButton->setEnabled(state != State::Loading);
}

void ChartCard::showLoading()
{
    setState(State::Loading);
}

void ChartCard::showError(const QString &message)
{
    m_answer = {};
    m_error->setText(message);
    m_subtitle->clear();
    setState(State::Error);
}

void ChartCard::showAnswer(const MetricAnswer &answer)
{
    m_answer = answer;
    const QString period =
        answer.from == answer.to
            ? monthText(answer.from)
            : QStringLiteral("%1 – %2").arg(monthText(answer.from), monthText(answer.to));
    const QString unit = answer.unit == QLatin1String("money") ? answer.currency
                         : answer.unit == QLatin1String("ratio")
                             ? QString()
                             : unitCaption(answer.unit, answer.currency);
    m_subtitle->setText(unit.isEmpty() ? period : unit + QStringLiteral(" · ") + period);
    fillKpi();
    if (answer.isEmpty()) {
        m_empty->setText(tr("No data for these filters") + QStringLiteral("\n") +
                         tr("Try a longer period, another entity or all practices."));
        setState(State::Empty);
        return;
    }
    if (m_chart)
        m_chart->showAnswer(m_spec, answer);
    if (m_heatmap)
        m_heatmap->showAnswer(answer);
    if (m_table)
        fillTable();
    setState(State::Ready);
}

void ChartCard::fillKpi()
{
    m_figure->setText(answerFigure(m_answer));
    QStringList notes;
    // A balance has no figure for a month not yet ended (DSO of the current month): the latest
    // month that has one stands in, named.
    if (m_answer.value.isEmpty() && m_answer.by == QLatin1String("month")) {
        const QString series = m_answer.seriesNames().value(0);
        for (auto p = m_answer.points.crbegin(); p != m_answer.points.crend(); ++p)
            if (p->series == series && p->key2.isEmpty() && !p->value.isEmpty()) {
                m_figure->setText(formatMetricValue(p->value, m_answer.unit, m_answer.currency));
                notes << tr("as of %1").arg(shortMonthLabel(p->key, p->label));
                break;
            }
    }
    // The latest two months beside each other, with the direction of travel.
    if (m_answer.by == QLatin1String("month") && !m_spec.ahead) {
        const QString series = m_answer.seriesNames().value(0);
        QList<const MetricPoint *> months;
        for (const MetricPoint &p : m_answer.points)
            if (p.series == series && p.key2.isEmpty() && !p.value.isEmpty())
                months.append(&p);
        if (months.size() >= 2) {
            const MetricPoint *last = months.last();
            const MetricPoint *previous = months.at(months.size() - 2);
            const auto a = Decimal::parse(last->value);
            const auto b = Decimal::parse(previous->value);
            const QString arrow = !a || !b  ? QString()
                                  : *a > *b ? QStringLiteral("▲ ")
                                  : *a < *b ? QStringLiteral("▼ ")
                                            : QStringLiteral("= ");
            notes << arrow +
                         tr("%1: %2, %3: %4")
                             .arg(shortMonthLabel(last->key, last->label),
                                  formatMetricValue(last->value, m_answer.unit, m_answer.currency),
                                  shortMonthLabel(previous->key, previous->label),
                                  formatMetricValue(previous->value, m_answer.unit,
                                                    m_answer.currency));
        }
    }
    if (!m_answer.target.isEmpty())
        notes << tr("target %1").arg(formatMetricNumber(m_answer.target, m_answer.unit));
    m_comparison->setText(notes.join(u'\n'));
    m_comparison->setVisible(!notes.isEmpty());
}

void ChartCard::fillTable()
{
    // A list of counted items (projects at risk, one each) says it all in its names.
    m_table->setColumnHidden(1, m_answer.unit == QLatin1String("count"));
    m_table->setRowCount(int(m_answer.points.size()));
    for (int i = 0; i < m_answer.points.size(); ++i) {
        const MetricPoint &p = m_answer.points.at(i);
        auto *name = new QTableWidgetItem(p.label.isEmpty() ? p.key : p.label);
        auto *value =
            new QTableWidgetItem(formatMetricValue(p.value, m_answer.unit, m_answer.currency));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        name->setToolTip(name->text());
        m_table->setItem(i, 0, name);
        m_table->setItem(i, 1, value);
    }
}

bool ChartCard::exportPng(const QString &file)
{
    return grab().save(file, "PNG");
}

bool ChartCard::exportCsv(const QString &file)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray bytes = m_answer.csv().toUtf8();
    return out.write(bytes) == bytes.size();
}

void ChartCard::chooseExport(bool png)
{
    const QString name = m_spec.id + (png ? QStringLiteral(".png") : QStringLiteral(".csv"));
    const QString file =
        QFileDialog::getSaveFileName(this, png ? tr("Export PNG") : tr("Export CSV"), name,
                                     png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    if (!(png ? exportPng(file) : exportCsv(file)))
        m_subtitle->setText(tr("Cannot write %1").arg(file));
}

bool ChartCard::activatePoint(const QString &key, const QString &key2, const QString &series)
{
    const MetricPoint *p = m_answer.find(key, key2, series);
    if (!p)
        return false;
    emit pointActivated(*p);
    return true;
}

} // namespace keel::dashboards
