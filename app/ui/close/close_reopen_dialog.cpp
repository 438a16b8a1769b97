#include "close_reopen_dialog.h"

#include "close_text.h"
#include "finance/finance_widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel::closing {

CloseReopenDialog::CloseReopenDialog(const QString &periodTitle, const QString &status,
                                     QWidget *parent)
    : QDialog(parent), m_to(new QComboBox), m_reason(new QPlainTextEdit)
{
    setObjectName("closeReopenDialog");
    setWindowTitle(tr("Request to reopen %1").arg(periodTitle));
    m_to->setObjectName("reopenTo");
    m_to->addItem(periodStatusText(QStringLiteral("open")), QStringLiteral("open"));
    // A hard-closed period may go back to soft-closed only (finance journals, no time).
    if (status == QLatin1String("hard_closed"))
        m_to->addItem(periodStatusText(QStringLiteral("soft_closed")),
                      QStringLiteral("soft_closed"));
    m_reason->setObjectName("reopenReason");
    m_reason->setPlaceholderText(tr("Why the period must change (at least 3 characters)"));
    m_reason->setFixedHeight(90);

    auto *form = new QFormLayout;
    form->addRow(tr("Reopen to"), m_to);
    form->addRow(tr("Reason"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(tr("Send request"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName("reopenSend");
    m_ok->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this,
            [this] { m_ok->setEnabled(reason().size() >= 3); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(finance::hintLabel(
        tr("A controller other than you approves the request in the approvals inbox; until "
           "then the period stays as it is. The request and the decision are audited.")));
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, 260);
}

QString CloseReopenDialog::toStatus() const
{
    return m_to->currentData().toString();
}

QString CloseReopenDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void CloseReopenDialog::setReason(const QString &text)
{
    m_reason->setPlainText(text);
}

void CloseReopenDialog::setToStatus(const QString &status)
{
    m_to->setCurrentIndex(std::max(0, m_to->findData(status)));
}

} // namespace keel::closing
