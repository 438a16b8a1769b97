#include "receivables_tab.h"

#include "aging_model.h"
#include "api_reply.h"
#include "cash_dialog.h"
#include "collection_note_dialog.h"
#include "finance_api.h"
#include "finance_scope.h"
#include "finance_widgets.h"
#include "json_array_model.h"
#include "problem_text.h"
#include "sales_format.h"
#include "statement_dialog.h"
#include "timeapproval/list_style.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

ReceivablesTab::ReceivablesTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent)
    : FinanceTab(scope, parent), m_api(api), m_canWrite(canWrite),
      m_aging(new AgingModel(api, AgingModel::Side::Receivables, this)),
      m_invoices(new delivery::JsonArrayModel(
          {{"number", QT_TRANSLATE_NOOP("keel::finance::Columns", "Invoice"), F::Text, {}},
           {"invoice_date", QT_TRANSLATE_NOOP("keel::finance::Columns", "Date"), F::Date, {}},
           {"due_date", QT_TRANSLATE_NOOP("keel::finance::Columns", "Due"), F::Date, {}},
           {"days_past_due",
            QT_TRANSLATE_NOOP("keel::finance::Columns", "Days late"),
            F::Count,
            {}},
           {"total", QT_TRANSLATE_NOOP("keel::finance::Columns", "Total"), F::Money, {}},
           {"balance", QT_TRANSLATE_NOOP("keel::finance::Columns", "Open"), F::Money, {}},
           {"dunning_level", QT_TRANSLATE_NOOP("keel::finance::Columns", "Dunning"), F::Count, {}},
           {"last_dunned_on",
            QT_TRANSLATE_NOOP("keel::finance::Columns", "Last reminder"),
            F::Date,
            {}}},
          "keel::finance::Columns", this)),
      m_asOf(dateField(QDate::currentDate(), "agingAsOf")), m_dso(new QLabel),
      m_agingView(financeTable("agingView")), m_invoicesView(financeTable("agingInvoices")),
      m_invoicesTitle(sectionLabel(QString())), m_receipt(new QPushButton(tr("Record receipt…"))),
      m_statement(new QPushButton(tr("Statement…"))),
      m_note(new QPushButton(tr("Collection note…"))),
      m_applyCash(new QPushButton(tr("Apply unapplied cash…")))
{
    setObjectName("receivablesTab");
    m_dso->setObjectName("dsoFigure");
    m_dso->setTextFormat(Qt::RichText);
    m_receipt->setObjectName("recordReceipt");
    m_receipt->setProperty("primary", true);
    m_receipt->setDefault(true); // the style sheet paints the default button as the primary
    m_statement->setObjectName("clientStatement");
    m_note->setObjectName("collectionNote");
    m_receipt->setVisible(canWrite);
    m_note->setVisible(canWrite);
    m_applyCash->setObjectName("applyUnapplied");
    m_applyCash->setVisible(canWrite);
    auto *refreshButton = new QPushButton(tr("Refresh"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(new QLabel(tr("Aged at")));
    bar->addWidget(m_asOf);
    bar->addSpacing(16);
    bar->addWidget(m_dso);
    bar->addStretch(1);
    bar->addWidget(refreshButton);
    bar->addWidget(m_statement);
    bar->addWidget(m_receipt);
    keepTextWidth({refreshButton, m_statement, m_receipt});

    m_agingView->setModel(m_aging);
    m_agingView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_agingView->setItemDelegate(new TotalRowDelegate(AgingModel::TotalRowRole, m_agingView));
    QHeaderView *h = m_agingView->horizontalHeader();
    // Amounts as wide as they need, the client's name takes the rest: no sideways scrolling.
    h->setStretchLastSection(false);
    h->setSectionResizeMode(AgingModel::PartyColumn, QHeaderView::Stretch);
    for (int c = AgingModel::CurrentColumn; c < AgingModel::ColumnCount; ++c)
        h->resizeSection(c, 96);
    m_agingView->setToolTip(tr("Double-click an amount for the invoices behind it."));

    m_invoicesView->setModel(m_invoices);
    setColumnWidths(m_invoicesView, {170, 105, 105, 80, 120, 120, 90});

    auto *invoicesBox = new QWidget;
    auto *invoicesLayout = new QVBoxLayout(invoicesBox);
    invoicesLayout->setContentsMargins(0, 8, 0, 0);
    auto *invoicesHead = new QHBoxLayout;
    invoicesHead->addWidget(m_invoicesTitle, 1);
    invoicesHead->addWidget(m_applyCash);
    invoicesHead->addWidget(m_note);
    invoicesLayout->addLayout(invoicesHead);
    invoicesLayout->addWidget(m_invoicesView, 1);
    m_invoicesTitle->setText(tr("Double-click an amount above to see its invoices."));

    QSplitter *split = verticalSplit(m_agingView, invoicesBox);

    setContent(bar, split);

    connect(refreshButton, &QPushButton::clicked, this, &ReceivablesTab::refresh);
    connect(m_asOf, &QDateEdit::editingFinished, this, &ReceivablesTab::refresh);
    connect(m_scope, &FinanceScope::entityChanged, this, [this] {
        m_drillClient.clear();
        m_invoices->setItems({});
    });
    connect(m_aging, &AgingModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The aging could not be loaded: %1").arg(text), true);
    });
    connect(m_aging, &AgingModel::loaded, this, [this] {
        if (m_aging->partyCount() == 0)
            showMessage(tr("No client owes anything at this date."), false);
        // The first client's invoices come up at once, so the lower half is never idle.
        if (m_drillClient.isEmpty() && m_aging->partyCount() > 0) {
            m_agingView->setCurrentIndex(m_aging->index(0, AgingModel::PartyColumn));
            m_drillClient = m_aging->partyId(0);
        }
        if (!m_drillClient.isEmpty())
            drillInto(m_drillClient, m_drillBucket);
        updateActions();
    });
    connect(m_agingView, &QTableView::activated, this, [this](const QModelIndex &i) {
        const QString client = i.data(AgingModel::PartyIdRole).toString();
        if (client.isEmpty())
            return;
        if (i.column() != AgingModel::UnappliedColumn)
            drillInto(client, i.data(AgingModel::BucketRole).toString());
        else if (m_canWrite && !i.data(AgingModel::AmountRole).toString().isEmpty())
            applyUnappliedCash();
    });
    connect(m_agingView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReceivablesTab::updateActions);
    connect(m_invoicesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReceivablesTab::updateActions);
    connect(m_receipt, &QPushButton::clicked, this, &ReceivablesTab::recordReceipt);
    connect(m_applyCash, &QPushButton::clicked, this, &ReceivablesTab::applyUnappliedCash);
    connect(m_statement, &QPushButton::clicked, this, &ReceivablesTab::showStatement);
    connect(m_note, &QPushButton::clicked, this, &ReceivablesTab::addCollectionNote);
    updateActions();
}

void ReceivablesTab::refresh()
{
    if (!beginRefresh())
        return;
    m_aging->load(m_scope->entityId(), m_asOf->date());
    loadDso();
}

void ReceivablesTab::loadDso()
{
    ApiReply *r = FinanceApi(m_api).dso(m_scope->entityId(), m_asOf->date());
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_dso->setText(tr("DSO unavailable"));
            m_dso->setToolTip(humanMessage(r->problem()));
            return;
        }
        const QJsonObject o = r->object();
        const QJsonValue days = o.value("dso");
        const QString value = days.isString() ? sales::formatDecimalText(days.toString(), 0)
                                              : days.toVariant().toString();
        // The figure alone in the bar (it must fit beside the buttons in any language); how
        // it was reached in the tooltip.
        m_dso->setText(tr("<b>DSO %1 days</b>").arg(value));
        m_dso->setToolTip(tr("Receivables at the date (%1) divided by the revenue of the 90 "
                             "days before it (%2), times 90. %3")
                              .arg(sales::formatMoneyJson(o.value("ar")),
                                   sales::formatMoneyJson(o.value("revenue_90d")),
                                   o.value("basis").toString()));
    });
}

QString ReceivablesTab::dsoText() const
{
    return m_dso->text();
}

QString ReceivablesTab::selectedClientId() const
{
    const QModelIndex i = m_agingView->currentIndex();
    const QString id = i.isValid() ? i.data(AgingModel::PartyIdRole).toString() : QString();
    return id.isEmpty() ? m_drillClient : id;
}

void ReceivablesTab::drillInto(const QString &clientId, const QString &bucket)
{
    m_drillClient = clientId;
    m_drillBucket = bucket;
    const int row = m_aging->rowOfParty(clientId);
    const QString name = m_aging->partyName(row);
    m_invoicesTitle->setText(tr("%1 — %2").arg(name, AgingModel::bucketTitle(bucket)));
    ApiReply *r =
        FinanceApi(m_api).agingInvoices(m_scope->entityId(), clientId, m_asOf->date(), bucket);
    connect(r, &ApiReply::finished, this, [this, r, clientId, bucket] {
        if (clientId != m_drillClient || bucket != m_drillBucket)
            return;
        if (!r->ok()) {
            m_invoices->setItems({});
            showMessage(tr("The invoices could not be loaded: %1").arg(humanMessage(r->problem())),
                        true);
            return;
        }
        m_invoices->setItems(r->object().value("items").toArray());
        updateActions();
    });
}

void ReceivablesTab::updateActions()
{
    const bool client = !selectedClientId().isEmpty();
    m_receipt->setEnabled(client);
    m_statement->setEnabled(client);
    m_note->setEnabled(m_invoicesView->currentIndex().isValid());
    const bool unapplied =
        client && !m_aging->amountText(selectedClientId(), QStringLiteral("unapplied")).isEmpty();
    m_applyCash->setEnabled(unapplied);
    m_applyCash->setToolTip(unapplied ? tr("Apply cash this client paid earlier to open invoices.")
                                      : tr("The selected client has no unapplied cash."));
    const QString hint = tr("Select a client in the aging first.");
    m_receipt->setToolTip(client ? tr("Record money received from this client and apply it "
                                      "to open invoices.")
                                 : hint);
    m_statement->setToolTip(client ? tr("The client's statement: invoices, credits, receipts "
                                        "and the running balance.")
                                   : hint);
}

void ReceivablesTab::recordReceipt()
{
    const QString client = selectedClientId();
    if (client.isEmpty())
        return;
    auto *dialog = new CashDialog(m_api, CashDialog::Kind::Receipt, m_scope->entityId(), client,
                                  m_aging->partyName(m_aging->rowOfParty(client)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CashDialog::recorded, this, [this](const QJsonObject &) {
        refresh();
        showMessage(tr("Receipt recorded; the aging is up to date."), false);
        emit receiptRecorded();
    });
    dialog->open();
}

void ReceivablesTab::applyUnappliedCash()
{
    const QString client = selectedClientId();
    if (client.isEmpty())
        return;
    auto *dialog = new CashDialog(m_api, CashDialog::Kind::ApplyUnapplied, m_scope->entityId(),
                                  client, m_aging->partyName(m_aging->rowOfParty(client)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CashDialog::recorded, this, [this](const QJsonObject &) {
        refresh();
        showMessage(tr("Cash applied; the aging is up to date."), false);
    });
    dialog->open();
}

void ReceivablesTab::showStatement()
{
    const QString client = selectedClientId();
    if (client.isEmpty())
        return;
    auto *dialog = new StatementDialog(m_api, m_scope->entityId(), client,
                                       m_aging->partyName(m_aging->rowOfParty(client)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ReceivablesTab::addCollectionNote()
{
    const QModelIndex i = m_invoicesView->currentIndex();
    if (!i.isValid())
        return;
    const QJsonObject invoice = m_invoices->rowObject(i.row());
    auto *dialog = new CollectionNoteDialog(m_api, invoice, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CollectionNoteDialog::saved, this, [this] {
        refresh(); // the dunning level shows in the invoices once reloaded
        showMessage(tr("Collection note saved."), false);
    });
    dialog->open();
}

} // namespace keel::finance
