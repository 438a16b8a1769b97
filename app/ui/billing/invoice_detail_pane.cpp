#include "invoice_detail_pane.h"

#include "invoice_flags.h"
#include "permissions.h"

#include "billing_format.h"
#include "credit_note_dialog.h"
#include "invoice_detail.h"
#include "invoice_pdf_dialog.h"
#include "invoice_pdf_fetch.h"
#include "json_array_model.h"
#include "money.h"
#include "permissions.h"
#include "role_names.h"
#include "sales_format.h"
#include "session.h"
#include "timeapproval/list_style.h"
#include "write_down_dialog.h"

#include <QCheckBox>
#include <QHBoxLayout>

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace keel::billing {

namespace {
void styleTable(QTableView *view)
{
    timeapproval::styleListView(view);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}
} // namespace

InvoiceDetailPane::InvoiceDetailPane(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_detail(new InvoiceDetail(session->api(), this)),
      m_pdf(new InvoicePdfFetch(session->api(), this)), m_insightFlags(new QLabel),
      m_header(new QLabel), m_totals(new QLabel), m_lines(new QTableView),
      m_sourcesTitle(new QLabel), m_sources(new QTableView), m_message(new QLabel),
      m_hold(new QPushButton), m_writeDown(new QPushButton), m_approve(new QPushButton),
      m_issue(new QPushButton), m_preview(new QPushButton), m_credit(new QPushButton),
      m_timeDetail(new QCheckBox), m_body(new QWidget), m_empty(new QLabel)
{
    setObjectName("invoiceDetailPane");
    m_header->setObjectName("invoiceHeader");
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_totals->setObjectName("invoiceTotals");
    m_totals->setTextFormat(Qt::RichText);
    m_totals->setAlignment(Qt::AlignRight | Qt::AlignTop);

    m_lines->setModel(m_detail->lines());
    styleTable(m_lines);
    m_lines->setObjectName("invoiceLines");
    m_lines->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_lines->setToolTip(tr("Double-click a description to change it (drafts only)."));
    QHeaderView *lh = m_lines->horizontalHeader();
    lh->resizeSection(InvoiceDetail::LineNoColumn, 34);
    lh->resizeSection(InvoiceDetail::LineKindColumn, 100);
    lh->resizeSection(InvoiceDetail::LineQuantityColumn, 80);
    lh->resizeSection(InvoiceDetail::LineUnitPriceColumn, 115);
    lh->resizeSection(InvoiceDetail::LineGrossColumn, 115);
    lh->resizeSection(InvoiceDetail::LineWriteDownColumn, 190);
    lh->resizeSection(InvoiceDetail::LineAmountColumn, 115);
    lh->setSectionResizeMode(InvoiceDetail::LineDescriptionColumn, QHeaderView::Stretch);
    lh->resizeSection(InvoiceDetail::LineTaxColumn, 150);

    m_sourcesTitle->setObjectName("sourcesTitle");
    m_sourcesTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_sources->setModel(m_detail->sources());
    styleTable(m_sources);
    m_sources->setObjectName("lineSources");
    m_sources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *sh = m_sources->horizontalHeader();
    sh->setStretchLastSection(true);

    m_hold->setObjectName("holdLineButton");
    m_hold->setText(tr("Hold line"));
    m_hold->setToolTip(tr("Takes the line off this invoice; what it billed goes to the next "
                          "billing run."));
    m_writeDown->setObjectName("writeDownButton");
    m_writeDown->setText(tr("Write down…"));
    m_writeDown->setToolTip(tr("Reduce the line's amount, or write it off, with a reason; the "
                               "approval policy decides who confirms it."));
    m_timeDetail->setObjectName("timeDetailCheck");
    m_timeDetail->setText(tr("Time detail on the PDF"));
    m_timeDetail->setToolTip(tr("Adds an appendix of the time entries (date, person, hours, "
                                "notes) to the invoice PDF."));
    m_preview->setObjectName("previewPdfButton");
    m_preview->setText(tr("Preview PDF"));
    m_approve->setObjectName("approveInvoiceButton");
    m_approve->setText(tr("Approve"));
    m_issue->setObjectName("issueInvoiceButton");
    m_issue->setText(tr("Issue"));
    m_issue->setToolTip(tr("Gives the invoice its number, freezes it and posts it."));
    m_credit->setObjectName("creditNoteButton");
    m_credit->setText(tr("Credit note…"));
    m_credit->setToolTip(tr("Credits the issued invoice in full (optionally releasing its time "
                            "and expenses for re-billing) or in part, line by line."));
    auto *lineActions = new QHBoxLayout;
    lineActions->addWidget(m_hold);
    lineActions->addWidget(m_writeDown);
    lineActions->addStretch(1);
    lineActions->addWidget(m_timeDetail);
    lineActions->addSpacing(8);
    lineActions->addWidget(m_preview);
    lineActions->addWidget(m_approve);
    lineActions->addWidget(m_issue);
    lineActions->addWidget(m_credit);

    m_message->setObjectName("detailMessage");
    m_message->setWordWrap(true);
    m_message->hide();

    // The insights' anomaly flags of a draft, above its lines; hidden when there are none.
    m_insightFlags->setObjectName("invoiceInsightFlags");
    m_insightFlags->setWordWrap(true);
    m_insightFlags->setTextFormat(Qt::RichText);
    m_insightFlags->setStyleSheet(
        QStringLiteral("#invoiceInsightFlags { background: #fff8e6; border: 1px solid #f0c36d;"
                       " border-radius: 6px; padding: 6px 8px; color: #5c3d00; }"));
    m_insightFlags->hide();
    if (session->hasPermission(QLatin1String(Permission::InsightsUse))) {
        m_flagsFetch = new insights::InvoiceFlagsFetch(session->api(), this);
        connect(m_flagsFetch, &insights::InvoiceFlagsFetch::invoiceLoaded, this,
                [this](const QString &id, const QStringList &sentences) {
                    if (id != m_detail->invoiceId() || sentences.isEmpty()) {
                        m_insightFlags->hide();
                        return;
                    }
                    QStringList items;
                    for (const QString &s : sentences)
                        items.append(QStringLiteral("<li>") + s.toHtmlEscaped() +
                                     QStringLiteral("</li>"));
                    m_insightFlags->setText(
                        tr("<b>⚑ Flagged by the insights</b> — check before approving:") +
                        QStringLiteral("<ul style='margin: 2px 0 0 -20px'>") +
                        items.join(QString()) + QStringLiteral("</ul>"));
                    m_insightFlags->show();
                });
    }

    auto *headRow = new QHBoxLayout;
    headRow->addWidget(m_header, 1);
    headRow->addWidget(m_totals);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(8);
    bodyLayout->addLayout(headRow);
    bodyLayout->addWidget(m_insightFlags);
    bodyLayout->addWidget(m_lines);
    bodyLayout->addLayout(lineActions);
    bodyLayout->addWidget(m_message);
    bodyLayout->addWidget(m_sourcesTitle);
    bodyLayout->addWidget(m_sources, 1);

    m_empty->setObjectName("emptyState");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("Pick an invoice to see its lines and what they bill."));
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_empty);
    stack->addWidget(m_body);

    connect(m_detail, &InvoiceDetail::loaded, this, [this, stack] {
        stack->setCurrentIndex(m_detail->isLoaded() ? 1 : 0);
        const bool writeDowns = m_detail->hasWriteDowns();
        m_lines->setColumnHidden(InvoiceDetail::LineGrossColumn, !writeDowns);
        m_lines->setColumnHidden(InvoiceDetail::LineWriteDownColumn, !writeDowns);
        // As tall as its lines (up to six, then it scrolls): the records below get the rest.
        const int rows = std::clamp(m_detail->lines()->rowCount(), 1, 6);
        m_lines->setFixedHeight(m_lines->horizontalHeader()->height() +
                                rows * m_lines->verticalHeader()->defaultSectionSize() +
                                2 * m_lines->frameWidth() + 2);
        updateHeader();
        updateButtons();
        // The first line's sources come with the invoice: the usual question is "what is this?"
        if (m_detail->isLoaded() && m_detail->lines()->rowCount() > 0 &&
            !m_lines->selectionModel()->hasSelection())
            selectLine(m_detail->sourcesLineId().isEmpty()
                           ? 0
                           : std::max(0, m_detail->rowOfLine(m_detail->sourcesLineId())));
        if (m_detail->lines()->rowCount() == 0)
            m_sourcesTitle->setText(QString());
    });
    connect(m_detail, &InvoiceDetail::loadFailed, this, [this, stack](const QString &text) {
        stack->setCurrentIndex(0);
        m_empty->setText(text);
    });
    connect(m_lines->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                updateButtons();
                if (current.isValid())
                    m_detail->loadSources(m_detail->lineId(current.row()));
            });
    connect(m_detail, &InvoiceDetail::sourcesLoaded, this, [this] {
        m_sourcesTitle->setText(m_detail->sourcesSummary());
        // The records of one line (hundreds at most): columns as wide as their contents.
        m_sources->resizeColumnsToContents();
        m_sources->horizontalHeader()->setStretchLastSection(false); // the notes stretch again
        m_sources->horizontalHeader()->setStretchLastSection(true);
    });
    connect(m_detail, &InvoiceDetail::changed, this,
            [this](const QString &id, const QString &message) {
                showMessage(message, false);
                emit invoiceChanged(id);
            });
    connect(m_detail, &InvoiceDetail::actionFailed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_detail, &InvoiceDetail::busyChanged, this, [this] { updateButtons(); });
    connect(m_detail, &InvoiceDetail::creditsLoaded, this, [this] { updateButtons(); });
    connect(m_hold, &QPushButton::clicked, this, &InvoiceDetailPane::holdCurrentLine);
    connect(m_writeDown, &QPushButton::clicked, this, &InvoiceDetailPane::askWriteDown);
    connect(m_approve, &QPushButton::clicked, m_detail, &InvoiceDetail::approve);
    connect(m_issue, &QPushButton::clicked, m_detail, &InvoiceDetail::issue);
    connect(m_preview, &QPushButton::clicked, this, &InvoiceDetailPane::previewPdf);
    connect(m_credit, &QPushButton::clicked, this, &InvoiceDetailPane::openCreditNoteDialog);
    connect(m_timeDetail, &QCheckBox::clicked, m_detail, &InvoiceDetail::setShowTimeDetail);
    connect(m_pdf, &InvoicePdfFetch::fetched, this,
            [this](const QString &id, const QByteArray &pdf) {
                m_preview->setEnabled(true);
                auto *dialog = new InvoicePdfDialog(this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                const QJsonObject inv = m_detail->invoice();
                dialog->setPdf(pdf, sales::idText(inv.value("id")) == id ? invoiceLabel(inv) : id,
                               inv.value("account_name").toString());
                dialog->show();
            });
    connect(m_pdf, &InvoicePdfFetch::failed, this, [this](const QString &, const QString &text) {
        m_preview->setEnabled(true);
        showMessage(tr("The PDF could not be made: %1").arg(text), true);
    });
    updateButtons();
}

void InvoiceDetailPane::showInvoice(const QString &invoiceId)
{
    m_message->hide();
    m_insightFlags->hide();
    if (invoiceId.isEmpty()) {
        m_detail->clear();
        return;
    }
    if (invoiceId != m_detail->invoiceId())
        m_lines->selectionModel()->clear();
    m_detail->load(invoiceId);
    if (m_flagsFetch)
        m_flagsFetch->fetchInvoice(invoiceId);
}

QString InvoiceDetailPane::insightFlagsText() const
{
    return m_insightFlags->isVisibleTo(this) ? m_insightFlags->text() : QString();
}

QString InvoiceDetailPane::headerText() const
{
    return m_header->text() + QStringLiteral("\n") + m_totals->text();
}

QString InvoiceDetailPane::message() const
{
    return m_message->text();
}

QString InvoiceDetailPane::currentLineId() const
{
    const QModelIndex i = m_lines->currentIndex();
    return i.isValid() ? m_detail->lineId(i.row()) : QString();
}

void InvoiceDetailPane::selectLine(int row)
{
    m_lines->setCurrentIndex(m_detail->lines()->index(row, 0));
    m_lines->selectRow(row);
}

void InvoiceDetailPane::updateHeader()
{
    const QJsonObject inv = m_detail->invoice();
    if (inv.isEmpty()) {
        m_header->clear();
        m_totals->clear();
        return;
    }
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    // "Draft #12" says the status already; anything else is shown beside the name.
    const bool plainDraft =
        inv.value("status").toString() == QLatin1String("draft") &&
        inv.value("approval").toObject().value("status").toString() != QLatin1String("pending");
    QString head = QStringLiteral("<span style='font-size:15px; font-weight:600;'>%1</span>")
                       .arg(esc(invoiceLabel(inv)));
    const QString role = inv.value("approval").toObject().value("current_role").toString();
    const QString status =
        !plainDraft && inv.value("status").toString() == QLatin1String("draft") && !role.isEmpty()
            ? tr("Awaiting approval by %1").arg(roleDisplayName(role))
            : invoiceStatusText(inv);
    if (!plainDraft)
        head +=
            QStringLiteral("&nbsp;&nbsp;<span style='color:#0F5E57;'>%1</span>").arg(esc(status));
    head += QStringLiteral("<br>");
    head += QStringLiteral("<b>%1</b>").arg(esc(inv.value("account_name").toString()));
    const QString contract = inv.value("contract_number").toString();
    if (!contract.isEmpty())
        head += QStringLiteral(" · ") + esc(tr("contract %1").arg(contract));
    head += QStringLiteral("<br><span style='color:#5B6576;'>%1</span>")
                .arg(esc(tr("Dated %1, due %2 · %3")
                             .arg(sales::formatDateText(inv.value("invoice_date").toString()),
                                  sales::formatDateText(inv.value("due_date").toString()),
                                  taxCodeText(inv.value("tax_code").toString()))));
    const QString note = inv.value("tax_note").toString();
    if (!note.isEmpty())
        head += QStringLiteral("<br><i style='color:#5B6576;'>%1</i>").arg(esc(note));
    m_header->setText(head);
    // Once something is paid or credited, what is still open is the figure finance acts on.
    QString settled;
    const Money paid = sales::moneyFromJsonValue(inv.value("amount_paid"));
    if (paid.isValid() && !paid.isZero() && inv.value("kind").toString() != "credit_note")
        settled = QStringLiteral("<tr><td style='color:#5B6576;'>%1&nbsp;&nbsp;</td>"
                                 "<td align='right'>%2</td></tr>"
                                 "<tr><td><b>%3</b>&nbsp;&nbsp;</td><td align='right'><b>%4</b>"
                                 "</td></tr>")
                      .arg(esc(tr("Paid or credited")), esc(moneyText(inv.value("amount_paid"))),
                           esc(tr("Open")), esc(moneyText(inv.value("balance"))));
    m_totals->setText(
        QStringLiteral(
            "<table cellspacing='0' cellpadding='1'>"
            "<tr><td style='color:#5B6576;'>%1&nbsp;&nbsp;</td><td align='right'>%2</td></tr>"
            "<tr><td style='color:#5B6576;'>%3&nbsp;&nbsp;</td><td align='right'>%4</td></tr>"
            "<tr><td><b>%5</b>&nbsp;&nbsp;</td><td align='right'><b>%6</b></td></tr>"
            "%7</table>")
            .arg(esc(tr("Net")), esc(moneyText(inv.value("subtotal"))), esc(tr("Tax")),
                 esc(moneyText(inv.value("tax_total"))), esc(tr("Total")),
                 esc(moneyText(inv.value("total"))), settled));
}

void InvoiceDetailPane::updateButtons()
{
    const bool manage = m_session->hasPermission(QLatin1String(Permission::BillingManage));
    const QJsonObject inv = m_detail->invoice();
    const QString status = inv.value("status").toString();
    const bool draft = m_detail->isDraft();
    const bool pending =
        inv.value("approval").toObject().value("status").toString() == QLatin1String("pending");
    const bool lineChosen = !currentLineId().isEmpty();
    const bool idle = !m_detail->isBusy();
    m_hold->setEnabled(manage && draft && lineChosen && idle);
    m_writeDown->setEnabled(manage && draft && lineChosen && idle);
    m_approve->setEnabled(manage && draft && !pending && idle);
    m_issue->setEnabled(manage && status == QLatin1String("approved") && idle);
    m_preview->setEnabled(m_detail->isLoaded() && !m_pdf->isBusy());
    // Drafts are approved and issued; issued invoices are credited: one of the two shows.
    m_credit->setVisible(m_detail->canCredit());
    m_approve->setVisible(!m_detail->canCredit());
    m_issue->setVisible(!m_detail->canCredit());
    m_credit->setEnabled(manage && m_detail->canCredit() && m_detail->creditsKnown() && idle);
    m_timeDetail->setChecked(inv.value("show_time_detail").toBool());
    m_timeDetail->setEnabled(manage && draft && idle);
    m_approve->setToolTip(pending ? tr("Waiting for the approver.")
                                  : tr("Sends the invoice for approval by policy."));
}

void InvoiceDetailPane::holdCurrentLine()
{
    const QString id = currentLineId();
    if (id.isEmpty()) {
        showMessage(tr("Pick the line to hold."), true);
        return;
    }
    m_detail->holdLine(id);
}

void InvoiceDetailPane::writeDownCurrentLine(const QString &amount, const QString &reason)
{
    m_detail->writeDown(currentLineId(), amount, reason);
}

void InvoiceDetailPane::askWriteDown()
{
    const QString id = currentLineId();
    if (id.isEmpty())
        return;
    WriteDownDialog dialog(m_detail, id, this);
    if (dialog.exec() == QDialog::Accepted)
        writeDownCurrentLine(dialog.amount(), dialog.reason());
}

void InvoiceDetailPane::previewPdf()
{
    if (!m_detail->isLoaded())
        return;
    m_preview->setEnabled(false);
    showMessage(tr("Rendering the PDF…"), false);
    m_pdf->fetch(m_detail->invoiceId());
}

CreditNoteDialog *InvoiceDetailPane::openCreditNoteDialog()
{
    if (!m_detail->canCredit() || !m_detail->creditsKnown() || m_detail->isBusy())
        return nullptr;
    auto *dialog = new CreditNoteDialog(m_detail->invoiceForCredit(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = m_detail->invoiceId();
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (id == m_detail->invoiceId())
            m_detail->creditNote(dialog->request());
    });
    dialog->open();
    return dialog;
}

void InvoiceDetailPane::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

} // namespace keel::billing
