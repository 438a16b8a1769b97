#include "revenue_forecast_chart.h"

#include "decimal.h"
#include "revenue_months_model.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDate>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace keel::finance {

namespace {
// Charts draw with doubles: the exact decimal is converted here, for drawing only, and never
// read back as money.
double drawn(const QString &amount)
{
    const auto d = Decimal::parse(amount);
    return d ? d->toDouble() : 0.0;
}
} // namespace

RevenueForecastChart::RevenueForecastChart(RevenueMonthsModel *months, QWidget *parent)
    : QChartView(parent), m_months(months)
{
    setObjectName("revenueForecastChart");
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    setChart(chart);
    connect(m_months, &QAbstractItemModel::modelReset, this, &RevenueForecastChart::rebuild);
    rebuild();
}

void RevenueForecastChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes())
        c->removeAxis(a);

    auto *actual = new QBarSet(tr("Actual"));
    actual->setColor(QColor(0x13, 0x29, 0x4B));
    auto *forecast = new QBarSet(tr("Forecast"));
    forecast->setColor(QColor(0x8F, 0xB3, 0xE0));
    QStringList categories;
    QList<std::pair<double, double>> values;
    double top = 0;
    double bottom = 0; // a reversal may take a month below zero
    const QLocale locale;
    for (const RevenueMonthsModel::Month &m : m_months->months()) {
        const double a = drawn(m.actual);
        const double f = drawn(m.forecast);
        values.append({a, f});
        top = std::max(top, a + f);
        bottom = std::min(bottom, std::min(a, f));
        categories << locale.toString(
            QDate::fromString(m.period + QStringLiteral("-01"), Qt::ISODate),
            QStringLiteral("MMM yy"));
    }
    // Millions or thousands on the axis: eight-digit labels are not read.
    const double unit = std::max(std::abs(top), std::abs(bottom)) >= 1e6   ? 1e6
                        : std::max(std::abs(top), std::abs(bottom)) >= 1e4 ? 1e3
                                                                           : 1;
    for (const auto &[a, f] : values) {
        *actual << a / unit;
        *forecast << f / unit;
    }
    m_bars = int(categories.size());
    auto *series = new QStackedBarSeries;
    series->append(actual);
    series->append(forecast);
    series->setBarWidth(0.7);
    c->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(categories.size() > 12 ? -90 : 0);
    x->setTruncateLabels(false);
    auto *y = new QValueAxis;
    y->setRange(bottom / unit * 1.08, top > 0 ? top / unit * 1.08 : 1);
    y->setLabelFormat(unit > 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    y->setTitleText(unit == 1e6   ? tr("%1 millions").arg(m_months->currency())
                    : unit == 1e3 ? tr("%1 thousands").arg(m_months->currency())
                                  : m_months->currency());
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

int RevenueForecastChart::barCount() const
{
    return m_bars;
}

} // namespace keel::finance
