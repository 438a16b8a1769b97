#include "insights_card.h"

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

#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::insights {

namespace {
const QString Money = QStringLiteral("money");

// Only the rows that need attention (deals at risk), at most `limit` of them.
class AttentionFilter : public QSortFilterProxyModel
{
public:
    AttentionFilter(bool attentionOnly, int limit, QObject *parent)
        : QSortFilterProxyModel(parent), m_only(attentionOnly), m_limit(limit)
    {}

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (row >= 200)
            return false;
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (m_only && !i.data(InsightsTableModel::HighlightRole).toBool())
            return false;
        int accepted = 0;
        for (int r = 0; r < row; ++r)
            if (!m_only ||
                sourceModel()->index(r, 0, parent).data(InsightsTableModel::HighlightRole).toBool())
                ++accepted;
        return accepted < m_limit;
    }

private:
    bool m_only;
    int m_limit;
};
} // namespace

InsightsCard::InsightsCard(ApiClient *api, const dashboards::CardSpec &spec, QWidget *parent)
    : QFrame(parent), m_api(api), m_spec(spec), m_figure(new QLabel)
{
    setObjectName(QStringLiteral("dashboardCard"));
    setProperty("cardId", spec.id);
    setMinimumHeight(250 * spec.rowSpan + 12 * (spec.rowSpan - 1));
    setStyleSheet(QStringLiteral(
        "#dashboardCard { background: #ffffff; border: 1px solid #dde2ea; border-radius: 8px; }"
        "#cardTitle { color: #23324a; font-size: 10.5pt; font-weight: 600; }"
        "#cardSubtitle { color: #6b7788; font-size: 8.5pt; }"
        "#cardFigure { color: #13294B; font-size: 13pt; font-weight: 600; }"));
    auto *title = new QLabel(spec.translatedTitle());
    title->setObjectName("cardTitle");
    auto *subtitle = new QLabel(tr("Insight · explained and backtested"));
    subtitle->setObjectName("cardSubtitle");
    m_figure->setObjectName("cardFigure");
    m_figure->setWordWrap(true);

    QWidget *content = nullptr;
    const QString &kind = spec.insights;
    if (kind == QLatin1String("cash_in") || kind == QLatin1String("revenue_forecast")) {
        m_chart = new InsightsBarChart;
        if (kind == QLatin1String("cash_in"))
            m_chart->setSeries({tr("Expected cash-in")}, {QColor(0x2b, 0x6c, 0xb0)}, tr("P10–P90"));
        else
            m_chart->setSeries(
                {tr("Backlog"), tr("Pipeline"), tr("Run-rate")},
                {QColor(0x2b, 0x6c, 0xb0), QColor(0x63, 0xb3, 0xed), QColor(0x9a, 0xe6, 0xb4)},
                tr("P10–P90"));
        content = m_chart;
    } else {
        const QString manager =
            spec.query.contains({QStringLiteral("manager"), QStringLiteral("me")})
                ? QStringLiteral("me")
                : QString();
        if (kind == QLatin1String("deals_at_risk"))
            m_model = makeDealsModel(api, {}, {}, this);
        else if (kind == QLatin1String("projects_at_risk"))
            m_model = makeProjectRiskModel(api, {}, manager, this);
        else
            m_model = makeFlaggedInvoicesModel(api, {}, this);
        m_view = new QTableView;
        auto *proxy = new AttentionFilter(kind == QLatin1String("deals_at_risk"), 8, this);
        proxy->setSourceModel(m_model);
        m_view->setModel(proxy);
        m_view->verticalHeader()->hide();
        m_view->verticalHeader()->setDefaultSectionSize(22);
        m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view->setFrameShape(QFrame::NoFrame);
        m_view->horizontalHeader()->setStretchLastSection(true);
        // A card is narrow: the name, and the figures that matter.
        const QList<int> shown =
            kind == QLatin1String("deals_at_risk") ? QList<int>{DealColumn::Deal, DealColumn::Value,
                                                                DealColumn::Rep, DealColumn::Model}
            : kind == QLatin1String("projects_at_risk")
                ? QList<int>{ProjectColumn::Project, ProjectColumn::Severity, ProjectColumn::Target,
                             ProjectColumn::Forecast}
                : QList<int>{InvoiceColumn::Number, InvoiceColumn::Total, InvoiceColumn::FirstFlag};
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_view->setColumnHidden(c, !shown.contains(c));
        // The name takes what the figures leave (the last logical column may be hidden).
        m_view->horizontalHeader()->setStretchLastSection(false);
        const int stretch = kind == QLatin1String("flagged_drafts") ? shown.last() : shown.first();
        for (int i = 0; i < shown.size(); ++i)
            m_view->horizontalHeader()->moveSection(
                m_view->horizontalHeader()->visualIndex(shown.at(i)), i);
        connect(m_view, &QTableView::activated, this, [this, proxy](const QModelIndex &index) {
            showReasons(m_model->rowObject(proxy->mapToSource(index).row()));
        });
        connect(m_model, &InsightsTableModel::loaded, this, [this, proxy, kind, stretch] {
            const int n = m_model->rowCount();
            if (kind == QLatin1String("deals_at_risk")) {
                int atRisk = 0;
                for (int r = 0; r < n; ++r)
                    atRisk += m_model->index(r, 0).data(InsightsTableModel::HighlightRole).toBool();
                m_figure->setText(pluralText(tr("%n deal(s) at risk", nullptr, atRisk), atRisk));
            } else if (kind == QLatin1String("projects_at_risk")) {
                m_figure->setText(pluralText(tr("%n project(s) at risk", nullptr, n), n));
            } else {
                m_figure->setText(pluralText(tr("%n draft(s) flagged", nullptr, n), n));
            }
            m_view->resizeColumnsToContents();
            // Set again after the rows arrived: a reset of the model forgets it.
            m_view->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
            if (proxy->rowCount() == 0)
                m_state->showEmpty(kind == QLatin1String("flagged_drafts")
                                       ? tr("No draft invoice is flagged.")
                                       : tr("Nothing at risk."));
            else
                m_state->showReady();
            emit loaded();
        });
        connect(m_model, &InsightsTableModel::loadFailed, this, [this](const QString &message) {
            m_figure->clear();
            if (m_model->notTrained())
                m_state->showNotTrained();
            else
                m_state->showError(message);
            emit loaded();
        });
        content = m_view;
    }
    m_state = new InsightsStatePanel(content);
    m_state->setRetrainOffered(false);
    connect(m_state, &InsightsStatePanel::retryRequested, this, &InsightsCard::reload);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addWidget(m_figure);
    layout->addWidget(m_state, 1);
}

QString InsightsCard::figureText() const
{
    return m_figure->text();
}

void InsightsCard::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    if (!m_started)
        reload();
}

void InsightsCard::reload()
{
    m_started = true;
    m_state->showLoading();
    if (m_model)
        m_model->reload();
    else
        loadChart();
}

void InsightsCard::loadChart()
{
    const bool cash = m_spec.insights == QLatin1String("cash_in");
    const int generation = ++m_generation;
    ApiReply *reply =
        m_api->get(cash ? InsightsApi::cashInPath({}) : InsightsApi::forecastPath({}));
    connect(reply, &ApiReply::finished, this, [this, reply, generation, cash] {
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            m_state->showProblem(reply->problem());
            emit loaded();
            return;
        }
        QList<InsightsBar> bars;
        QString currency;
        if (cash) {
            const CashInForecast f = CashInForecast::fromJson(reply->object());
            currency = f.currency;
            for (const CashInWeek &w : f.weeks) {
                InsightsBar b;
                b.label = QLocale().toString(QDate::fromString(w.weekStart, Qt::ISODate),
                                             QStringLiteral("dd.MM."));
                b.stacks = {dashboards::chartNumber(w.expected, Money)};
                b.low = dashboards::chartNumber(w.p10, Money);
                b.high = dashboards::chartNumber(w.p90, Money);
                b.tooltip = insightsDateText(w.weekStart) + QStringLiteral(": ") +
                            insightsMoneyText(w.expected, currency);
                bars.append(b);
            }
            m_figure->setText(tr("%1 open").arg(insightsMoneyText(f.totalOpen, currency)));
        } else {
            const RevenueForecast f = RevenueForecast::fromJson(reply->object());
            currency = f.currency;
            int shortMonths = 0;
            for (const ForecastMonth &m : f.months) {
                InsightsBar b;
                b.label = dashboards::shortMonthLabel(m.month, m.month);
                b.stacks = {dashboards::chartNumber(m.backlog, Money),
                            dashboards::chartNumber(m.pipeline, Money),
                            dashboards::chartNumber(m.runRate, Money)};
                b.low = dashboards::chartNumber(m.p10, Money);
                b.high = dashboards::chartNumber(m.p90, Money);
                b.attention = !m.capacityOk;
                b.tooltip = insightsMonthText(m.month) + QStringLiteral(": ") +
                            insightsMoneyText(m.expected, currency);
                shortMonths += m.capacityOk ? 0 : 1;
                bars.append(b);
            }
            m_figure->setText(shortMonths == 0 ? tr("Capacity covers every month")
                                               : pluralText(tr("%n month(s) short of capacity",
                                                               nullptr, shortMonths),
                                                            shortMonths));
        }
        m_chart->setAxisFormat([currency](double v) {
            return dashboards::formatCompactMoney(QString::number(v, 'f', 2), currency);
        });
        m_chart->setBars(bars);
        if (bars.isEmpty())
            m_state->showEmpty(tr("No data yet."));
        else
            m_state->showReady();
        emit loaded();
    });
}

void InsightsCard::showReasons(const QJsonObject &row)
{
    const QJsonValue list = row.contains(QStringLiteral("factors"))    ? row.value("factors")
                            : row.contains(QStringLiteral("evidence")) ? row.value("evidence")
                                                                       : row.value("flags");
    QDialog dialog(this);
    dialog.setObjectName("insightReasonsDialog");
    const QString name = jsonText(row.value(QStringLiteral("name")));
    dialog.setWindowTitle(name.isEmpty() ? jsonText(row.value(QStringLiteral("number"))) : name);
    auto *reasons = new ReasonsView;
    reasons->setReasons(reasonsFromJson(list));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(&dialog);
    l->addWidget(reasons, 1);
    l->addWidget(buttons);
    dialog.resize(520, 320);
    dialog.exec();
}

} // namespace keel::insights
