#pragma once

#include "metric_answer.h"

#include <QWidget>

namespace keel::dashboards {

// A metric cut by two dimensions (person × month) as a grid of coloured cells: pale for low,
// deep teal for high, with a legend of the scale. Hovering a cell shows its exact value;
// clicking it emits the point.
class HeatmapView : public QWidget
{
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr);

    void showAnswer(const MetricAnswer &answer);
    int rowCount() const { return int(m_rows.size()); }
    int columnCount() const { return int(m_columns.size()); }
    // The cell's point (row = key, column = key2), or nullptr.
    const MetricPoint *pointAt(int row, int column) const;
    QRect cellRect(int row, int column) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void pointActivated(const keel::dashboards::MetricPoint &point);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QColor colourOf(const QString &value) const;
    bool cellAt(const QPoint &pos, int *row, int *column) const;
    int labelWidth() const;

    MetricAnswer m_answer;
    QStringList m_rows, m_columns;
    double m_low = 0, m_high = 1;
};

} // namespace keel::dashboards
