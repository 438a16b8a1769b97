#include "insights_bar_chart.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace keel::insights {

namespace {
constexpr int LegendHeight = 22;
constexpr int AxisWidth = 74;
constexpr int LabelHeight = 20;

// A round step for four or five grid lines.
double niceStep(double max)
{
    if (max <= 0)
        return 1;
    const double raw = max / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double f : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= f * magnitude)
            return f * magnitude;
    return 10 * magnitude;
}
} // namespace

InsightsBarChart::InsightsBarChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    m_format = [](double v) { return QLocale().toString(v, 'f', 0); };
}

void InsightsBarChart::setSeries(const QStringList &stackNames, const QList<QColor> &colors,
                                 const QString &rangeName, const QString &lineName)
{
    m_stackNames = stackNames;
    m_colors = colors;
    m_rangeName = rangeName;
    m_lineName = lineName;
    update();
}

void InsightsBarChart::setBars(const QList<InsightsBar> &bars)
{
    m_bars = bars;
    if (m_selected >= m_bars.size())
        m_selected = -1;
    update();
}

void InsightsBarChart::setSelected(int index)
{
    m_selected = index;
    update();
}

QRectF InsightsBarChart::plotRect() const
{
    return QRectF(AxisWidth, LegendHeight + 8, std::max(10, width() - AxisWidth - 10),
                  std::max(10, height() - LegendHeight - 8 - LabelHeight - 4));
}

double InsightsBarChart::maxValue() const
{
    double max = 0;
    for (const InsightsBar &b : m_bars) {
        double sum = 0;
        for (double v : b.stacks)
            sum += std::max(0.0, v);
        max = std::max(max, sum);
        if (!std::isnan(b.high))
            max = std::max(max, b.high);
        if (!std::isnan(b.line))
            max = std::max(max, b.line);
    }
    return max;
}

QRectF InsightsBarChart::barRect(int index) const
{
    const QRectF plot = plotRect();
    const double slot = plot.width() / std::max<qsizetype>(1, m_bars.size());
    return QRectF(plot.left() + slot * index, plot.top(), slot, plot.height() + LabelHeight);
}

int InsightsBarChart::barAt(const QPoint &pos) const
{
    for (int i = 0; i < m_bars.size(); ++i)
        if (barRect(i).contains(pos))
            return i;
    return -1;
}

void InsightsBarChart::mousePressEvent(QMouseEvent *event)
{
    const int i = barAt(event->position().toPoint());
    if (i >= 0) {
        setSelected(i);
        emit barClicked(i);
    }
}

bool InsightsBarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = barAt(help->pos());
        if (i >= 0 && !m_bars.at(i).tooltip.isEmpty())
            QToolTip::showText(help->globalPos(), m_bars.at(i).tooltip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void InsightsBarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF plot = plotRect();
    const double step = niceStep(maxValue() * 1.05);
    const double top = std::max(step, std::ceil(maxValue() * 1.05 / step) * step);
    const auto y = [&](double v) { return plot.bottom() - v / top * plot.height(); };
    const QColor text(0x4a, 0x55, 0x68);

    // Legend.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    p.setFont(small);
    double x = AxisWidth;
    const auto legend = [&](const QColor &c, const QString &name, int kind) {
        if (name.isEmpty())
            return;
        const QRectF mark(x, 6, 12, 10);
        if (kind == 0)
            p.fillRect(mark, c);
        else if (kind == 1) {
            p.setPen(QPen(c, 2));
            p.drawLine(QPointF(mark.center().x(), mark.top() - 1),
                       QPointF(mark.center().x(), mark.bottom() + 1));
            p.drawLine(mark.topLeft() + QPointF(3, 0), mark.topRight() - QPointF(3, 0));
            p.drawLine(mark.bottomLeft() + QPointF(3, 0), mark.bottomRight() - QPointF(3, 0));
        } else {
            p.setPen(QPen(c, 2, Qt::DashLine));
            p.drawLine(QPointF(mark.left(), mark.center().y()),
                       QPointF(mark.right(), mark.center().y()));
        }
        p.setPen(text);
        const QRectF label(x + 16, 2, 400, 18);
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, name);
        x += 16 + p.fontMetrics().horizontalAdvance(name) + 18;
    };
    for (int i = 0; i < m_stackNames.size(); ++i)
        legend(m_colors.value(i, Qt::gray), m_stackNames.at(i), 0);
    legend(QColor(0x2d, 0x37, 0x48), m_rangeName, 1);
    legend(QColor(0xc0, 0x56, 0x21), m_lineName, 2);

    // Grid and axis.
    for (double v = 0; v <= top + step / 2; v += step) {
        p.setPen(QPen(QColor(0xe2, 0xe8, 0xf0), 1));
        p.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)));
        p.setPen(text);
        p.drawText(QRectF(0, y(v) - 9, AxisWidth - 6, 18), Qt::AlignRight | Qt::AlignVCenter,
                   m_format(v));
    }

    // Bars, whiskers, labels.
    const double slot = plot.width() / std::max<qsizetype>(1, m_bars.size());
    const double barWidth = std::max(4.0, slot * 0.62);
    QPolygonF linePoints;
    // A narrow chart labels every second (or third …) bar rather than cutting every label.
    int widest = 1;
    for (const InsightsBar &b : m_bars)
        widest = std::max(widest, p.fontMetrics().horizontalAdvance(b.label) + 6);
    const int labelEvery = std::max(1, int(std::ceil(widest / std::max(1.0, slot))));
    for (int i = 0; i < m_bars.size(); ++i) {
        const InsightsBar &b = m_bars.at(i);
        const double cx = plot.left() + slot * (i + 0.5);
        if (i == m_selected)
            p.fillRect(QRectF(cx - slot / 2, plot.top(), slot, plot.height()),
                       QColor(0xdb, 0xea, 0xfe));
        double base = 0;
        for (int s = 0; s < b.stacks.size(); ++s) {
            const double v = std::max(0.0, b.stacks.at(s));
            const QRectF r(cx - barWidth / 2, y(base + v), barWidth, y(base) - y(base + v));
            QColor c = m_colors.value(s, Qt::gray);
            if (b.attention && s == 0 && m_stackNames.size() <= 1)
                c = QColor(0xd9, 0x77, 0x06);
            p.fillRect(r, c);
            base += v;
        }
        if (!std::isnan(b.low) && !std::isnan(b.high)) {
            p.setPen(QPen(QColor(0x2d, 0x37, 0x48), 1.5));
            const double w = barWidth * 0.3;
            p.drawLine(QPointF(cx, y(b.low)), QPointF(cx, y(b.high)));
            p.drawLine(QPointF(cx - w, y(b.low)), QPointF(cx + w, y(b.low)));
            p.drawLine(QPointF(cx - w, y(b.high)), QPointF(cx + w, y(b.high)));
        }
        if (!std::isnan(b.line))
            linePoints.append(QPointF(cx, y(b.line)));
        p.setPen(b.attention ? QColor(0xb4, 0x23, 0x18) : text);
        if (i % labelEvery == 0)
            p.drawText(QRectF(cx - slot * labelEvery / 2, plot.bottom() + 3, slot * labelEvery,
                              LabelHeight),
                       Qt::AlignHCenter | Qt::AlignTop,
                       p.fontMetrics().elidedText(b.label, Qt::ElideRight, int(slot * labelEvery)));
    }
    if (!linePoints.isEmpty()) {
        p.setPen(QPen(QColor(0xc0, 0x56, 0x21), 2, Qt::DashLine));
        p.drawPolyline(linePoints);
        p.setBrush(QColor(0xc0, 0x56, 0x21));
        for (const QPointF &pt : linePoints)
            p.drawEllipse(pt, 2.5, 2.5);
    }
    p.setPen(QColor(0xcb, 0xd5, 0xe1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
}

} // namespace keel::insights
