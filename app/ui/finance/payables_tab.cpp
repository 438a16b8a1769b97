#include "payables_tab.h"

#include "aging_model.h"
#include "api_reply.h"
#include "cash_dialog.h"
#include "finance_api.h"
#include "finance_lists.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "problem_text.h"
#include "row_text_proxy.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"
#include "vendor_bill_dialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
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
      m_agingView(financeTable("apAgingView")), m_pay(new QPushButton(tr("Record payment…"))),
      m_newBill(new QPushButton(tr("New vendor bill…"))),
      m_editBill(new QPushButton(tr("Edit draft…"))), m_submitBill(new QPushButton(tr("Submit"))),
      m_approveBill(new QPushButton(tr("Approve"))), m_rejectBill(new QPushButton(tr("Reject…")))
{
    setObjectName("payablesTab");
    m_status->setObjectName("billStatus");
    m_status->addItem(tr("Open (approved, partly paid)"), QStringLiteral("open"));
    m_status->addItem(tr("Approved, unpaid"), QStringLiteral("approved"));
    m_status->addItem(tr("Partly paid"), QStringLiteral("partially_paid"));
    m_status->addItem(tr("Paid"), QStringLiteral("paid"));
    m_status->addItem(tr("Draft"), QStringLiteral("draft"));
    m_status->addItem(tr("Submitted"), QStringLiteral("submitted"));
    m_status->addItem(tr("Rejected"), QStringLiteral("rejected"));
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
    bar->addWidget(m_editBill);
    bar->addWidget(m_submitBill);
    bar->addWidget(m_rejectBill);
    bar->addWidget(m_approveBill);
    bar->addWidget(m_newBill);
    bar->addWidget(m_pay);
    keepTextWidth(
        {refreshButton, m_editBill, m_submitBill, m_rejectBill, m_approveBill, m_newBill, m_pay});
    m_newBill->setObjectName("newVendorBill");
    m_editBill->setObjectName("editVendorBill");
    m_submitBill->setObjectName("submitVendorBill");
    m_approveBill->setObjectName("approveVendorBill");
    m_rejectBill->setObjectName("rejectVendorBill");
    for (QPushButton *b : {m_newBill, m_editBill, m_submitBill, m_approveBill, m_rejectBill})
        b->setVisible(false); // until setBillEntry says the user enters bills

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
    connect(m_newBill, &QPushButton::clicked, this, &PayablesTab::newBill);
    connect(m_editBill, &QPushButton::clicked, this, &PayablesTab::editBill);
    connect(m_submitBill, &QPushButton::clicked, this, &PayablesTab::submitBill);
    connect(m_approveBill, &QPushButton::clicked, this,
            [this] { decideBill(QStringLiteral("approve")); });
    connect(m_rejectBill, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString why =
            QInputDialog::getText(this, tr("Reject vendor bill"),
                                  tr("Why is the bill rejected? Whoever entered it reads this."),
                                  QLineEdit::Normal, QString(), &ok);
        if (ok && !why.trimmed().isEmpty())
            decideBill(QStringLiteral("reject"), why.trimmed());
    });
    connect(m_billsView, &QTableView::activated, this, [this] {
        if (m_canManage && selectedBill().value("status").toString() == QLatin1String("draft"))
            editBill();
    });
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
    const QJsonObject bill = selectedBill();
    const QString status = bill.value("status").toString();
    m_newBill->setVisible(m_canManage);
    m_editBill->setVisible(m_canManage && status == QLatin1String("draft"));
    m_submitBill->setVisible(
        m_canManage && (status == QLatin1String("draft") || status == QLatin1String("rejected")));
    const bool submitted = m_canManage && status == QLatin1String("submitted");
    m_approveBill->setVisible(submitted);
    m_rejectBill->setVisible(submitted);
    // The step the selected bill waits for is the prominent button.
    const bool draft = m_submitBill->isVisibleTo(this);
    m_approveBill->setDefault(submitted);
    m_submitBill->setDefault(draft && !submitted);
    m_pay->setDefault(!submitted && !draft);
    // The server refuses the bill's own creator; say so before they try. The list leaves out
    // who entered a bill: the bill itself says, asked once per submitted bill selected.
    const QString id = sales::idText(bill.value("id"));
    if (submitted && !m_creators.contains(id)) {
        m_creators.insert(id, QString());
        ApiReply *r = FinanceApi(m_api).vendorBill(id);
        connect(r, &ApiReply::finished, this, [this, r, id] {
            if (r->ok())
                m_creators.insert(id, sales::idText(r->object().value("created_by")));
            updateActions();
        });
    }
    const bool own = m_creators.value(id) == QString::number(m_userId);
    m_approveBill->setEnabled(!own);
    m_rejectBill->setEnabled(!own);
    const QString why =
        own ? tr("You entered this bill: someone else approves or rejects it.") : QString();
    m_approveBill->setToolTip(why);
    m_rejectBill->setToolTip(why);
}

void PayablesTab::setBillEntry(bool canManage, qint64 userId)
{
    m_canManage = canManage;
    m_userId = userId;
    updateActions();
}

QJsonObject PayablesTab::selectedBill() const
{
    const QModelIndex b = m_billsView->currentIndex();
    return b.isValid() ? m_bills->rowObject(b.row()) : QJsonObject();
}

void PayablesTab::showStatus(const QString &status)
{
    const int i = m_status->findData(status);
    if (i >= 0)
        m_status->setCurrentIndex(i);
    refresh();
}

void PayablesTab::newBill()
{
    const LegalEntity entity = m_scope->entity();
    auto *dialog = new VendorBillDialog(m_api, entity.code, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VendorBillDialog::saved, this, [this](const QJsonObject &bill) {
        billSaved(bill, bill.value("status").toString() == QLatin1String("submitted")
                            ? tr("Bill %1 entered and submitted for approval.")
                            : tr("Bill %1 saved as a draft."));
    });
    dialog->open();
}

void PayablesTab::editBill()
{
    const QJsonObject bill = selectedBill();
    if (bill.value("status").toString() != QLatin1String("draft"))
        return;
    auto *dialog =
        new VendorBillDialog(m_api, m_scope->entity().code, sales::idText(bill.value("id")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VendorBillDialog::saved, this, [this](const QJsonObject &saved) {
        billSaved(saved, saved.value("status").toString() == QLatin1String("submitted")
                             ? tr("Bill %1 submitted for approval.")
                             : tr("Bill %1 saved."));
    });
    dialog->open();
}

void PayablesTab::billSaved(const QJsonObject &bill, const QString &text)
{
    emit billChanged(bill);
    showStatus(bill.value("status").toString());
    showMessage(text.arg(bill.value("vendor_ref").toString()), false);
}

void PayablesTab::submitBill()
{
    const QJsonObject bill = selectedBill();
    if (bill.isEmpty())
        return;
    ApiReply *r = FinanceApi(m_api).submitVendorBill(sales::idText(bill.value("id")),
                                                     bill.value("version").toInt());
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            showMessage(tr("The bill was not submitted: %1").arg(humanMessage(r->problem())), true);
            return;
        }
        billSaved(r->object(), tr("Bill %1 submitted for approval."));
    });
}

void PayablesTab::decideBill(const QString &decision, const QString &comment)
{
    const QJsonObject bill = selectedBill();
    if (bill.isEmpty())
        return;
    ApiReply *r = FinanceApi(m_api).decideVendorBill(sales::idText(bill.value("id")), decision,
                                                     comment, bill.value("version").toInt());
    connect(r, &ApiReply::finished, this, [this, r, decision] {
        if (!r->ok()) {
            showMessage(decision == QLatin1String("approve")
                            ? tr("The bill was not approved: %1").arg(humanMessage(r->problem()))
                            : tr("The bill was not rejected: %1").arg(humanMessage(r->problem())),
                        true);
            return;
        }
        const QJsonObject b = r->object();
        emit billChanged(b);
        // An approved bill is open for payment: show it where it is paid from.
        showStatus(decision == QLatin1String("approve") ? QStringLiteral("open")
                                                        : QStringLiteral("rejected"));
        showMessage(decision == QLatin1String("approve")
                        ? tr("Bill %1 approved: it is open for payment.")
                              .arg(b.value("vendor_ref").toString())
                        : tr("Bill %1 rejected.").arg(b.value("vendor_ref").toString()),
                    false);
    });
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
