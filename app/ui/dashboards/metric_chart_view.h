#pragma once

#include "card_spec.h"
#include "metric_answer.h"

#include <QChartView>

class QLineSeries;

namespace keel::dashboards {

// A metric answer drawn as bars, lines, a ranking or a funnel (CardSpec::chart). Values are
// converted to qreal here for placing marks only; every text a person reads (tooltips, the
// points behind a click) comes from the answer's exact strings.
class MetricChartView : public QChartView
{
    Q_OBJECT
public:
    explicit MetricChartView(QWidget *parent = nullptr);

    void showAnswer(const CardSpec &spec, const MetricAnswer &answer);
    // The points drawn, in drawing order (a ranking shows only its ends).
    const QList<MetricPoint> &drawnPoints() const { return m_drawn; }
    // What hovering the point shows: "Mar 2026 · Actual: USD 1,234.50".
    QString tooltipFor(const MetricPoint &point) const;
    QString axisTitle() const { return m_axisTitle; }

signals:
    void pointActivated(const keel::dashboards::MetricPoint &point);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // How the category labels fit the view's width: months labelled every `step`, the year
    // under the month when a label is wider than its category, names cut at `nameChars`.
    struct LabelFit
    {
        int step = 1;
        bool stacked = false;
        int nameChars = 12;
        bool operator==(const LabelFit &) const = default;
    };
    LabelFit labelFit(int keyCount) const;

    void drawBars(const QStringList &keys, bool horizontal);
    void drawLines(const QStringList &keys);
    QLineSeries *lineOf(const QStringList &keys, const QString &series, const QPen &pen,
                        double *low, double *high);
    void drawFunnel();
    void addValueAxis(Qt::Alignment alignment, double low, double high);
    void addTargetLine(int categories, bool vertical = false);
    QStringList categoryLabels(const QStringList &keys) const;
    void hover(const QString &key, const QString &series, bool on);
    void activate(const QString &key, const QString &series);
    double scaled(const QString &value) const;
    QString seriesTitle(const QString &series) const;

    CardSpec m_spec;
    MetricAnswer m_answer;   // as drawn (with an extra series)
    MetricAnswer m_original; // as the server answered
    QList<MetricPoint> m_drawn;
    QStringList m_categoryKeys;
    double m_scale = 1;
    LabelFit m_fit; // as drawn
    QString m_axisTitle;
};

} // namespace keel::dashboards
