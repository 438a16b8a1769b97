#include "cash_dialog.h"

#include "allocation_model.h"
#include "api_client.h"
#include "api_reply.h"
#include "finance_api.h"
#include "finance_widgets.h"
#include "problem_text.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

namespace {
// What the user typed, in the locale's separators, as Money of `currency`; invalid otherwise.
Money typedMoney(const QString &text, const QString &currency)
{
    const QLocale locale;
    QString plain = text.trimmed();
    plain.remove(locale.groupSeparator());
    plain.replace(locale.decimalPoint(), QStringLiteral("."));
    const auto m = Money::parse(plain, currency);
    return m ? *m : Money();
}
} // namespace

CashDialog::CashDialog(ApiClient *api, Kind kind, const QString &entityId, const QString &partyId,
                       const QString &partyName, QWidget *parent)
    : QDialog(parent), m_api(api), m_kind(kind), m_entity(entityId), m_party(partyId),
      m_model(new AllocationModel(
          kind == Kind::Payment ? QStringLiteral("bill_id") : QStringLiteral("invoice_id"), this)),
      m_bank(new QComboBox), m_date(dateField(QDate::currentDate(), "cashDate")),
      m_amount(new QLineEdit), m_currency(new QLabel), m_reference(new QLineEdit),
      m_table(financeTable("allocationTable")), m_summary(new QLabel), m_message(new QLabel),
      m_record(new QPushButton)
{
    const bool receipt = kind != Kind::Payment;
    const bool apply = kind == Kind::ApplyUnapplied;
    setObjectName(apply ? "applyCashDialog" : receipt ? "receiptDialog" : "paymentDialog");
    setWindowTitle(apply     ? tr("Apply unapplied cash of %1").arg(partyName)
                   : receipt ? tr("Record a receipt from %1").arg(partyName)
                             : tr("Record a payment to %1").arg(partyName));
    m_bank->setObjectName("bankAccount");
    m_amount->setObjectName("cashAmount");
    m_amount->setPlaceholderText(QStringLiteral("0") + QLocale().decimalPoint() +
                                 QStringLiteral("00"));
    m_amount->setAlignment(Qt::AlignRight);
    m_reference->setObjectName("cashReference");
    m_reference->setMaxLength(140);
    m_reference->setPlaceholderText(receipt
                                        ? tr("As on the bank statement, e.g. the invoice number")
                                        : tr("Payment reference sent to the vendor"));
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_currency);

    auto *form = new QFormLayout;
    // Short fields stay short; only the bank and the reference take room.
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_bank->setMinimumWidth(360);
    m_reference->setMinimumWidth(360);
    m_amount->setFixedWidth(160);
    form->addRow(apply     ? tr("Receipt")
                 : receipt ? tr("Into bank account")
                           : tr("From bank account"),
                 m_bank);
    form->addRow(apply ? tr("Applied on") : receipt ? tr("Received on") : tr("Paid on"), m_date);
    form->addRow(apply ? tr("Unapplied") : tr("Amount"), amountRow);
    if (apply) { // the receipt's own: its unapplied amount, its reference
        m_amount->setReadOnly(true);
        m_reference->hide();
    } else {
        form->addRow(tr("Reference"), m_reference);
    }

    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    QHeaderView *h = m_table->horizontalHeader();
    h->resizeSection(AllocationModel::NumberColumn, 170);
    h->resizeSection(AllocationModel::DateColumn, 100);
    h->resizeSection(AllocationModel::DueColumn, 100);
    h->resizeSection(AllocationModel::TotalColumn, 130);
    h->resizeSection(AllocationModel::BalanceColumn, 130);

    auto *oldest = new QPushButton(tr("Apply oldest first"));
    oldest->setObjectName("applyOldest");
    oldest->setToolTip(tr("Spreads the amount over the open documents, earliest due date first."));
    auto *clear = new QPushButton(tr("Clear"));
    auto *applyRow = new QHBoxLayout;
    applyRow->addWidget(
        sectionLabel(receipt ? tr("Apply to open invoices") : tr("Apply to open bills")));
    applyRow->addStretch(1);
    applyRow->addWidget(clear);
    applyRow->addWidget(oldest);

    auto *editHint = hintLabel(tr("Type an amount in the Apply column to apply part of the "
                                  "receipt to an invoice; what is not applied stays unapplied "
                                  "cash of the client."));
    if (!receipt)
        editHint->setText(tr("Type an amount in the Apply column to pay part of a bill."));
    m_summary->setObjectName("allocationSummary");
    m_message->setObjectName("cashMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_record->setObjectName("recordCash");
    m_record->setText(apply ? tr("Apply") : receipt ? tr("Record receipt") : tr("Record payment"));
    m_record->setProperty("primary", true);
    m_record->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_record, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_record, &QPushButton::clicked, this, &CashDialog::submit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addLayout(applyRow);
    layout->addWidget(editHint);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(820, 520);

    connect(oldest, &QPushButton::clicked, this, [this] {
        m_model->applyOldestFirst(typedMoney(m_amount->text(), m_model->currency()));
    });
    connect(clear, &QPushButton::clicked, m_model, &AllocationModel::clearApplied);
    connect(m_model, &AllocationModel::appliedChanged, this, &CashDialog::updateSummary);
    connect(m_amount, &QLineEdit::textChanged, this, &CashDialog::updateSummary);
    loadDocuments();
    if (apply) {
        connect(m_bank, &QComboBox::currentIndexChanged, this, &CashDialog::showUnapplied);
        loadReceipts();
    } else {
        loadBanks();
    }
    updateSummary();
}

void CashDialog::loadReceipts()
{
    ApiReply *r = FinanceApi(m_api).receipts(m_entity, m_party, true);
    connect(r, &ApiReply::finished, this, [this, r] {
        m_banksLoaded = true;
        if (!r->ok()) {
            showMessage(tr("The receipts could not be loaded: %1").arg(humanMessage(r->problem())),
                        true);
        } else {
            for (const QJsonValue &v : r->object().value("items").toArray()) {
                const QJsonObject o = v.toObject();
                const QString reference = o.value("reference").toString();
                m_bank->addItem(
                    tr("%1 · %2 unapplied of %3%4")
                        .arg(sales::formatDateText(o.value("receipt_date").toString()),
                             sales::formatMoneyJson(o.value("unapplied")),
                             sales::formatMoneyJson(o.value("amount")),
                             reference.isEmpty() ? QString() : QStringLiteral(" · ") + reference),
                    sales::idText(o.value("id")));
                m_bank->setItemData(m_bank->count() - 1, o.value("currency").toString(),
                                    Qt::UserRole + 1);
                m_bank->setItemData(m_bank->count() - 1, o.value("unapplied").toVariant(),
                                    Qt::UserRole + 2);
            }
            if (m_bank->count() == 0)
                showMessage(tr("The client has no unapplied cash."), false);
            showUnapplied(); // the first receipt was chosen before its amount was stored
        }
        if (isReady())
            emit ready();
    });
}

void CashDialog::showUnapplied()
{
    const Money left = moneyOf(QJsonValue::fromVariant(m_bank->currentData(Qt::UserRole + 2)));
    m_amount->setText(left.isValid() ? sales::groupDigits(left.toString()) : QString());
}

// Money moves in the documents' currency: the first bank account holding it is the likely one.
void CashDialog::selectBankInCurrency()
{
    if (m_kind == Kind::ApplyUnapplied || m_model->currency().isEmpty())
        return;
    if (m_bank->currentData(Qt::UserRole + 1).toString() == m_model->currency())
        return;
    for (int i = 0; i < m_bank->count(); ++i)
        if (m_bank->itemData(i, Qt::UserRole + 1).toString() == m_model->currency()) {
            m_bank->setCurrentIndex(i);
            return;
        }
}

QString CashDialog::currentCurrency() const
{
    return m_model->currency().isEmpty() ? m_bank->currentData(Qt::UserRole + 1).toString()
                                         : m_model->currency();
}

void CashDialog::loadDocuments()
{
    FinanceApi api(m_api);
    ApiReply *r = m_kind == Kind::Payment
                      ? api.openBills(m_entity, m_party)
                      : api.agingInvoices(m_entity, m_party, QDate::currentDate());
    connect(r, &ApiReply::finished, this, [this, r] {
        m_documentsLoaded = true;
        if (!r->ok()) {
            showMessage(
                tr("The open documents could not be loaded: %1").arg(humanMessage(r->problem())),
                true);
        } else {
            m_model->setDocuments(r->object().value("items").toArray());
            m_currency->setText(m_model->currency());
            selectBankInCurrency();
            if (m_model->documentCount() == 0)
                showMessage(m_kind == Kind::Receipt
                                ? tr("The client has no open invoices: the whole receipt stays "
                                     "unapplied until you apply it.")
                            : m_kind == Kind::Payment ? tr("The vendor has no open bills.")
                                                      : tr("The client has no open invoices."),
                            false);
        }
        if (isReady())
            emit ready();
    });
}

void CashDialog::loadBanks()
{
    ApiReply *r = FinanceApi(m_api).bankAccounts(m_entity);
    connect(r, &ApiReply::finished, this, [this, r] {
        m_banksLoaded = true;
        if (!r->ok()) {
            showMessage(
                tr("The bank accounts could not be loaded: %1").arg(humanMessage(r->problem())),
                true);
        } else {
            for (const QJsonValue &v : r->object().value("items").toArray()) {
                const QJsonObject b = v.toObject();
                m_bank->addItem(QStringLiteral("%1 · %2 (%3)")
                                    .arg(b.value("name").toString(),
                                         b.value("account_number").toString(),
                                         b.value("currency").toString()),
                                sales::idText(b.value("id")));
                m_bank->setItemData(m_bank->count() - 1, b.value("currency").toString(),
                                    Qt::UserRole + 1);
            }
            if (m_bank->count() == 0)
                showMessage(tr("The entity has no bank account yet: add one in the Bank tab."),
                            true);
            selectBankInCurrency();
        }
        if (isReady())
            emit ready();
    });
}

void CashDialog::updateSummary()
{
    const QString currency = currentCurrency();
    if (m_currency->text().isEmpty())
        m_currency->setText(currency);
    const Money amount = typedMoney(m_amount->text(), currency);
    const Money applied = m_model->totalApplied();
    if (!amount.isValid()) {
        m_summary->setText(tr("Open: %1").arg(sales::formatMoney(m_model->totalBalance())));
        return;
    }
    const Money left = applied.isValid() ? amount.subtract(applied).valueOr(amount) : amount;
    m_summary->setText(
        tr("Applied %1 · Unapplied %2 · Open %3")
            .arg(applied.isValid() ? sales::formatMoney(applied)
                                   : sales::formatMoney(Money::zero(amount.currency())),
                 sales::formatMoney(left), sales::formatMoney(m_model->totalBalance())));
}

QJsonObject CashDialog::body() const
{
    const QString currency = currentCurrency();
    const Money amount = typedMoney(m_amount->text(), currency);
    if (m_kind == Kind::ApplyUnapplied)
        return QJsonObject{{"date", FinanceApi::date(m_date->date())},
                           {"allocations", m_model->allocations()}};
    const bool receipt = m_kind == Kind::Receipt;
    return QJsonObject{
        {"legal_entity_id", m_entity},
        {receipt ? "account_id" : "vendor_id", m_party},
        {"bank_account_id", m_bank->currentData().toString()},
        {receipt ? "receipt_date" : "payment_date", FinanceApi::date(m_date->date())},
        {"amount", QJsonObject{{"amount", amount.isValid() ? amount.toString() : QString()},
                               {"currency", currency}}},
        {"reference", m_reference->text().trimmed()},
        {"allocations", m_model->allocations()}};
}

bool CashDialog::submit()
{
    if (m_sending)
        return false;
    const QString currency = currentCurrency();
    const Money amount = typedMoney(m_amount->text(), currency);
    QString problem = m_model->problemWith(amount);
    if (problem.isEmpty() && m_bank->currentData().toString().isEmpty())
        problem = m_kind == Kind::ApplyUnapplied ? tr("Choose the receipt.")
                                                 : tr("Choose the bank account.");
    if (problem.isEmpty() && m_kind == Kind::Payment && m_model->allocations().isEmpty())
        problem = tr("Apply the payment to at least one bill.");
    if (problem.isEmpty() && m_kind == Kind::ApplyUnapplied && m_model->allocations().isEmpty())
        problem = tr("Apply the cash to at least one invoice.");
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return false;
    }
    m_sending = true;
    m_record->setEnabled(false);
    FinanceApi api(m_api);
    ApiReply *r = m_kind == Kind::Receipt ? api.recordReceipt(body())
                  : m_kind == Kind::Payment
                      ? api.recordPayment(body())
                      : api.allocateReceipt(m_bank->currentData().toString(), body());
    connect(r, &ApiReply::finished, this, [this, r] {
        m_sending = false;
        m_record->setEnabled(true);
        if (!r->ok()) {
            showMessage(humanMessage(r->problem()), true);
            return;
        }
        emit recorded(r->object());
        accept();
    });
    return true;
}

void CashDialog::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

QString CashDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

} // namespace keel::finance
