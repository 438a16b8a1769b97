#include "revenue_schedule_pane.h"

#include "finance_widgets.h"
#include "paged_list_model.h"
#include "revenue_api.h"
#include "revenue_months_model.h"
#include "revenue_schedule_model.h"
#include "row_text_proxy.h"
#include "sales_format.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace keel::finance {

namespace {
const QString SettingsKey = QStringLiteral("finance/revenue/");

// Forecast months in a muted blue, actual ones as usual: the line between them is the
// last period recognised.
class ForecastMonthDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(RevenueMonthsModel::ForecastRole).toBool()) {
            option->palette.setColor(QPalette::Text, QColor(0x3B, 0x5B, 0x8C));
            option->font.setItalic(true);
        }
    }
};
} // namespace

RevenueSchedulePane::RevenueSchedulePane(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_contracts(revenueContractsModel(api, this)),
      m_contractsProxy(new RowTextProxy(sales::PagedListModel::ObjectRole, this)),
      m_schedule(new RevenueSchedule(api, this)), m_search(new QLineEdit),
      m_searchDelay(new QTimer(this)), m_contractsView(financeTable("revenueContracts")),
      m_title(sectionLabel(tr("Pick a contract to see its recognition schedule."))),
      m_methods(hintLabel(QString())), m_monthsView(financeTable("revenueSchedule"))
{
    m_search->setObjectName("revenueSearch");
    m_search->setPlaceholderText(tr("Search number, title or client"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    // No page is asked for before the entity is known (the list would be every entity's).
    m_contractsProxy->setSourceModel(m_contracts);
    m_contractsView->setModel(m_contractsProxy);
    setColumnWidths(m_contractsView, {140, 190});

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_contractsView, 1);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(2);
    figure(grid, 0, 0, tr("Contract value"), "transaction_price");
    figure(grid, 0, 1, tr("Recognised to date"), "recognised_to_date");
    figure(grid, 0, 2, tr("Billed to date"), "billed_to_date");
    figure(grid, 0, 3, tr("Contract asset (unbilled)"), "contract_asset");
    figure(grid, 2, 0, tr("Percent complete"), "percent");
    figure(grid, 2, 1, tr("Estimate at completion"), "estimate_at_completion");
    figure(grid, 2, 2, tr("Loss provision"), "loss_provision");
    figure(grid, 2, 3, tr("Contract liability (deferred)"), "contract_liability");
    m_title->setWordWrap(true);

    m_monthsView->setModel(m_schedule->months());
    m_monthsView->setItemDelegate(new ForecastMonthDelegate(m_monthsView));
    setColumnWidths(m_monthsView, {120, 150, 150, 150});
    m_monthsView->setToolTip(tr("Actual months are posted; forecast months (in blue) come from "
                                "the plan and the backlog."));

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_methods);
    rightLayout->addLayout(grid);
    rightLayout->addSpacing(6);
    rightLayout->addWidget(m_monthsView, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({440, 760}); // number, title and client readable side by side
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(split);

    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_contractsView, &QTableView::activated, this,
            [this](const QModelIndex &i) { openContract(i.row()); });
    connect(m_contractsView, &QTableView::clicked, this,
            [this](const QModelIndex &i) { openContract(i.row()); });
    connect(m_contracts, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        emit message(tr("The contracts could not be loaded: %1").arg(text), true);
    });
    connect(m_schedule, &RevenueSchedule::loaded, this, &RevenueSchedulePane::showSchedule);
    connect(m_schedule, &RevenueSchedule::loadFailed, this, [this](const QString &text) {
        showSchedule();
        if (m_restoring) { // the contract looked at last is gone: start afresh, quietly
            m_restoring = false;
            m_title->setText(tr("Pick a contract to see its recognition schedule."));
            return;
        }
        emit message(tr("The schedule could not be loaded: %1").arg(text), true);
    });
    connect(m_schedule, &RevenueSchedule::loaded, this, [this] { m_restoring = false; });
}

QLabel *RevenueSchedulePane::figure(QGridLayout *grid, int row, int column, const QString &title,
                                    const QString &key)
{
    auto *caption = new QLabel(title);
    caption->setStyleSheet(QStringLiteral("color:#5d6878; font-size:9pt;"));
    caption->setWordWrap(true); // long captions (German) must not widen the window
    auto *value = new QLabel(QStringLiteral("—"));
    value->setObjectName(QStringLiteral("revenueFigure_") + key);
    value->setProperty("figureKey", key);
    value->setStyleSheet(QStringLiteral("color:#13294B; font-size:11pt; font-weight:600;"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(caption, row, column);
    grid->addWidget(value, row + 1, column);
    m_figures.append(value);
    return value;
}

void RevenueSchedulePane::setEntity(const QString &entityId)
{
    m_contracts->setFilter(QStringLiteral("legal_entity_id"), entityId);
    m_contractsProxy->setFetchEnabled(true);
    m_contracts->reload();
    m_schedule->clear();
    showSchedule();
    m_title->setText(tr("Pick a contract to see its recognition schedule."));
    // The contract looked at last in this entity comes back (screenshots ask for one so).
    const QSettings settings;
    if (settings.value(SettingsKey + "entity").toString() == entityId &&
        !settings.value(SettingsKey + "contract").toString().isEmpty()) {
        m_title->setText(settings.value(SettingsKey + "title").toString());
        m_restoring = true;
        m_schedule->load(settings.value(SettingsKey + "contract").toString());
    }
}

void RevenueSchedulePane::search(const QString &text)
{
    m_search->setText(text);
    m_contracts->setFilter(QStringLiteral("q"), text.trimmed());
    m_contracts->reload();
}

void RevenueSchedulePane::openContract(int row)
{
    const QJsonObject c = m_contracts->rowObject(row);
    openContractById(sales::idText(c.value("id")),
                     QStringLiteral("%1 · %2 — %3")
                         .arg(c.value("number").toString(), c.value("title").toString(),
                              c.value("account_name").toString()),
                     sales::idText(c.value("legal_entity_id")));
}

void RevenueSchedulePane::openContractById(const QString &id, const QString &title,
                                           const QString &entityId)
{
    if (id.isEmpty() || (id == m_schedule->contractId() && m_schedule->isLoading()))
        return;
    m_title->setText(title);
    m_restoring = false;
    m_schedule->load(id);
    QSettings settings;
    settings.setValue(SettingsKey + "entity", entityId);
    settings.setValue(SettingsKey + "contract", id);
    settings.setValue(SettingsKey + "title", title);
}

void RevenueSchedulePane::reloadSchedule()
{
    if (!m_schedule->contractId().isEmpty())
        m_schedule->load(m_schedule->contractId());
}

void RevenueSchedulePane::showSchedule()
{
    for (QLabel *l : std::as_const(m_figures)) {
        const QString key = l->property("figureKey").toString();
        const QString text = key == QLatin1String("percent") ? m_schedule->percentCompleteText()
                                                             : m_schedule->figureText(key);
        l->setText(text.isEmpty() ? QStringLiteral("—") : text);
    }
    const QString methods = m_schedule->methodsText();
    m_methods->setText(methods.isEmpty() ? QString() : tr("Recognised by: %1").arg(methods));
}

QString RevenueSchedulePane::figureShown(const QString &key) const
{
    for (QLabel *l : m_figures)
        if (l->property("figureKey").toString() == key)
            return l->text();
    return {};
}

} // namespace keel::finance
