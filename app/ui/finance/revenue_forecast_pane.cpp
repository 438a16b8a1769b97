#include "revenue_forecast_pane.h"

#include "finance_widgets.h"
#include "paged_list_model.h"
#include "revenue_api.h"
#include "revenue_forecast_chart.h"
#include "revenue_forecast_model.h"
#include "revenue_months_model.h"
#include "row_text_proxy.h"
#include "sales_format.h"
#include "statements_model.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
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
      m_chart(new RevenueForecastChart(m_forecast->months())), m_totals(new QLabel),
      m_monthContracts(revenueMonthContractsModel(api, this)),
      m_contractsProxy(new RowTextProxy(sales::PagedListModel::ObjectRole, this)),
      m_contractsView(financeTable("revenueMonthContracts")), m_contractsTitle(new QLabel),
      m_contractsBox(new QWidget)
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

    m_view->setToolTip(tr("Double-click a month for the contracts behind it."));
    // Nothing is asked for before a month is opened (the list has no path until then).
    m_contractsProxy->setSourceModel(m_monthContracts);
    m_contractsView->setModel(m_contractsProxy);
    setColumnWidths(m_contractsView, {80, 120, 80, 105, 105});
    m_contractsView->setToolTip(tr("Double-click a contract for its schedule."));
    m_contractsTitle->setObjectName("revenueMonthContractsTitle");
    m_contractsTitle->setTextFormat(Qt::RichText);
    auto *contractsLayout = new QVBoxLayout(m_contractsBox);
    contractsLayout->setContentsMargins(0, 6, 0, 0);
    contractsLayout->addWidget(m_contractsTitle);
    contractsLayout->addWidget(m_contractsView, 1);
    m_contractsBox->hide(); // until a month is opened

    auto *table = new QWidget;
    auto *tableLayout = new QVBoxLayout(table);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_totals);
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(table);
    left->addWidget(m_contractsBox);
    left->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 1); // the month's contracts need their five columns
    split->setStretchFactor(1, 1);
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
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &i) { openMonth(i.row()); });
    connect(m_monthContracts, &sales::PagedListModel::pageLoaded, this,
            &RevenueForecastPane::showMonthContracts);
    connect(m_monthContracts, &sales::PagedListModel::loadFailed, this, [this](const QString &t) {
        emit message(tr("The contracts of the month could not be loaded: %1").arg(t), true);
    });
    connect(m_contractsView, &QTableView::activated, this, [this](const QModelIndex &i) {
        const QJsonObject c = m_monthContracts->rowObject(i.row());
        emit contractChosen(sales::idText(c.value("contract_id")),
                            QStringLiteral("%1 · %2 — %3")
                                .arg(c.value("number").toString(), c.value("title").toString(),
                                     c.value("client").toString()));
    });
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
    m_contractsBox->hide(); // the months are read again: their contracts with them
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
    // A month the server could not convert is left out of it: say which pairs lack a rate.
    QStringList missing;
    for (const QJsonValue &v : m_forecast->forecast().value("missing_rates").toArray())
        missing << v.toString();
    if (!missing.isEmpty())
        emit message(tr("Left out for want of an exchange rate: %1. Enter the rates on the "
                        "Exchange rates tab.")
                         .arg(missing.join(QStringLiteral(", "))),
                     true);
}

QString RevenueForecastPane::totalsText() const
{
    return m_totals->text();
}

void RevenueForecastPane::openMonth(int row)
{
    const RevenueMonthsModel *m = m_forecast->months();
    if (row < 0 || row >= m->rowCount())
        return;
    m_month = m->months().at(row).period;
    const bool firm = m_scope->currentIndex() == 0;
    m_monthContracts->setPath(
        RevenueApi::forecastContractsPath(m_month, firm ? QString() : m_entity, firm));
    m_contractsTitle->setText(
        tr("<b>%1</b> — the contracts behind the month")
            .arg(m->index(row, RevenueMonthsModel::MonthColumn).data().toString()));
    m_contractsBox->show();
    m_contractsProxy->setFetchEnabled(true);
    m_monthContracts->reload();
}

void RevenueForecastPane::showMonthContracts()
{
    // What the contracts loaded add up to, beside the month's figure: they tie.
    QString total;
    for (int r = 0; r < m_monthContracts->rowCount(); ++r) {
        const QJsonObject c = m_monthContracts->rowObject(r);
        for (const char *k : {"actual", "forecast"})
            total = RevenueMonthsModel::sum(total.isEmpty() ? QStringLiteral("0") : total,
                                            RevenueMonthsModel::decimalOf(c.value(k)));
    }
    const RevenueMonthsModel *m = m_forecast->months();
    const int row = m->rowOfPeriod(m_month);
    const QString currency = m->currency();
    const QString month =
        row < 0 ? m_month : m->index(row, RevenueMonthsModel::MonthColumn).data().toString();
    const QString text =
        m_monthContracts->canFetchMore({})
            ? tr("<b>%1</b> — contracts loaded so far: %2, together %3 %4; scroll for more.")
            : tr("<b>%1</b> — contracts: %2, together <b>%3 %4</b>.");
    m_contractsTitle->setText(text.arg(month, QString::number(m_monthContracts->rowCount()),
                                       currency, StatementsModel::formatAmount(total, currency)));
}

QString RevenueForecastPane::monthContractsText() const
{
    return m_contractsTitle->text();
}

} // namespace keel::finance
