#include "credit_note_dialog.h"

#include "billing_format.h"
#include "sales_format.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace keel::billing {

namespace {
enum Column
{
    NoColumn,
    DescriptionColumn,
    AmountColumn,
    LeftColumn,
    TaxRateColumn,
    CreditColumn
};

QTableWidgetItem *fixedItem(const QString &text, bool right = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (right)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

CreditNoteDialog::CreditNoteDialog(const QJsonObject &invoice, QWidget *parent)
    : QDialog(parent), m_invoice(invoice), m_full(new QRadioButton), m_partial(new QRadioButton),
      m_release(new QCheckBox), m_lines(new QTableWidget), m_reason(new QPlainTextEdit),
      m_summary(new QLabel), m_problem(new QLabel)
{
    setObjectName("creditNoteDialog");
    setWindowTitle(tr("Credit note for %1").arg(invoiceLabel(invoice)));
    const QString currency = invoice.value("currency").toString();

    auto *what = new QLabel(tr("<b>%1</b> · %2<br>Total %3 · open %4")
                                .arg(invoiceLabel(invoice).toHtmlEscaped(),
                                     invoice.value("account_name").toString().toHtmlEscaped(),
                                     moneyText(invoice.value("total")).toHtmlEscaped(),
                                     moneyText(invoice.value("balance")).toHtmlEscaped()));
    what->setWordWrap(true);

    m_full->setObjectName("creditFull");
    m_full->setText(tr("Full credit note: the whole invoice; it becomes void"));
    m_partial->setObjectName("creditPartial");
    m_partial->setText(tr("Partial credit note: an amount per line"));
    m_release->setObjectName("creditRelease");
    m_release->setText(tr("Release the billed time and expenses for re-billing"));
    m_release->setToolTip(tr("The next billing run bills them again, e.g. on a corrected "
                             "invoice."));

    m_lines->setObjectName("creditLines");
    m_lines->setColumnCount(6);
    m_lines->setHorizontalHeaderLabels({tr("#"), tr("Description"), tr("Amount"),
                                        tr("Left to credit"), tr("Tax rate"),
                                        tr("Credit (%1)").arg(currency)});
    m_lines->verticalHeader()->hide();
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setEditTriggers(QAbstractItemView::AllEditTriggers);
    const QJsonArray lines = invoice.value("lines").toArray();
    m_lines->setRowCount(int(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        const QJsonObject l = lines.at(row).toObject();
        m_lineIds.append(sales::idText(l.value("id")));
        m_lines->setItem(row, NoColumn,
                         fixedItem(QString::number(l.value("line_no").toInt()), true));
        m_lines->setItem(row, DescriptionColumn, fixedItem(l.value("description").toString()));
        m_lines->setItem(row, AmountColumn,
                         fixedItem(sales::formatMoney(lineAmount(l, currency)), true));
        m_lines->setItem(row, LeftColumn,
                         fixedItem(sales::formatMoney(leftToCredit(l, currency)), true));
        const QString rate = l.value("tax_rate").toString();
        m_lines->setItem(row, TaxRateColumn,
                         fixedItem(rate.isEmpty()
                                       ? QString()
                                       : sales::formatDecimalText(rate, 2) + QStringLiteral(" %"),
                                   true));
        auto *credit = new QTableWidgetItem;
        credit->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        credit->setToolTip(tr("Net amount to credit on this line, e.g. 150.00"));
        m_lines->setItem(row, CreditColumn, credit);
    }
    QHeaderView *h = m_lines->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);

    m_reason->setObjectName("creditReason");
    m_reason->setPlaceholderText(tr("Why? The credit note and the audit log keep this."));
    m_reason->setMaximumHeight(80);
    m_summary->setObjectName("creditSummary");
    m_summary->setWordWrap(true);
    m_problem->setObjectName("creditProblem");
    m_problem->setStyleSheet(QStringLiteral("color:#B42318;"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName("issueCreditNoteButton");
    m_ok->setText(tr("Issue credit note"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_full);
    auto *releaseRow = new QHBoxLayout;
    releaseRow->addSpacing(24);
    releaseRow->addWidget(m_release);
    layout->addLayout(releaseRow);
    layout->addWidget(m_partial);
    layout->addWidget(m_lines, 1);
    layout->addWidget(new QLabel(tr("Reason")));
    layout->addWidget(m_reason);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    // Something paid or credited already: only what is open can be credited, line by line.
    const bool full = canCreditInFull(invoice);
    m_full->setEnabled(full);
    if (!full)
        m_full->setToolTip(tr("Part of the invoice is paid or credited already."));
    (full ? m_full : m_partial)->setChecked(true);
    connect(m_full, &QRadioButton::toggled, this, &CreditNoteDialog::check);
    connect(m_release, &QCheckBox::toggled, this, &CreditNoteDialog::check);
    connect(m_lines, &QTableWidget::itemChanged, this, &CreditNoteDialog::check);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &CreditNoteDialog::check);
    check();
    resize(640, sizeHint().height());
}

void CreditNoteDialog::setFull(bool full)
{
    (full ? m_full : m_partial)->setChecked(true);
}

void CreditNoteDialog::setReleaseSources(bool release)
{
    m_release->setChecked(release);
}

void CreditNoteDialog::setLineAmount(const QString &lineId, const QString &amount)
{
    const int row = int(m_lineIds.indexOf(lineId));
    if (row >= 0)
        m_lines->item(row, CreditColumn)->setText(amount);
}

void CreditNoteDialog::setReason(const QString &reason)
{
    m_reason->setPlainText(reason);
}

CreditNoteRequest CreditNoteDialog::request() const
{
    CreditNoteRequest r;
    r.full = m_full->isChecked();
    r.releaseSources = r.full && m_release->isChecked();
    if (!r.full)
        for (int row = 0; row < m_lineIds.size(); ++row)
            r.lines.append({m_lineIds.at(row), m_lines->item(row, CreditColumn)->text()});
    r.reason = m_reason->toPlainText();
    return r;
}

QString CreditNoteDialog::summaryText() const
{
    return m_summary->text();
}

QString CreditNoteDialog::problemText() const
{
    return m_problem->text();
}

void CreditNoteDialog::check()
{
    const bool full = m_full->isChecked();
    m_release->setEnabled(full);
    m_lines->setEnabled(!full);
    const CreditNoteRequest r = request();
    m_figures = creditNoteFigures(m_invoice, r);
    // Amounts are judged as they are typed; the missing reason only disables the button, and
    // an untouched partial form says nothing yet.
    CreditNoteRequest probe = r;
    probe.reason = QStringLiteral("-");
    const QString amountProblem = creditNoteFigures(m_invoice, probe).problem;
    const bool nothingTyped =
        !full && std::all_of(r.lines.cbegin(), r.lines.cend(),
                             [](const auto &l) { return l.second.trimmed().isEmpty(); });
    m_problem->setText(nothingTyped ? QString() : amountProblem);
    m_summary->setText(
        !amountProblem.isEmpty()
            ? QString()
            : (m_figures.voids
                   ? tr("Credit note: net %1 + tax %2 = %3. The invoice becomes void.")
                   : tr("Credit note: net %1 + tax %2 = %3. The invoice stays open for the "
                        "rest."))
                  .arg(sales::formatMoney(m_figures.net), sales::formatMoney(m_figures.tax),
                       sales::formatMoney(m_figures.total)));
    m_ok->setEnabled(m_figures.problem.isEmpty());
}

} // namespace keel::billing
