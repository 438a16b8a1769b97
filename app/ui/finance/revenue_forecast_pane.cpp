#include "revenue_forecast_pane.h"

#include "finance_widgets.h"
#include "revenue_forecast_chart.h"
#include "revenue_forecast_model.h"
#include "revenue_months_model.h"
#include "statements_model.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

RevenueForecastPane::RevenueForecastPane(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_forecast(new RevenueForecast(api, this)), m_scope(new QComboBox),
      m_from(dateField(QDate(QDate::currentDate().year(), 1, 1), "revenueForecastFrom")),
      m_to(dateField(QDate(QDate::currentDate().year() + 1, 6, 1), "revenueForecastTo")),
      m_view(financeTable("revenueForecast")),
      m_chart(new RevenueForecastChart(m_forecast->months())), m_totals(new QLabel)
{
    m_scope->setObjectName("revenueForecastScope");
    m_scope->addItems({tr("Whole firm (group currency)"), tr("Legal entity")});
    for (QDateEdit *d : {m_from, m_to})
        d->setDisplayFormat(QStringLiteral("MMM yyyy"));
    auto *refreshButton = new QPushButton(tr("Refresh"));
    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_scope);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Months")));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to")));
    bar->addWidget(m_to);
    bar->addStretch(1);
    bar->addWidget(refreshButton);

    m_view->setModel(m_forecast->months());
    m_view->setColumnHidden(RevenueMonthsModel::CumulativeColumn, true);
    setColumnWidths(m_view, {110, 140, 140});
    m_totals->setObjectName("revenueForecastTotals");
    m_totals->setTextFormat(Qt::RichText);

    auto *table = new QWidget;
    auto *tableLayout = new QVBoxLayout(table);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_totals);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_scope, &QComboBox::activated, this, &RevenueForecastPane::reload);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::editingFinished, this, &RevenueForecastPane::reload);
    connect(refreshButton, &QPushButton::clicked, this, &RevenueForecastPane::reload);
    connect(m_forecast, &RevenueForecast::loaded, this, &RevenueForecastPane::showTotals);
    connect(m_forecast, &RevenueForecast::loadFailed, this, [this](const QString &text) {
        m_totals->clear();
        emit message(tr("The forecast could not be loaded: %1").arg(text), true);
    });
}

void RevenueForecastPane::setScope(int scope)
{
    m_scope->setCurrentIndex(scope);
}

void RevenueForecastPane::setMonths(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void RevenueForecastPane::reload()
{
    const bool firm = m_scope->currentIndex() == 0;
    m_forecast->load(firm ? QString() : m_entity, m_from->date(), m_to->date(), firm);
}

void RevenueForecastPane::showTotals()
{
    const RevenueMonthsModel *m = m_forecast->months();
    const QString c = m->currency();
    const QString actual = m->totalActual();
    const QString forecast = m->totalForecast();
    m_totals->setText(
        tr("Actual %1 %2 · forecast %1 %3 · <b>total %1 %4</b>")
            .arg(c, StatementsModel::formatAmount(actual, c),
                 StatementsModel::formatAmount(forecast, c),
                 StatementsModel::formatAmount(RevenueMonthsModel::sum(actual, forecast), c)));
}

QString RevenueForecastPane::totalsText() const
{
    return m_totals->text();
}

} // namespace keel::finance
