#pragma once

#include <QChartView>

namespace keel::finance {

class RevenueMonthsModel;

// The forecast as bars by month: actual recognised in dark blue, forecast in light blue, one
// bar a month (a month is one or the other, or both while it is being closed).
class RevenueForecastChart : public QChartView
{
    Q_OBJECT
public:
    explicit RevenueForecastChart(RevenueMonthsModel *months, QWidget *parent = nullptr);

    int barCount() const; // months drawn, for tests
    void rebuild();

private:
    RevenueMonthsModel *m_months;
    int m_bars = 0;
};

} // namespace keel::finance
