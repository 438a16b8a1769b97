#pragma once

#include "card_spec.h"
#include "metric_answer.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace keel::dashboards {

class HeatmapView;
class MetricChartView;

// One card of a dashboard: a title, the figure big when the card is a KPI, and the chart, in
// one of four designed states: loading (a light placeholder), ready, empty ("No data for
// these filters" with a hint) and error (the server's words and a retry button). Its menu
// exports the card as PNG and its points as CSV.
class ChartCard : public QFrame
{
    Q_OBJECT
public:
    enum class State
    {
        Loading,
        Ready,
        Empty,
        Error
    };

    explicit ChartCard(const CardSpec &spec, QWidget *parent = nullptr);

    const CardSpec &spec() const { return m_spec; }
    State state() const { return m_state; }
    const MetricAnswer &answer() const { return m_answer; }

    void showLoading();
    void showAnswer(const MetricAnswer &answer);
    void showError(const QString &message);

    QString titleText() const;
    QString figureText() const;     // the KPI figure as shown ("USD 1,234.50"), or ""
    QString comparisonText() const; // the line under the figure
    QString messageText() const;    // what the loading, empty or error state says
    MetricChartView *chartView() const { return m_chart; }
    HeatmapView *heatmap() const { return m_heatmap; }
    QTableWidget *table() const { return m_table; }

    bool exportPng(const QString &file);
    bool exportCsv(const QString &file);
    // As a click on the point would (tests, keyboard): emits pointActivated when it exists.
    bool activatePoint(const QString &key, const QString &key2 = {}, const QString &series = {});

signals:
    void pointActivated(const keel::dashboards::MetricPoint &point);
    void retryRequested();

private:
    void setState(State state);
    void chooseExport(bool png);
    void fillKpi();
    void fillTable();

    CardSpec m_spec;
    MetricAnswer m_answer;
    State m_state = State::Loading;
    QLabel *m_title;
    QLabel *m_subtitle;
    QToolButton *m_menuButton;
    QWidget *m_kpiRow;
    QLabel *m_figure;
    QLabel *m_comparison;
    QStackedWidget *m_stack;
    QLabel *m_loading;
    QLabel *m_empty;
    QLabel *m_error;
    QPushButton *m_retry;
    QWidget *m_errorPage;
    MetricChartView *m_chart = nullptr;
    HeatmapView *m_heatmap = nullptr;
    QTableWidget *m_table = nullptr;
    QWidget *m_content = nullptr;
};

} // namespace keel::dashboards
