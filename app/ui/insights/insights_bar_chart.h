#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <limits>

namespace keel::insights {

// One bar of an InsightsBarChart: stacked parts, an optional range (P10–P90) drawn as a
// whisker over it, an optional line value (capacity) and a mark for attention.
struct InsightsBar
{
    QString label;
    QList<double> stacks; // geometry only: money is never computed from these
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    double line = std::numeric_limits<double>::quiet_NaN();
    bool attention = false;
    QString tooltip;
};

// Stacked bars with a range whisker and an optional line, painted directly: QtCharts has no
// error bars, and a dozen bars need no scene. A click on a bar emits barClicked.
class InsightsBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit InsightsBarChart(QWidget *parent = nullptr);

    void setSeries(const QStringList &stackNames, const QList<QColor> &colors,
                   const QString &rangeName = {}, const QString &lineName = {});
    void setBars(const QList<InsightsBar> &bars);
    const QList<InsightsBar> &bars() const { return m_bars; }
    // Axis labels ("EUR 1.2 m"); the default prints the number.
    void setAxisFormat(std::function<QString(double)> format) { m_format = std::move(format); }
    void setSelected(int index);
    int selected() const { return m_selected; }
    int barAt(const QPoint &pos) const;

    QSize sizeHint() const override { return {520, 260}; }
    QSize minimumSizeHint() const override { return {240, 150}; }

signals:
    void barClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotRect() const;
    double maxValue() const;
    QRectF barRect(int index) const;

    QStringList m_stackNames;
    QList<QColor> m_colors;
    QString m_rangeName, m_lineName;
    QList<InsightsBar> m_bars;
    std::function<QString(double)> m_format;
    int m_selected = -1;
};

} // namespace keel::insights
