#include "payables_tab.h"

#include "aging_model.h"
#include "cash_dialog.h"
#include "finance_api.h"
#include "finance_lists.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "row_text_proxy.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

QString statusWords(const QString &status)
{
    if (status == QLatin1String("draft"))
        return PayablesTab::tr("Draft");
    if (status == QLatin1String("submitted"))
        return PayablesTab::tr("Submitted");
    if (status == QLatin1String("approved"))
        return PayablesTab::tr("Approved, unpaid");
    if (status == QLatin1String("rejected"))
        return PayablesTab::tr("Rejected");
    if (status == QLatin1String("partially_paid"))
        return PayablesTab::tr("Partly paid");
    if (status == QLatin1String("paid"))
        return PayablesTab::tr("Paid");
    if (status == QLatin1String("unmatched"))
        return PayablesTab::tr("To reconcile");
    if (status == QLatin1String("matched"))
        return PayablesTab::tr("Matched");
    if (status == QLatin1String("ignored"))
        return PayablesTab::tr("Ignored");
    return status;
}

PayablesTab::PayablesTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent)
    : FinanceTab(scope, parent), m_api(api), m_bills(vendorBillsModel(api, this)),
      m_billsProxy(new RowTextProxy(sales::PagedListModel::ObjectRole, this)),
      m_aging(new AgingModel(api, AgingModel::Side::Payables, this)), m_status(new QComboBox),
      m_asOf(dateField(QDate::currentDate(), "apAsOf")), m_billsView(financeTable("billsView")),
      m_agingView(financeTable("apAgingView")), m_pay(new QPushButton(tr("Record payment…")))
{
    setObjectName("payablesTab");
    m_status->setObjectName("billStatus");
    m_status->addItem(tr("Open (approved, partly paid)"), QStringLiteral("open"));
    m_status->addItem(tr("Approved, unpaid"), QStringLiteral("approved"));
    m_status->addItem(tr("Partly paid"), QStringLiteral("partially_paid"));
    m_status->addItem(tr("Paid"), QStringLiteral("paid"));
    m_status->addItem(tr("All"), QString());
    m_pay->setObjectName("recordPayment");
    m_pay->setProperty("primary", true);
    m_pay->setDefault(true);
    m_pay->setVisible(canWrite);
    auto *refreshButton = new QPushButton(tr("Refresh"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(new QLabel(tr("Bills")));
    bar->addWidget(m_status);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Aged at")));
    bar->addWidget(m_asOf);
    bar->addStretch(1);
    bar->addWidget(refreshButton);
    bar->addWidget(m_pay);
    keepTextWidth({refreshButton, m_pay});

    m_billsProxy->setSourceModel(m_bills);
    m_billsProxy->setColumnText(
        4, [](const QJsonObject &row) { return statusWords(row.value("status").toString()); });
    m_billsView->setModel(m_billsProxy);
    setColumnWidths(m_billsView, {140, 185, 105, 105, 140, 120});

    m_agingView->setModel(m_aging);
    m_agingView->setItemDelegate(new TotalRowDelegate(AgingModel::TotalRowRole, m_agingView));
    m_agingView->setColumnHidden(AgingModel::UnappliedColumn, true); // vendors have none
    QHeaderView *ah = m_agingView->horizontalHeader();
    ah->setStretchLastSection(false);
    ah->setSectionResizeMode(AgingModel::PartyColumn, QHeaderView::Stretch);
    for (int c = AgingModel::CurrentColumn; c < AgingModel::ColumnCount; ++c)
        ah->resizeSection(c, 96);
    m_agingView->setToolTip(tr("Double-click a vendor to list only their bills."));

    auto *agingBox = new QWidget;
    auto *agingLayout = new QVBoxLayout(agingBox);
    agingLayout->setContentsMargins(0, 8, 0, 0);
    agingLayout->addWidget(sectionLabel(tr("Payables aging")));
    agingLayout->addWidget(m_agingView, 1);
    QSplitter *split = verticalSplit(m_billsView, agingBox);

    setContent(bar, split);

    connect(refreshButton, &QPushButton::clicked, this, &PayablesTab::refresh);
    connect(m_status, &QComboBox::activated, this, &PayablesTab::refresh);
    connect(m_asOf, &QDateEdit::editingFinished, this, &PayablesTab::refresh);
    connect(m_bills, &sales::PagedListModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The bills could not be loaded: %1").arg(text), true);
    });
    // Say so when there is nothing, rather than leave two empty grids.
    connect(m_bills, &sales::PagedListModel::pageLoaded, this, [this] {
        if (m_bills->lastError().isEmpty() && m_bills->rowCount() == 0)
            showMessage(tr("No bills with this status for this entity."), false);
        else if (!m_billsView->currentIndex().isValid() && m_bills->rowCount() > 0)
            m_billsView->setCurrentIndex(m_billsProxy->index(0, 0)); // ready to pay
    });
    connect(m_aging, &AgingModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The payables aging could not be loaded: %1").arg(text), true);
    });
    connect(m_agingView, &QTableView::activated, this, [this](const QModelIndex &i) {
        m_bills->setFilter(QStringLiteral("vendor_id"), i.data(AgingModel::PartyIdRole).toString());
        m_bills->reload();
    });
    connect(m_billsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PayablesTab::updateActions);
    connect(m_agingView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PayablesTab::updateActions);
    connect(m_pay, &QPushButton::clicked, this, &PayablesTab::recordPayment);
    updateActions();
}

void PayablesTab::refresh()
{
    if (!beginRefresh())
        return;
    m_bills->setPath(QStringLiteral("/api/v1/payables/bills"));
    m_billsProxy->setFetchEnabled(true);
    m_bills->setFilter(QStringLiteral("legal_entity_id"), m_scope->entityId());
    m_bills->setFilter(QStringLiteral("status"), m_status->currentData().toString());
    m_bills->setFilter(QStringLiteral("vendor_id"), QString());
    m_bills->reload();
    m_aging->load(m_scope->entityId(), m_asOf->date());
}

QString PayablesTab::selectedVendorId() const
{
    if (m_agingView->hasFocus() || !m_billsView->currentIndex().isValid()) {
        const QModelIndex a = m_agingView->currentIndex();
        if (a.isValid() && !a.data(AgingModel::PartyIdRole).toString().isEmpty())
            return a.data(AgingModel::PartyIdRole).toString();
    }
    const QModelIndex b = m_billsView->currentIndex();
    return b.isValid() ? sales::idText(m_bills->rowObject(b.row()).value("vendor_id")) : QString();
}

void PayablesTab::updateActions()
{
    const bool vendor = !selectedVendorId().isEmpty();
    m_pay->setEnabled(vendor);
    m_pay->setToolTip(vendor ? tr("Pay open bills of this vendor.")
                             : tr("Select a bill or a vendor first."));
}

void PayablesTab::recordPayment()
{
    const QString vendor = selectedVendorId();
    if (vendor.isEmpty())
        return;
    QString name = m_aging->partyName(m_aging->rowOfParty(vendor));
    if (name.isEmpty() && m_billsView->currentIndex().isValid())
        name =
            m_bills->rowObject(m_billsView->currentIndex().row()).value("vendor_name").toString();
    auto *dialog =
        new CashDialog(m_api, CashDialog::Kind::Payment, m_scope->entityId(), vendor, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CashDialog::recorded, this, [this](const QJsonObject &) {
        refresh();
        showMessage(tr("Payment recorded."), false);
    });
    dialog->open();
}

} // namespace keel::finance
