#include "quote_editor.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "quote_lines_model.h"
#include "role_names.h"
#include "sales_format.h"
#include "session.h"

#include <QAbstractTextDocumentLayout>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace keel::sales {

// --- delegate --------------------------------------------------------------------------------

QWidget *LiveEditDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                        const QModelIndex &index) const
{
    auto *edit = new QLineEdit(parent);
    edit->setFrame(false);
    if (index.column() >= QuoteLinesModel::HoursColumn)
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    connect(edit, &QLineEdit::textEdited, this,
            [this, edit] { emit const_cast<LiveEditDelegate *>(this)->commitData(edit); });
    return edit;
}

void LiveEditDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QLineEdit *>(editor);
    if (!edit->hasFocus() || edit->text().isEmpty())
        edit->setText(index.data(Qt::EditRole).toString());
}

void LiveEditDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    model->setData(index, static_cast<QLineEdit *>(editor)->text(), Qt::EditRole);
}

void LiveEditDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    if (!index.data(QuoteLinesModel::ErrorRole).toString().isEmpty()) {
        opt.palette.setColor(QPalette::Text, QColor(0xb4, 0x23, 0x18));
        painter->fillRect(option.rect, QColor(0xfd, 0xec, 0xea));
    }
    QStyledItemDelegate::paint(painter, opt, index);
}

// --- editor ----------------------------------------------------------------------------------

namespace {
QLabel *figure(const char *name)
{
    auto *l = new QLabel;
    l->setObjectName(QString::fromLatin1(name));
    l->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

QuoteEditor::QuoteEditor(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_lines(new QuoteLinesModel(this)), m_title(new QLabel),
      m_status(new QLabel), m_discount(new QLineEdit), m_table(new QTableView),
      m_subtotal(figure("subtotalValue")), m_discountAmount(figure("discountValue")),
      m_total(figure("totalValue")), m_cost(figure("costValue")), m_margin(figure("marginValue")),
      m_marginPct(figure("marginPctValue")), m_inputError(new QLabel), m_approval(new QLabel),
      m_error(new QLabel), m_addRole(new QPushButton(tr("Add role line"))),
      m_addFixed(new QPushButton(tr("Add fixed item"))),
      m_remove(new QPushButton(tr("Remove line"))), m_save(new QPushButton(tr("Save draft"))),
      m_submit(new QPushButton(tr("Submit for approval"))),
      m_accept(new QPushButton(tr("Mark accepted"))), m_revise(new QPushButton(tr("Revise"))),
      m_contract(new QPushButton(tr("Create contract"))), m_pdf(new QPushButton(tr("Export PDF…")))
{
    setObjectName("quoteEditor");
    m_title->setObjectName("pageTitle");
    m_status->setObjectName("statusChip");
    m_discount->setObjectName("discountEdit");
    m_discount->setPlaceholderText(QStringLiteral("0"));
    m_discount->setMaximumWidth(90);
    m_discount->setAlignment(Qt::AlignRight);
    m_inputError->setObjectName("inputError");
    m_inputError->setWordWrap(true);
    m_approval->setObjectName("approvalPreview");
    m_approval->setWordWrap(true);
    m_error->setObjectName("errorLabel");
    m_error->setWordWrap(true);
    m_error->hide();
    m_submit->setObjectName("submitButton");
    m_accept->setObjectName("acceptButton");
    m_save->setObjectName("saveButton");
    m_contract->setObjectName("contractButton");
    m_revise->setObjectName("reviseButton");
    m_pdf->setObjectName("pdfButton");
    m_submit->setProperty("primary", true);
    for (QPushButton *b :
         {m_addRole, m_addFixed, m_remove, m_save, m_submit, m_accept, m_revise, m_contract, m_pdf})
        b->setAutoDefault(false);

    m_table->setObjectName("quoteLines");
    m_table->setModel(m_lines);
    m_table->setItemDelegate(new LiveEditDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setSectionResizeMode(QuoteLinesModel::ItemColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(QuoteLinesModel::KindColumn, 70);
    for (int c : {int(QuoteLinesModel::HoursColumn), int(QuoteLinesModel::RateColumn),
                  int(QuoteLinesModel::CostColumn), int(QuoteLinesModel::AmountColumn)})
        m_table->setColumnWidth(c, 120);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_status);

    auto *lineButtons = new QHBoxLayout;
    lineButtons->addWidget(m_addRole);
    lineButtons->addWidget(m_addFixed);
    lineButtons->addWidget(m_remove);
    lineButtons->addStretch(1);
    lineButtons->addWidget(new QLabel(tr("Discount %")));
    lineButtons->addWidget(m_discount);

    auto *totals = new QGridLayout;
    totals->setColumnStretch(0, 1);
    totals->setColumnMinimumWidth(2, 150);
    totals->setColumnMinimumWidth(4, 150);
    totals->setHorizontalSpacing(18);
    totals->setVerticalSpacing(4);
    const QList<QPair<QString, QLabel *>> rows{
        {tr("List value"), m_subtotal}, {tr("Discount"), m_discountAmount},
        {tr("Quote total"), m_total},   {tr("Cost"), m_cost},
        {tr("Margin"), m_margin},       {tr("Margin %"), m_marginPct}};
    for (int i = 0; i < rows.size(); ++i) {
        auto *caption = new QLabel(rows[i].first);
        caption->setObjectName("figureCaption");
        totals->addWidget(caption, i % 3, 1 + (i / 3) * 2);
        totals->addWidget(rows[i].second, i % 3, 2 + (i / 3) * 2);
    }
    m_total->setProperty("strong", true);
    auto *totalsBox = new QFrame;
    totalsBox->setObjectName("totalsCard");
    auto *totalsOuter = new QVBoxLayout(totalsBox);
    totalsOuter->addLayout(totals);
    totalsOuter->addWidget(m_inputError);

    auto *approvalBox = new QFrame;
    approvalBox->setObjectName("approvalCard");
    auto *approvalLayout = new QVBoxLayout(approvalBox);
    approvalLayout->addWidget(m_approval);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_pdf);
    actions->addStretch(1);
    actions->addWidget(m_save);
    actions->addWidget(m_revise);
    actions->addWidget(m_submit);
    actions->addWidget(m_accept);
    actions->addWidget(m_contract);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(head);
    layout->addLayout(lineButtons);
    layout->addWidget(m_table, 1);
    layout->addWidget(totalsBox);
    layout->addWidget(approvalBox);
    layout->addWidget(m_error);
    layout->addLayout(actions);

    connect(m_lines, &QuoteLinesModel::totalsChanged, this, [this] {
        m_dirty = true;
        updateTotals();
        updateActions();
    });
    connect(m_discount, &QLineEdit::textEdited, this,
            [this](const QString &t) { m_lines->setDiscountText(t); });
    connect(m_addRole, &QPushButton::clicked, this, [this] {
        const int row = m_lines->addRoleLine(QString(), QString(), QString());
        m_table->setCurrentIndex(m_lines->index(row, QuoteLinesModel::ItemColumn));
        m_table->edit(m_table->currentIndex());
    });
    connect(m_addFixed, &QPushButton::clicked, this, [this] {
        const int row = m_lines->addFixedLine(QString(), QString());
        m_table->setCurrentIndex(m_lines->index(row, QuoteLinesModel::ItemColumn));
        m_table->edit(m_table->currentIndex());
    });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { m_lines->removeLine(m_table->currentIndex().row()); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_submit, &QPushButton::clicked, this, [this] {
        if (m_dirty)
            save([this] { transition(QStringLiteral("submit")); });
        else
            transition(QStringLiteral("submit"));
    });
    connect(m_accept, &QPushButton::clicked, this,
            [this] { transition(QStringLiteral("accept")); });
    connect(m_revise, &QPushButton::clicked, this,
            [this] { transition(QStringLiteral("revise")); });
    connect(m_contract, &QPushButton::clicked, this, [this] { createContract(); });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        const QString suggested =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' +
            (m_quote.value("number").toString().isEmpty() ? QStringLiteral("quote")
                                                          : m_quote.value("number").toString()) +
            QStringLiteral(".pdf");
        const QString file = QFileDialog::getSaveFileName(this, tr("Export quote as PDF"),
                                                          suggested, tr("PDF (*.pdf)"));
        if (!file.isEmpty() && !exportPdf(file))
            showError(tr("The PDF could not be written to %1.").arg(file));
    });
    updateTotals();
    updateActions();
}

void QuoteEditor::newQuote(const QJsonObject &opportunity)
{
    m_opportunity = opportunity;
    QJsonObject q{{"status", "new"},
                  {"opportunity", opportunity.value("id").toString()},
                  {"currency", opportunity.value("expected_value").toObject().value("currency")},
                  {"title", opportunity.value("name").toString()},
                  {"account_name", opportunity.value("account_name").toString()},
                  {"lines", QJsonArray()}};
    setQuote(q);
}

void QuoteEditor::openQuote(const QString &quoteId)
{
    ApiReply *reply = m_session->api()->get(QStringLiteral("/api/v1/crm/quotes/%1").arg(quoteId));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            return showError(humanMessage(reply->problem()));
        setQuote(reply->object());
        preview();
    });
}

void QuoteEditor::setQuote(const QJsonObject &quote)
{
    m_quote = quote;
    m_lines->loadJson(quote);
    m_discount->setText(m_lines->discountText());
    const QString number = quote.value("number").toString();
    const QString title = quote.value("title").toString();
    m_title->setText(number.isEmpty() ? tr("New quote — %1").arg(title)
                                      : tr("Quote %1 — %2").arg(number, title));
    m_dirty = false;
    m_error->hide();
    updateTotals();
    updateActions();
    emit quoteChanged(m_quote);
}

void QuoteEditor::updateTotals()
{
    const QuoteTotals &t = m_lines->totals();
    const bool ok = m_lines->isValid();
    const QString dash = QStringLiteral("—");
    m_subtotal->setText(ok ? formatMoney(t.subtotal) : dash);
    m_discountAmount->setText(ok ? (t.discount.isZero()
                                        ? formatMoney(t.discount)
                                        : QStringLiteral("− ") + formatMoney(t.discount))
                                 : dash);
    m_total->setText(ok ? formatMoney(t.total) : dash);
    m_cost->setText(ok ? formatMoney(t.cost) : dash);
    m_margin->setText(ok ? formatMoney(t.margin) : dash);
    m_marginPct->setText(ok && !t.total.isZero()
                             ? groupDigits(t.marginPct.toString(2)) + QStringLiteral(" %")
                             : dash);
    m_marginPct->setProperty("warning", ok && t.marginPct < Decimal::fromInt(15));
    m_inputError->setText(m_lines->inputError());
    m_inputError->setVisible(!m_lines->inputError().isEmpty());
}

void QuoteEditor::updateActions()
{
    const QString status = m_quote.value("status").toString();
    const bool editable =
        status == QLatin1String("new") || status == QLatin1String("draft") || status.isEmpty();
    m_lines->setReadOnly(!editable);
    m_discount->setReadOnly(!editable);
    for (QPushButton *b : {m_addRole, m_addFixed, m_remove})
        b->setEnabled(editable);
    m_save->setEnabled(editable && m_lines->isValid() && m_dirty);
    m_submit->setEnabled(editable && m_lines->isValid() && m_lines->rowCount() > 0);
    m_accept->setEnabled(status == QLatin1String("approved"));
    m_revise->setVisible(status == QLatin1String("rejected") ||
                         status == QLatin1String("approved"));
    m_contract->setVisible(status == QLatin1String("accepted"));
    m_pdf->setEnabled(m_lines->isValid() && m_lines->rowCount() > 0);
    const QMap<QString, QString> names{{"new", tr("New")},
                                       {"draft", tr("Draft")},
                                       {"submitted", tr("Waiting for approval")},
                                       {"approved", tr("Approved")},
                                       {"rejected", tr("Rejected")},
                                       {"accepted", tr("Accepted")},
                                       {"superseded", tr("Superseded")}};
    m_status->setText(names.value(status, status));
    m_status->setProperty("state", status);
    if (status == QLatin1String("new"))
        m_approval->setText(tr("Save the draft to see which approvals this quote will need."));
}

QJsonObject QuoteEditor::body() const
{
    QJsonObject b{{"currency", m_lines->currency().code()},
                  {"discount_pct", m_lines->discountText().trimmed().isEmpty()
                                       ? QStringLiteral("0")
                                       : m_lines->discountText().trimmed()},
                  {"lines", m_lines->linesJson()}};
    if (m_quote.contains("version"))
        b.insert("version", m_quote.value("version").toInt());
    else
        b.insert("opportunity", m_quote.value("opportunity").toString());
    if (!m_quote.value("title").toString().isEmpty())
        b.insert("title", m_quote.value("title").toString());
    return b;
}

void QuoteEditor::save(std::function<void()> then)
{
    m_save->setEnabled(false);
    const bool creating = !m_quote.contains("id");
    ApiReply *reply =
        creating ? m_session->api()->post(QStringLiteral("/api/v1/crm/quotes"), body())
                 : m_session->api()->send(
                       "PUT",
                       QStringLiteral("/api/v1/crm/quotes/%1").arg(m_quote.value("id").toString()),
                       body());
    connect(reply, &ApiReply::finished, this, [this, reply, then] {
        if (!reply->ok()) {
            updateActions();
            return showError(humanMessage(reply->problem()));
        }
        setQuote(reply->object());
        preview();
        if (then)
            then();
    });
}

void QuoteEditor::preview()
{
    const QString id = m_quote.value("id").toString();
    if (id.isEmpty())
        return;
    m_approval->setText(tr("Checking which approvals this quote needs…"));
    ApiReply *reply =
        m_session->api()->get(QStringLiteral("/api/v1/crm/quotes/%1/approval-preview").arg(id));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_approval->setText(
                tr("The approvals could not be checked: %1").arg(humanMessage(reply->problem())));
            return;
        }
        const QJsonObject o = reply->object();
        const QJsonArray steps =
            o.contains("steps") ? o.value("steps").toArray() : o.value("approvals").toArray();
        if (steps.isEmpty()) {
            m_approval->setText(tr("No approval needed: this quote is approved as soon as it "
                                   "is submitted."));
            return;
        }
        QStringList parts;
        for (const QJsonValue &v : steps) {
            const QJsonObject s = v.toObject();
            const QString role = roleDisplayName(s.value("role").toString());
            // The server's reason reads "<policy name>: <fact> <op> <threshold>"; people need
            // the policy's name.
            QStringList policies;
            for (const QString &part : s.value("reason").toString().split(u';'))
                if (!part.section(u':', 0, 0).trimmed().isEmpty())
                    policies << part.section(u':', 0, 0).trimmed();
            const QString reason = policies.join(QStringLiteral(", "));
            parts.append(reason.isEmpty() ? role : tr("%1 (%2)").arg(role, reason));
        }
        m_approval->setText(tr("This quote will need approval by: %1").arg(parts.join(" → ")));
    });
}

QString QuoteEditor::approvalText() const
{
    return m_approval->text();
}

void QuoteEditor::transition(const QString &action)
{
    const QString id = m_quote.value("id").toString();
    if (id.isEmpty())
        return;
    for (QPushButton *b : {m_submit, m_accept, m_revise})
        b->setEnabled(false);
    ApiReply *reply =
        m_session->api()->post(QStringLiteral("/api/v1/crm/quotes/%1/%2").arg(id, action),
                               QJsonObject{{"version", m_quote.value("version").toInt()}});
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            updateActions();
            return showError(humanMessage(reply->problem()));
        }
        QJsonObject q = reply->object();
        if (q.contains("quote"))
            q = q.value("quote").toObject();
        setQuote(q);
        preview();
    });
}

void QuoteEditor::createContract()
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Create contract"));
    auto *start = new QDateEdit(QDate::currentDate().addDays(14));
    auto *end = new QDateEdit(QDate::currentDate().addDays(14).addMonths(6).addDays(-1));
    for (QDateEdit *d : {start, end}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto *form = new QFormLayout(&ask);
    form->addRow(new QLabel(tr("The contract takes the quote's lines. When does the work run?")));
    form->addRow(tr("Start"), start);
    form->addRow(tr("End"), end);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() == QDialog::Accepted)
        createContract(start->date(), end->date());
}

void QuoteEditor::createContract(QDate start, QDate end)
{
    const QString id = m_quote.value("id").toString();
    m_contract->setEnabled(false);
    ApiReply *reply =
        m_session->api()->post(QStringLiteral("/api/v1/crm/quotes/%1/contract").arg(id),
                               QJsonObject{{"start_date", start.toString(Qt::ISODate)},
                                           {"end_date", end.toString(Qt::ISODate)}});
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_contract->setEnabled(true);
        if (!reply->ok())
            return showError(humanMessage(reply->problem()));
        emit contractRequested(reply->object());
    });
}

void QuoteEditor::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QTextDocument *QuoteEditor::buildDocument() const
{
    const QuoteTotals &t = m_lines->totals();
    QString html;
    html +=
        QStringLiteral("<h1 style='color:#1d2633'>%1</h1>").arg(m_title->text().toHtmlEscaped());
    if (!m_quote.value("account_name").toString().isEmpty())
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("For %1").arg(m_quote.value("account_name").toString().toHtmlEscaped()));
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='5' border='1' "
                           "style='border-collapse:collapse;border-color:#ccd3dd'>");
    html += QStringLiteral("<tr style='background:#eef1f5'><th align='left'>%1</th><th "
                           "align='right'>%2</th><th align='right'>%3</th><th "
                           "align='right'>%4</th></tr>")
                .arg(tr("Item"), tr("Hours"), tr("Rate / price"), tr("Amount"));
    for (int r = 0; r < m_lines->rowCount(); ++r) {
        const auto cell = [&](int c) {
            return m_lines->index(r, c).data().toString().toHtmlEscaped();
        };
        html +=
            QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td>"
                           "<td align='right'>%4</td></tr>")
                .arg(cell(QuoteLinesModel::ItemColumn), cell(QuoteLinesModel::HoursColumn),
                     groupDigits(m_lines->index(r, QuoteLinesModel::RateColumn).data().toString()),
                     cell(QuoteLinesModel::AmountColumn));
    }
    html += QStringLiteral("</table><br/><table align='right' cellpadding='3'>");
    const auto row = [&](const QString &label, const Money &m, bool bold) {
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2%3%4</td></tr>")
                    .arg(label.toHtmlEscaped(), bold ? QStringLiteral("<b>") : QString(),
                         formatMoney(m).toHtmlEscaped(), bold ? QStringLiteral("</b>") : QString());
    };
    row(tr("List value"), t.subtotal, false);
    if (!t.discount.isZero())
        row(tr("Discount %1 %").arg(m_lines->discountText()), t.discount.negated(), false);
    row(tr("Total"), t.total, true);
    html += QStringLiteral("</table>");
    auto *doc = new QTextDocument;
    doc->setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    doc->setHtml(html);
    return doc;
}

bool QuoteEditor::exportPdf(const QString &fileName)
{
    QPdfWriter writer(fileName);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setTitle(m_title->text());
    writer.setCreator(QStringLiteral("Keel"));
    std::unique_ptr<QTextDocument> doc(buildDocument());
    // Without this the text is laid out for the screen and comes out tiny at 1200 dpi.
    doc->documentLayout()->setPaintDevice(&writer);
    doc->print(&writer); // paginates
    return QFileInfo(fileName).size() > 0;
}

} // namespace keel::sales
