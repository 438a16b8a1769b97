#include "metric_chart_view.h"

#include "decimal.h"
#include "metric_format.h"
#include "sales_format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QJsonObject>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace keel::dashboards {

namespace {
const QList<QColor> &palette()
{
    static const QList<QColor> colours{QColor(0x13, 0x29, 0x4B), QColor(0x1F, 0xB5, 0xA8),
                                       QColor(0x8F, 0xB3, 0xE0), QColor(0xE0, 0xA4, 0x58),
                                       QColor(0x9A, 0x6F, 0xB0), QColor(0x6B, 0x77, 0x88)};
    return colours;
}

QColor colourAt(int i)
{
    return palette().at(i % palette().size());
}

Decimal decimalOf(const QString &text)
{
    const auto d = Decimal::parse(text);
    return d ? *d : Decimal();
}

QString elided(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}
} // namespace

MetricChartView::MetricChartView(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::white);
    auto *chart = new QChart;
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(QFont(font().family(), 8));
    setChart(chart);
    setMouseTracking(true);
}

QString MetricChartView::seriesTitle(const QString &series) const
{
    if (series.isEmpty())
        return m_spec.title ? m_spec.translatedTitle() : m_answer.title;
    if (series == QLatin1String("actual"))
        return tr("Actual");
    if (series == QLatin1String("forecast"))
        return tr("Forecast");
    if (series == QLatin1String("capacity"))
        return tr("Capacity");
    if (series == QLatin1String("weighted"))
        return tr("Weighted");
    if (series == QLatin1String("burn"))
        return tr("Budget burn");
    if (series == QLatin1String("progress"))
        return tr("Progress");
    QString s = series;
    s.replace(u'_', u' ');
    return s.left(1).toUpper() + s.mid(1);
}

double MetricChartView::scaled(const QString &value) const
{
    return chartNumber(value, m_answer.unit) / m_scale;
}

QString MetricChartView::tooltipFor(const MetricPoint &p) const
{
    QString where = p.label.isEmpty() ? p.key : p.label;
    if (!p.key2.isEmpty())
        where += QStringLiteral(" · ") + (p.label2.isEmpty() ? p.key2 : p.label2);
    if (!p.series.isEmpty())
        where += QStringLiteral(" · ") + seriesTitle(p.series);
    const QString value = p.value.isEmpty()
                              ? tr("no value")
                              : formatMetricValue(p.value, m_answer.unit, m_answer.currency);
    QString text = where + QStringLiteral(": ") + value;
    const QJsonObject extra = m_answer.extra.value(p.key).toObject();
    if (extra.contains(QLatin1String("eac")))
        text +=
            QStringLiteral("\n") +
            tr("EAC %1 against a budget of %2, cost to date %3")
                .arg(
                    formatMetricValue(extra.value("eac").toString(), "money", m_answer.currency),
                    formatMetricValue(extra.value("budget").toString(), "money", m_answer.currency),
                    formatMetricValue(extra.value("cost_to_date").toString(), "money",
                                      m_answer.currency));
    if (m_answer.unit == QLatin1String("ratio") && !p.numerator.isEmpty())
        text += QStringLiteral(" (%1 / %2)")
                    .arg(sales::groupDigits(p.numerator), sales::groupDigits(p.denominator));
    return text;
}

void MetricChartView::showAnswer(const CardSpec &spec, const MetricAnswer &answer)
{
    m_spec = spec;
    m_answer = answer;
    m_original = answer;
    // The extra's field as a second series beside the first (burn beside progress); the
    // answer's own points become the first series, named after the card.
    if (!spec.extraField.isEmpty()) {
        QList<MetricPoint> points;
        for (MetricPoint p : answer.points) {
            if (!p.series.isEmpty())
                continue;
            p.series = QStringLiteral("burn");
            points.append(p);
            const QJsonValue v = answer.extra.value(p.key).toObject().value(spec.extraField);
            MetricPoint extra{p.key, p.label, {}, {}, spec.extraSeries, v.toString(), {}, {}};
            points.append(extra);
        }
        m_answer.points = points;
    }
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes()) {
        c->removeAxis(a);
        delete a;
    }
    m_drawn = m_answer.points;
    // A ranking's key without a value (a practice with no one to utilise, a project without
    // revenue) drew an empty row that read as zero; it has nothing to rank.
    if (spec.chart == ChartKind::HorizontalBar && spec.extraField.isEmpty())
        m_drawn.removeIf([](const MetricPoint &p) { return p.value.isEmpty(); });
    if (spec.rankEnds > 0 && m_drawn.size() > 2 * spec.rankEnds) {
        // Best first: the server ranks, but the ends are what a leader acts on.
        std::stable_sort(m_drawn.begin(), m_drawn.end(),
                         [](const MetricPoint &a, const MetricPoint &b) {
                             return decimalOf(a.value) > decimalOf(b.value);
                         });
        m_drawn = m_drawn.mid(0, spec.rankEnds) + m_drawn.mid(m_drawn.size() - spec.rankEnds);
    }

    // Millions or thousands on a money axis: eight-digit labels are not read.
    double top = 0;
    for (const MetricPoint &p : m_drawn)
        top = std::max(top, std::abs(chartNumber(p.value, answer.unit)));
    m_scale = 1;
    const QString caption = unitCaption(answer.unit, answer.currency);
    m_axisTitle = caption;
    if (answer.unit != QLatin1String("ratio")) {
        if (top >= 1e6) {
            m_scale = 1e6;
            m_axisTitle = tr("%1 millions").arg(caption);
        } else if (top >= 1e4) {
            m_scale = 1e3;
            m_axisTitle = tr("%1 thousands").arg(caption);
        }
    }

    QStringList keys;
    for (const MetricPoint &p : m_drawn)
        if (!keys.contains(p.key))
            keys.append(p.key);
    m_categoryKeys = keys;
    m_fit = labelFit(int(keys.size()));
    switch (spec.chart) {
    case ChartKind::Line:
        drawLines(keys);
        break;
    case ChartKind::HorizontalBar:
        drawBars(keys, true);
        break;
    case ChartKind::Funnel:
        drawFunnel();
        break;
    default:
        drawBars(keys, false);
        break;
    }
    // One bar series beside a target or capacity line: the card's title names the bars, the
    // legend only the line.
    int dataSeries = 0;
    for (QAbstractSeries *series : c->series())
        if (qobject_cast<QAbstractBarSeries *>(series))
            dataSeries += qobject_cast<QAbstractBarSeries *>(series)->count();
    int lines = 0;
    for (QAbstractSeries *series : c->series())
        if (!qobject_cast<QAbstractBarSeries *>(series))
            ++lines;
    c->legend()->setVisible(dataSeries + lines > 1 && spec.chart != ChartKind::Funnel);
    if (dataSeries == 1 && c->series().size() > 1 && spec.lineSeries.isEmpty())
        for (QLegendMarker *m : c->legend()->markers())
            if (qobject_cast<QAbstractBarSeries *>(m->series()))
                m->setVisible(false);
}

void MetricChartView::addValueAxis(Qt::Alignment alignment, double low, double high)
{
    auto *y = new QValueAxis;
    if (high <= low)
        high = low + 1;
    // A project losing fifteen times its revenue would flatten every other bar: ratios are
    // drawn from -100 % at most (the tooltip keeps the exact figure) and the axis says so.
    QString title = m_axisTitle;
    if (m_answer.unit == QLatin1String("ratio") && low < -110) {
        low = -110;
        title = tr("%1, from -100 %").arg(m_axisTitle);
    }
    y->setRange(low, high);
    y->setTickCount(5);
    y->applyNiceNumbers();
    // As many decimals as the ticks' step needs: "0, 2, 4, 6", not "0.0, 2.0, 4.0, 6.0".
    const double step = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    const auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-9; };
    y->setLabelFormat(whole(step)        ? QStringLiteral("%.0f")
                      : whole(step * 10) ? QStringLiteral("%.1f")
                                         : QStringLiteral("%.2f"));
    y->setTitleText(title);
    y->setTruncateLabels(false);
    QFont f = y->labelsFont();
    f.setPointSizeF(8);
    y->setLabelsFont(f);
    f.setPointSizeF(8);
    y->setTitleFont(f);
    y->setGridLineColor(QColor(0xe6, 0xea, 0xf0));
    chart()->addAxis(y, alignment);
    for (QAbstractSeries *s : chart()->series())
        s->attachAxis(y);
}

namespace {
QBarCategoryAxis *categoryAxis(const QStringList &labels)
{
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    QFont f = x->labelsFont();
    f.setPointSizeF(8);
    x->setLabelsFont(f);
    x->setGridLineVisible(false);
    x->setTruncateLabels(false);
    return x;
}
} // namespace

MetricChartView::LabelFit MetricChartView::labelFit(int keyCount) const
{
    LabelFit fit;
    const bool months = m_answer.by == QLatin1String("month");
    // A view not yet laid out has a default width: a card's share of a typical window.
    const int w = width() > 150 ? width() : 300 * std::max(1, m_spec.columnSpan);
    // A narrow card labels every second or third month, always the latest: about 60 pixels a
    // label, five a grid column at most.
    const int room = std::clamp(w / 60, 3, 5 * std::max(1, m_spec.columnSpan));
    fit.step = months ? std::max(1, (keyCount + room - 1) / room) : 1;
    // Qt hides the label of the first and the last category when it is wider than its
    // category, so a narrow card never named its latest month: the year goes under the month.
    QFont axisFont = font();
    axisFont.setPointSizeF(8);
    // A narrow funnel puts its deals under the value: Qt squeezes the stage names' axis and
    // would cut long labels at the card's edge.
    if (m_spec.chart == ChartKind::Funnel)
        fit.stacked = w < 420;
    else
        fit.stacked = months && keyCount > 0 &&
                      (w - 70) / keyCount <
                          QFontMetrics(axisFont).horizontalAdvance(QStringLiteral("May 26")) + 4;
    // Names beside horizontal bars take up to about two fifths of the card.
    fit.nameChars = m_spec.chart == ChartKind::HorizontalBar ? std::clamp(w / 18, 14, 40) : 12;
    return fit;
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // Labels chosen for another width are redrawn for this one (only when the choice changes).
    if (!m_original.points.isEmpty() && labelFit(int(m_categoryKeys.size())) != m_fit)
        showAnswer(m_spec, m_original);
}

QStringList MetricChartView::categoryLabels(const QStringList &keys) const
{
    // Unlabelled months get distinct invisible labels (a category axis needs unique ones).
    // Tooltips name every month.
    const bool months = m_answer.by == QLatin1String("month");
    const LabelFit &fit = m_fit;
    QStringList labels;
    for (int i = 0; i < keys.size(); ++i) {
        const QString &k = keys.at(i);
        QString label = months ? shortMonthLabel(k, m_answer.labelOf(k))
                               : elided(m_answer.labelOf(k), fit.nameChars).toHtmlEscaped();
        if (fit.stacked)
            label.replace(u' ', QStringLiteral("<br>"));
        if ((keys.size() - 1 - i) % fit.step != 0)
            label.clear();
        while (label.isEmpty() || labels.contains(label))
            label += QChar(0x200B);
        labels << label;
    }
    return labels;
}

void MetricChartView::drawBars(const QStringList &keysInOrder, bool horizontal)
{
    QChart *c = chart();
    // Horizontal bars are drawn bottom up: reversed, the first (best) is on top.
    QStringList keys = keysInOrder;
    if (horizontal)
        std::reverse(keys.begin(), keys.end());
    m_categoryKeys = keys;
    const QStringList labels = categoryLabels(keys);

    QAbstractBarSeries *bars = horizontal
                                   ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                   : static_cast<QAbstractBarSeries *>(new QBarSeries);
    double low = 0, high = 0;
    int colour = 0;
    QLineSeries *line = nullptr;
    for (const QString &series : m_answer.seriesNames()) {
        const auto valueOf = [&](const QString &key) {
            for (const MetricPoint &p : m_drawn)
                if (p.key == key && p.series == series && p.key2.isEmpty())
                    return p.value;
            return QString();
        };
        if (!m_spec.lineSeries.isEmpty() && series == m_spec.lineSeries && !horizontal) {
            line = lineOf(keys, series, QPen(QColor(0xE0, 0x7A, 0x2E), 2.5), &low, &high);
            continue;
        }
        auto *set = new QBarSet(seriesTitle(series));
        set->setColor(colourAt(colour++));
        set->setBorderColor(Qt::transparent);
        for (const QString &k : keys) {
            const double y = scaled(valueOf(k));
            *set << y;
            low = std::min(low, y);
            high = std::max(high, y);
        }
        connect(set, &QBarSet::hovered, this, [this, series](bool on, int index) {
            hover(m_categoryKeys.value(index), series, on);
        });
        connect(set, &QBarSet::clicked, this,
                [this, series](int index) { activate(m_categoryKeys.value(index), series); });
        bars->append(set);
    }
    bars->setBarWidth(bars->count() > 1 ? 0.8 : 0.65);
    c->addSeries(bars);
    if (line)
        c->addSeries(line);
    if (m_spec.targetLine && !m_answer.target.isEmpty()) {
        high = std::max(high, scaled(m_answer.target));
        addTargetLine(int(keys.size()), horizontal);
    }
    QBarCategoryAxis *x = categoryAxis(labels);
    c->addAxis(x, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    for (QAbstractSeries *s : c->series())
        s->attachAxis(x);
    addValueAxis(horizontal ? Qt::AlignBottom : Qt::AlignLeft, low < 0 ? low * 1.1 : 0, high * 1.1);
}

QLineSeries *MetricChartView::lineOf(const QStringList &keys, const QString &series,
                                     const QPen &pen, double *low, double *high)
{
    auto *line = new QLineSeries;
    line->setName(seriesTitle(series));
    line->setPen(pen);
    line->setPointsVisible(true);
    for (int i = 0; i < keys.size(); ++i) {
        const MetricPoint *p = m_answer.find(keys.at(i), {}, series);
        if (!p || p->value.isEmpty())
            continue; // no value is no point, not zero
        const double y = scaled(p->value);
        line->append(i, y);
        *low = std::min(*low, y);
        *high = std::max(*high, y);
    }
    connect(line, &QLineSeries::hovered, this, [this, series](QPointF p, bool on) {
        hover(m_categoryKeys.value(qRound(p.x())), series, on);
    });
    connect(line, &QLineSeries::clicked, this,
            [this, series](QPointF p) { activate(m_categoryKeys.value(qRound(p.x())), series); });
    return line;
}

void MetricChartView::drawLines(const QStringList &keys)
{
    QChart *c = chart();
    const QStringList labels = categoryLabels(keys);
    double low = 0, high = 0;
    int colour = 0;
    for (const QString &series : m_answer.seriesNames()) {
        QPen pen(colourAt(colour++), 2.5);
        if (series == QLatin1String("forecast"))
            pen.setStyle(Qt::DashLine);
        QLineSeries *line = lineOf(keys, series, pen, &low, &high);
        c->addSeries(line);
    }
    if (m_spec.targetLine && !m_answer.target.isEmpty()) {
        high = std::max(high, scaled(m_answer.target));
        addTargetLine(int(keys.size()));
    }
    QBarCategoryAxis *x = categoryAxis(labels);
    c->addAxis(x, Qt::AlignBottom);
    for (QAbstractSeries *s : c->series())
        s->attachAxis(x);
    addValueAxis(Qt::AlignLeft, low < 0 ? low * 1.1 : 0, high * 1.1);
}

void MetricChartView::addTargetLine(int categories, bool vertical)
{
    auto *target = new QLineSeries;
    target->setName(tr("Target %1").arg(formatMetricNumber(m_answer.target, m_answer.unit)));
    QPen pen(QColor(0xb3, 0x26, 0x1e), 1.5, Qt::DashLine);
    target->setPen(pen);
    const double y = scaled(m_answer.target);
    const double end = std::max(0, categories - 1) + 0.5;
    if (vertical) { // across horizontal bars
        target->append(y, -0.5);
        target->append(y, end);
    } else {
        target->append(-0.5, y);
        target->append(end, y);
    }
    chart()->addSeries(target);
}

void MetricChartView::drawFunnel()
{
    QChart *c = chart();
    // The first stage on top, each bar centred: a transparent pad of half the difference to
    // the widest stage before it.
    QStringList keys = m_categoryKeys;
    std::reverse(keys.begin(), keys.end());
    m_categoryKeys = keys;
    double widest = 0;
    for (const QString &k : keys)
        if (const MetricPoint *p = m_answer.find(k))
            widest = std::max(widest, scaled(p->value));
    auto *pad = new QBarSet(QString());
    pad->setColor(Qt::transparent);
    pad->setBorderColor(Qt::transparent);
    auto *set = new QBarSet(seriesTitle({}));
    set->setColor(colourAt(1));
    set->setBorderColor(Qt::transparent);
    // Each stage names its value and its deals beside the bar: a funnel read only through
    // tooltips says nothing on a wall or in a screenshot.
    const QJsonObject counts = m_answer.extra.value(QLatin1String("counts")).toObject();
    QStringList labels;
    for (const QString &k : keys) {
        const MetricPoint *p = m_answer.find(k);
        const double v = p ? std::max(0.0, scaled(p->value)) : 0;
        *pad << (widest - v) / 2;
        *set << v;
        QStringList figures;
        if (p && !p->value.isEmpty())
            figures << (m_answer.unit == QLatin1String("money")
                            ? formatCompactMoney(p->value, m_answer.currency)
                            : formatMetricValue(p->value, m_answer.unit, m_answer.currency))
                           .toHtmlEscaped();
        const QJsonValue count = counts.value(k);
        if (!count.isUndefined()) {
            const int n = count.isString() ? count.toString().toInt() : count.toInt();
            figures << (n == 1 ? tr("1 deal") : tr("%1 deals").arg(n)).toHtmlEscaped();
        }
        QString label = elided(m_answer.labelOf(k), 18).toHtmlEscaped();
        if (!figures.isEmpty())
            label += QStringLiteral("<br><span style=\"color:#5b6575\">%1</span>")
                         .arg(figures.join(m_fit.stacked ? QStringLiteral("<br>")
                                                         : QStringLiteral(" · ")));
        while (labels.contains(label))
            label += QChar(0x200B);
        labels << label;
    }
    connect(set, &QBarSet::hovered, this,
            [this](bool on, int index) { hover(m_categoryKeys.value(index), {}, on); });
    connect(set, &QBarSet::clicked, this,
            [this](int index) { activate(m_categoryKeys.value(index), {}); });
    auto *series = new QHorizontalStackedBarSeries;
    series->append(pad);
    series->append(set);
    series->setBarWidth(0.85);
    c->addSeries(series);
    QBarCategoryAxis *y = categoryAxis(labels);
    y->setLineVisible(false);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    x->setRange(0, widest > 0 ? widest : 1);
    x->setVisible(false);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
}

void MetricChartView::hover(const QString &key, const QString &series, bool on)
{
    const MetricPoint *p = m_answer.find(key, {}, series);
    if (on && p)
        QToolTip::showText(QCursor::pos(), tooltipFor(*p), this);
    else
        QToolTip::hideText();
}

void MetricChartView::activate(const QString &key, const QString &series)
{
    // Both bars of a key drawn from the extra open the answer's own point.
    if (!m_spec.extraField.isEmpty()) {
        for (const MetricPoint &p : m_original.points)
            if (p.key == key && p.series.isEmpty())
                emit pointActivated(p);
        return;
    }
    if (const MetricPoint *p = m_answer.find(key, {}, series))
        emit pointActivated(*p);
}

} // namespace keel::dashboards
