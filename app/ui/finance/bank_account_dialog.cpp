#include "bank_account_dialog.h"

#include "api_reply.h"
#include "finance_api.h"
#include "problem_text.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel::finance {

BankAccountDialog::BankAccountDialog(ApiClient *api, const QString &entityId,
                                     const QString &functionalCurrency, QWidget *parent)
    : QDialog(parent), m_api(api), m_entity(entityId), m_name(new QLineEdit), m_bank(new QLineEdit),
      m_number(new QLineEdit), m_currency(new QComboBox), m_message(new QLabel)
{
    setObjectName("bankAccountDialog");
    setWindowTitle(tr("New bank account"));
    m_name->setMaxLength(100);
    m_name->setPlaceholderText(tr("e.g. Operating account EUR"));
    m_number->setMaxLength(40);
    m_number->setPlaceholderText(tr("IBAN or local account number"));
    // The entity's own currency first, then the firm's others.
    QStringList currencies{functionalCurrency};
    for (const char *c : {"EUR", "GBP", "USD"})
        if (!currencies.contains(QLatin1String(c)))
            currencies << QString::fromLatin1(c);
    currencies.removeAll(QString());
    m_currency->addItems(currencies);
    m_currency->setEditable(true); // another ISO code may be typed
    for (QLineEdit *e : {m_name, m_bank, m_number})
        e->setMinimumWidth(320);
    m_message->setWordWrap(true);
    m_message->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Bank"), m_bank);
    form->addRow(tr("Account number"), m_number);
    form->addRow(tr("Currency"), m_currency);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto *create = buttons->addButton(tr("Create account"), QDialogButtonBox::AcceptRole);
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(create, &QPushButton::clicked, this, &BankAccountDialog::submit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

bool BankAccountDialog::submit()
{
    if (m_sending)
        return false;
    if (m_name->text().trimmed().isEmpty() || m_number->text().trimmed().isEmpty()) {
        timeapproval::showOutcome(m_message, tr("Give the account a name and its number."), true);
        return false;
    }
    m_sending = true;
    ApiReply *r = FinanceApi(m_api).createBankAccount(
        QJsonObject{{"legal_entity_id", m_entity},
                    {"name", m_name->text().trimmed()},
                    {"bank_name", m_bank->text().trimmed()},
                    {"account_number", m_number->text().trimmed()},
                    {"currency", m_currency->currentText().trimmed().toUpper()}});
    connect(r, &ApiReply::finished, this, [this, r] {
        m_sending = false;
        if (!r->ok()) {
            timeapproval::showOutcome(m_message, humanMessage(r->problem()), true);
            return;
        }
        emit created(r->object());
        accept();
    });
    return true;
}

QString BankAccountDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

} // namespace keel::finance
