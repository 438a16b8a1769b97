#include "invoices_panel.h"

#include "invoice_flags.h"
#include "permissions.h"

#include "billing_format.h"
#include "client_directory.h"
#include "invoice_detail_pane.h"
#include "invoice_list_model.h"
#include "permissions.h"
#include "session.h"
#include "timeapproval/list_style.h"
#include "timeapproval/row_highlight_delegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace keel::billing {

InvoicesPanel::InvoicesPanel(Session *session, ClientDirectory *directory, QWidget *parent)
    : QWidget(parent), m_session(session), m_directory(directory),
      m_model(new InvoiceListModel(session->api(), this)), m_status(new QComboBox),
      m_kind(new QComboBox), m_client(new QComboBox), m_search(new QLineEdit),
      m_searchDelay(new QTimer(this)), m_runChip(new QLabel), m_clearRun(new QPushButton),
      m_view(new QTableView), m_detail(new InvoiceDetailPane(session)),
      m_split(new QSplitter(Qt::Vertical)), m_summary(new QLabel), m_message(new QLabel),
      m_empty(new QLabel), m_tickAll(new QPushButton), m_approve(new QPushButton),
      m_issue(new QPushButton)
{
    setObjectName("invoicesPanel");
    m_status->setObjectName("statusFilter");
    m_status->addItem(tr("Drafts"), QStringLiteral("draft"));
    m_status->addItem(tr("Approved"), QStringLiteral("approved"));
    m_status->addItem(tr("Issued"), QStringLiteral("issued"));
    m_status->addItem(tr("Partially paid"), QStringLiteral("partially_paid"));
    m_status->addItem(tr("Paid"), QStringLiteral("paid"));
    m_status->addItem(tr("Voided"), QStringLiteral("voided"));
    m_status->addItem(tr("Cancelled"), QStringLiteral("cancelled"));
    m_status->addItem(tr("Any status"), QString());
    m_kind->setObjectName("kindFilter");
    m_kind->addItem(tr("Invoices and credit notes"), QString());
    m_kind->addItem(tr("Invoices"), QStringLiteral("invoice"));
    m_kind->addItem(tr("Credit notes"), QStringLiteral("credit_note"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_client->setObjectName("clientFilter");
    m_client->setMinimumWidth(190);
    m_client->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search->setObjectName("invoiceSearch");
    m_search->setPlaceholderText(tr("Search number or client"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(230);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(350);
    m_runChip->setObjectName("runChip");
    m_runChip->setStyleSheet(QStringLiteral("background:#E3F5F3; border-radius:10px; "
                                            "padding:3px 10px; color:#0F5E57;"));
    m_clearRun->setObjectName("clearRunButton");
    m_clearRun->setText(tr("All invoices"));
    m_clearRun->setToolTip(tr("Leave the run and filter all invoices."));
    m_runChip->hide();
    m_clearRun->hide();

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_runChip);
    filters->addWidget(m_clearRun);
    m_statusLabel = new QLabel(tr("Status"));
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addWidget(m_kind);
    filters->addSpacing(6);
    filters->addWidget(new QLabel(tr("Client")));
    filters->addWidget(m_client);
    filters->addSpacing(6);
    filters->addWidget(m_search);
    filters->addStretch(1);
    m_tickAll->setObjectName("tickAllButton");
    m_tickAll->setText(tr("Tick all loaded"));
    filters->addWidget(m_tickAll);

    m_view->setModel(m_model);
    timeapproval::styleListView(m_view);
    m_view->setObjectName("invoiceGrid");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->installEventFilter(this);
    // Rows whose bulk action failed: a red wash; the reason is in the Result column.
    m_view->setItemDelegate(new timeapproval::RowHighlightDelegate(
        InvoiceListModel::FailedRole, QColor(0xFD, 0xEC, 0xEA), QColor(), m_view));
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(InvoiceListModel::ClientColumn, QHeaderView::Stretch);
    h->resizeSection(InvoiceListModel::CheckColumn, 32);
    h->resizeSection(InvoiceListModel::NumberColumn, 140);
    h->resizeSection(InvoiceListModel::ContractColumn, 145);
    h->resizeSection(InvoiceListModel::PeriodColumn, 110);
    h->resizeSection(InvoiceListModel::DateColumn, 95);
    h->resizeSection(InvoiceListModel::StatusColumn, 145);
    h->resizeSection(InvoiceListModel::SubtotalColumn, 115);
    h->resizeSection(InvoiceListModel::TaxColumn, 105);
    h->resizeSection(InvoiceListModel::TotalColumn, 125);
    h->resizeSection(InvoiceListModel::ResultColumn, 100);

    m_empty->setObjectName("emptyState");
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *gridHolder = new QWidget;
    auto *gridStack = new QStackedLayout(gridHolder);
    gridStack->addWidget(m_view);
    gridStack->addWidget(m_empty);

    m_split->setObjectName("invoiceSplit");
    m_split->addWidget(gridHolder);
    m_split->addWidget(m_detail);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({300, 460}); // the grid shows about seven invoices
    m_split->setChildrenCollapsible(false);

    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_summary->setObjectName("selectionSummary");
    m_approve->setObjectName("bulkApproveButton");
    m_approve->setText(tr("Approve ticked"));
    m_issue->setObjectName("bulkIssueButton");
    m_issue->setText(tr("Issue ticked"));
    m_issue->setToolTip(tr("Issues the ticked approved invoices: numbers, postings, frozen."));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_summary, 1);
    actions->addWidget(m_approve);
    actions->addWidget(m_issue);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_split, 1);
    layout->addLayout(actions);

    connect(m_status, &QComboBox::activated, this, &InvoicesPanel::applyFilters);
    connect(m_client, &QComboBox::activated, this, &InvoicesPanel::applyFilters);
    connect(m_kind, &QComboBox::activated, this,
            [this] { setKindFilter(m_kind->currentData().toString()); });
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &InvoicesPanel::applyFilters);
    connect(m_clearRun, &QPushButton::clicked, this, [this] { showRun(QString()); });
    connect(m_directory, &ClientDirectory::changed, this, &InvoicesPanel::fillClients);
    connect(m_tickAll, &QPushButton::clicked, this, [this] {
        const bool all = m_model->rowCount() > 0 && m_model->checkedCount() == m_model->rowCount();
        if (all) {
            m_model->clearChecks();
            return;
        }
        QList<int> rows;
        for (int r = 0; r < m_model->rowCount(); ++r)
            rows.append(r);
        m_model->setCheckedRows(rows, true);
    });
    connect(m_approve, &QPushButton::clicked, this, &InvoicesPanel::approveTicked);
    connect(m_issue, &QPushButton::clicked, this, &InvoicesPanel::issueTicked);
    connect(m_model, &InvoiceListModel::checkedChanged, this, &InvoicesPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateSummary();
        m_detail->showInvoice(QString());
        // The drafts the insights flagged (nothing without insights.use or a trained model).
        if (m_flags)
            m_flags->fetchFlagged(m_entity);
    });
    if (session->hasPermission(QLatin1String(Permission::InsightsUse))) {
        m_flags = new insights::InvoiceFlagsFetch(session->api(), this);
        connect(m_flags, &insights::InvoiceFlagsFetch::flaggedLoaded, m_model,
                &InvoiceListModel::setInsightFlags);
    }
    connect(m_model, &InvoiceListModel::pageLoaded, this, [this, gridStack] {
        // Learn client and contract names from the page just added.
        QList<QJsonObject> seen;
        const int from = std::max(0, m_model->rowCount() - m_model->pageSize());
        for (int r = from; r < m_model->rowCount(); ++r)
            seen.append(m_model->invoice(r));
        m_directory->learnAll(seen);
        updateSummary();
        const bool empty = m_model->rowCount() == 0;
        m_empty->setText(!m_model->lastError().isEmpty()
                             ? m_model->lastError()
                             : (m_runId.isEmpty()
                                    ? tr("No invoices match these filters.")
                                    : tr("This run made no invoices, or they were all held.")));
        gridStack->setCurrentIndex(empty ? 1 : 0);
        if (!empty && !m_view->selectionModel()->hasSelection())
            m_view->selectRow(0);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_detail->showInvoice(current.isValid() ? m_model->idAt(current.row()) : QString());
            });
    connect(m_detail, &InvoiceDetailPane::invoiceChanged, this,
            [this](const QString &id) { m_model->refreshRows({id}); });
    connect(m_model, &InvoiceListModel::bulkFinished, this,
            [this](const QString &action, int ok, int failed) {
                const bool approve = action == QLatin1String("approve");
                QString text = approve ? (ok == 1 ? tr("1 invoice sent for approval.")
                                                  : tr("%1 invoices sent for approval.").arg(ok))
                                       : (ok == 1 ? tr("1 invoice issued.")
                                                  : tr("%1 invoices issued.").arg(ok));
                if (failed > 0)
                    text += u' ' + (failed == 1
                                        ? tr("1 was refused; its row says why and stays ticked.")
                                        : tr("%1 were refused; their rows say why and stay "
                                             "ticked.")
                                              .arg(failed));
                showMessage(text, failed > 0 && ok == 0);
                updateSummary();
                const QString current = m_model->idAt(m_view->currentIndex().row());
                if (!current.isEmpty())
                    m_detail->showInvoice(current);
            });
    connect(m_model, &InvoiceListModel::bulkFailed, this, [this](const QString &text) {
        showMessage(text, true);
        updateSummary();
    });
    updateSummary();
}

void InvoicesPanel::setLegalEntity(const QString &id)
{
    if (id == m_entity)
        return;
    m_entity = id;
    m_runId.clear();
    m_client->setCurrentIndex(0);
    applyFilters();
}

void InvoicesPanel::showRun(const QString &runId)
{
    m_runId = runId;
    m_runChip->setText(tr("Billing run #%1").arg(runId));
    m_runChip->setVisible(!runId.isEmpty());
    m_clearRun->setVisible(!runId.isEmpty());
    // A run's invoices are shown whatever their status: drafts, held-empty, approved since.
    m_status->setVisible(runId.isEmpty());
    m_statusLabel->setVisible(runId.isEmpty());
    applyFilters();
}

void InvoicesPanel::setStatusFilter(const QString &status)
{
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
    applyFilters();
}

void InvoicesPanel::setClientFilter(const QString &accountId)
{
    m_client->setCurrentIndex(std::max(0, m_client->findData(accountId)));
    applyFilters();
}

void InvoicesPanel::setKindFilter(const QString &kind)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    if (kind == QLatin1String("credit_note"))
        m_status->setCurrentIndex(std::max(0, m_status->findData(QString())));
    applyFilters();
}

void InvoicesPanel::setSearch(const QString &text)
{
    m_search->setText(text);
    applyFilters();
}

void InvoicesPanel::reload()
{
    m_model->reload();
}

void InvoicesPanel::applyFilters()
{
    m_searchDelay->stop();
    m_model->clearFilters();
    m_model->setFilter(QStringLiteral("legal_entity_id"), m_entity);
    m_model->setFilter(QStringLiteral("billing_run_id"), m_runId);
    if (m_runId.isEmpty())
        m_model->setFilter(QStringLiteral("status"), m_status->currentData().toString());
    m_model->setFilter(QStringLiteral("account_id"), m_client->currentData().toString());
    m_model->setFilter(QStringLiteral("kind"), m_kind->currentData().toString());
    m_model->setFilter(QStringLiteral("q"), m_search->text().trimmed());
    m_message->hide();
    if (!m_entity.isEmpty())
        m_model->reload();
}

void InvoicesPanel::fillClients()
{
    const QString current = m_client->currentData().toString();
    m_client->clear();
    m_client->addItem(tr("All clients"), QString());
    for (const auto &c : m_directory->clients())
        m_client->addItem(c.name, c.id);
    m_client->setCurrentIndex(std::max(0, m_client->findData(current)));
}

void InvoicesPanel::approveTicked()
{
    bulk(QStringLiteral("approve"));
}

void InvoicesPanel::issueTicked()
{
    bulk(QStringLiteral("issue"));
}

void InvoicesPanel::bulk(const QString &action)
{
    m_approve->setEnabled(false);
    m_issue->setEnabled(false);
    showMessage(action == QLatin1String("approve") ? tr("Approving…") : tr("Issuing…"), false);
    m_model->bulk(action);
}

void InvoicesPanel::toggleSelectedRows()
{
    QList<int> rows;
    bool allTicked = true;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        rows.append(i.row());
        allTicked = allTicked && m_model->isChecked(i.row());
    }
    m_model->setCheckedRows(rows, !allTicked);
}

// Net, tax, period and date give way in a narrow window (the detail below shows them); the
// total, the status and the outcome stay.
void InvoicesPanel::fitColumns()
{
    const bool narrow = m_view->viewport()->width() < 1150;
    for (int c : {InvoiceListModel::PeriodColumn, InvoiceListModel::DateColumn,
                  InvoiceListModel::SubtotalColumn, InvoiceListModel::TaxColumn})
        m_view->setColumnHidden(c, narrow);
}

bool InvoicesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        fitColumns();
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space) {
        toggleSelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString InvoicesPanel::message() const
{
    return m_message->text();
}

QString InvoicesPanel::summaryText() const
{
    return m_summary->text();
}

void InvoicesPanel::updateSummary()
{
    const int n = m_model->checkedCount();
    const QString loaded =
        m_model->allLoaded()
            ? (m_model->rowCount() == 1 ? tr("1 invoice")
                                        : tr("%1 invoices").arg(m_model->rowCount()))
            : tr("%1+ invoices (more load as you scroll)").arg(m_model->rowCount());
    m_summary->setText(
        n == 0 ? tr("%1 · none ticked").arg(loaded)
               : tr("%1 · %2 ticked, %3").arg(loaded).arg(n).arg(m_model->checkedTotalText()));
    const bool manage = m_session->hasPermission(QLatin1String(Permission::BillingManage));
    m_approve->setEnabled(manage && n > 0 && !m_model->isBusy());
    m_issue->setEnabled(manage && n > 0 && !m_model->isBusy());
    m_tickAll->setText(m_model->rowCount() > 0 && n == m_model->rowCount() ? tr("Untick all")
                                                                           : tr("Tick all loaded"));
}

void InvoicesPanel::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

} // namespace keel::billing
