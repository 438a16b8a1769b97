#include "write_down_dialog.h"

#include "billing_format.h"
#include "invoice_detail.h"
#include "money.h"
#include "sales_format.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel::billing {

WriteDownDialog::WriteDownDialog(const InvoiceDetail *detail, const QString &lineId,
                                 QWidget *parent)
    : QDialog(parent), m_detail(detail), m_lineId(lineId), m_amount(new QLineEdit),
      m_whole(new QCheckBox), m_reason(new QPlainTextEdit), m_problem(new QLabel)
{
    setWindowTitle(tr("Write down a line"));
    const QJsonObject line = detail->line(detail->rowOfLine(lineId));
    const QString currency = detail->invoice().value("currency").toString();
    const QJsonValue g = line.value("gross_amount");
    m_gross = g.isObject() ? g.toObject().value("amount").toString() : g.toString();
    if (const auto m = Money::parse(m_gross, currency); m)
        m_gross = m->toString();

    auto *what = new QLabel(tr("Line %1: %2<br>Gross amount <b>%3</b>")
                                .arg(line.value("line_no").toInt())
                                .arg(line.value("description").toString().toHtmlEscaped(),
                                     line.value("gross_text").toString().toHtmlEscaped()));
    what->setWordWrap(true);
    m_amount->setObjectName("writeDownAmount");
    m_amount->setPlaceholderText(tr("e.g. 150.00"));
    m_whole->setText(tr("Write off the whole line"));
    m_reason->setObjectName("writeDownReason");
    m_reason->setPlaceholderText(tr("Why? The approver and the audit log read this."));
    m_reason->setMaximumHeight(90);
    m_problem->setStyleSheet(QStringLiteral("color:#B42318;"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Amount (%1)").arg(currency), m_amount);
    form->addRow(QString(), m_whole);
    form->addRow(tr("Reason"), m_reason);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Send for approval"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_whole, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_amount->setText(m_gross);
        m_amount->setEnabled(!on);
    });
    connect(m_amount, &QLineEdit::textChanged, this, &WriteDownDialog::check);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &WriteDownDialog::check);
    check();
    resize(460, sizeHint().height());
}

QString WriteDownDialog::amount() const
{
    return m_amount->text().trimmed();
}

QString WriteDownDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void WriteDownDialog::check()
{
    // The amount is judged as it is typed; the missing reason only disables the button.
    const QString shown = amount().isEmpty()
                              ? QString()
                              : m_detail->checkWriteDown(m_lineId, amount(), QStringLiteral("-"));
    m_problem->setText(shown);
    const QString problem = m_detail->checkWriteDown(m_lineId, amount(), reason());
    m_ok->setEnabled(!amount().isEmpty() && !reason().isEmpty() && problem.isEmpty());
}

} // namespace keel::billing
