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
    double top = 0;
    double bottom = 0; // a reversal may take a month below zero
    const QLocale locale;
    for (const RevenueMonthsModel::Month &m : m_months->months()) {
        const double a = drawn(m.actual);
        const double f = drawn(m.forecast);
        *actual << a;
        *forecast << f;
        top = std::max(top, a + f);
        bottom = std::min(bottom, std::min(a, f));
        categories << locale.toString(
            QDate::fromString(m.period + QStringLiteral("-01"), Qt::ISODate),
            QStringLiteral("MMM yy"));
    }
    m_bars = int(categories.size());
    auto *series = new QStackedBarSeries;
    series->append(actual);
    series->append(forecast);
    series->setBarWidth(0.7);
    c->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(categories.size() > 12 ? -60 : 0);
    auto *y = new QValueAxis;
    y->setRange(bottom * 1.08, top > 0 ? top * 1.08 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    y->setTitleText(m_months->currency());
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
