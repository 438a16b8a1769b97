#include "heatmap_view.h"

#include "metric_format.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace keel::dashboards {

namespace {
constexpr int HeaderHeight = 22;
constexpr int LegendHeight = 26;
constexpr int RowHeight = 16;
const QColor Low(0xf1, 0xf6, 0xf8);
const QColor High(0x13, 0x7c, 0x73);
} // namespace

HeatmapView::HeatmapView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatmapView::showAnswer(const MetricAnswer &answer)
{
    m_answer = answer;
    m_rows = answer.keys();
    m_columns = answer.keys2();
    // Ratios run from zero to at least 100 %: a half-used person is not shown as "full".
    m_low = 0;
    m_high = answer.unit == QLatin1String("ratio") ? 100 : 0;
    for (const MetricPoint &p : answer.points)
        if (!p.value.isEmpty())
            m_high = std::max(m_high, chartNumber(p.value, answer.unit));
    if (m_high <= m_low)
        m_high = m_low + 1;
    updateGeometry();
    update();
}

const MetricPoint *HeatmapView::pointAt(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return nullptr;
    return m_answer.find(m_rows.at(row), m_columns.at(column));
}

int HeatmapView::labelWidth() const
{
    int w = 60;
    const QFontMetrics fm(font());
    for (const QString &k : m_rows)
        w = std::max(w, fm.horizontalAdvance(m_answer.labelOf(k)) + 10);
    return std::min(w, 180);
}

QRect HeatmapView::cellRect(int row, int column) const
{
    const int left = labelWidth();
    const int cols = std::max(1, int(m_columns.size()));
    const int rows = std::max(1, int(m_rows.size()));
    const int cellW = std::max(8, (width() - left - 4) / cols);
    const int cellH = std::max(8, std::min(24, (height() - HeaderHeight - LegendHeight) / rows));
    return QRect(left + column * cellW, HeaderHeight + row * cellH, cellW - 1, cellH - 1);
}

QSize HeatmapView::sizeHint() const
{
    return QSize(600, HeaderHeight + LegendHeight + RowHeight * std::max<int>(8, m_rows.size()));
}

QSize HeatmapView::minimumSizeHint() const
{
    return QSize(300, HeaderHeight + LegendHeight + 8 * 8);
}

QColor HeatmapView::colourOf(const QString &value) const
{
    if (value.isEmpty())
        return QColor(0xff, 0xff, 0xff);
    const double t =
        std::clamp((chartNumber(value, m_answer.unit) - m_low) / (m_high - m_low), 0.0, 1.0);
    return QColor::fromRgbF(Low.redF() + (High.redF() - Low.redF()) * t,
                            Low.greenF() + (High.greenF() - Low.greenF()) * t,
                            Low.blueF() + (High.blueF() - Low.blueF()) * t);
}

void HeatmapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    QFont small = font();
    small.setPointSizeF(7.5);
    p.setFont(small);
    const QFontMetrics fm(small);
    const int left = labelWidth();
    // Column headers: months short, every other one when they do not fit.
    const int every = m_columns.isEmpty()
                          ? 1
                          : std::max(1, (fm.horizontalAdvance(QStringLiteral("Mmm 00")) + 4) /
                                                std::max(1, cellRect(0, 0).width() + 1) +
                                            1);
    for (int c = 0; c < m_columns.size(); c += every) {
        const QRect r = cellRect(0, c);
        const QString key = m_columns.at(c);
        p.setPen(QColor(0x4a, 0x56, 0x68));
        p.drawText(QRect(r.left() - 20, 0, r.width() + 40, HeaderHeight - 4),
                   Qt::AlignHCenter | Qt::AlignBottom,
                   shortMonthLabel(key, m_answer.label2Of(key)));
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const QRect first = cellRect(r, 0);
        p.setPen(QColor(0x23, 0x32, 0x4a));
        p.drawText(QRect(0, first.top(), left - 6, first.height()),
                   Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(m_answer.labelOf(m_rows.at(r)), Qt::ElideRight, left - 8));
        for (int c = 0; c < m_columns.size(); ++c) {
            const MetricPoint *pt = pointAt(r, c);
            p.fillRect(cellRect(r, c), pt ? colourOf(pt->value) : QColor(0xfa, 0xfb, 0xfc));
        }
    }
    // Legend: the scale from low to high.
    const int y = height() - LegendHeight + 8;
    const QRect bar(left, y, std::min(200, width() - left - 120), 10);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    g.setColorAt(0, Low);
    g.setColorAt(1, High);
    p.fillRect(bar, g);
    p.setPen(QColor(0x4a, 0x56, 0x68));
    const QString unit = m_answer.unit == QLatin1String("ratio") ? QStringLiteral(" %") : QString();
    p.drawText(QRect(bar.left() - 50, y - 2, 46, 14), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(m_low, 'f', 0) + unit);
    p.drawText(QRect(bar.right() + 4, y - 2, 120, 14), Qt::AlignLeft | Qt::AlignVCenter,
               QString::number(m_high, 'f', 0) + unit);
}

bool HeatmapView::cellAt(const QPoint &pos, int *row, int *column) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        const QRect first = cellRect(r, 0);
        if (pos.y() < first.top() || pos.y() > first.bottom() + 1)
            continue;
        for (int c = 0; c < m_columns.size(); ++c)
            if (cellRect(r, c).adjusted(0, 0, 1, 1).contains(pos)) {
                *row = r;
                *column = c;
                return true;
            }
    }
    return false;
}

bool HeatmapView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        int r = 0, c = 0;
        const MetricPoint *pt = cellAt(help->pos(), &r, &c) ? pointAt(r, c) : nullptr;
        if (pt)
            QToolTip::showText(
                help->globalPos(),
                QStringLiteral("%1 · %2: %3")
                    .arg(m_answer.labelOf(pt->key), m_answer.label2Of(pt->key2),
                         pt->value.isEmpty()
                             ? tr("no value")
                             : formatMetricValue(pt->value, m_answer.unit, m_answer.currency)),
                this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void HeatmapView::mouseMoveEvent(QMouseEvent *event)
{
    int r = 0, c = 0;
    setCursor(cellAt(event->position().toPoint(), &r, &c) && pointAt(r, c) ? Qt::PointingHandCursor
                                                                           : Qt::ArrowCursor);
}

void HeatmapView::mouseReleaseEvent(QMouseEvent *event)
{
    int r = 0, c = 0;
    if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &r, &c))
        if (const MetricPoint *pt = pointAt(r, c))
            emit pointActivated(*pt);
}

} // namespace keel::dashboards
