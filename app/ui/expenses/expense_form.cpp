#include "expense_form.h"

#include "expense_book.h"
#include "receipt_drop_zone.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace keel::expenses {

using sales::idText;

namespace {
const QStringList CommonCurrencies{
    QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("USD"), QStringLiteral("CHF"),
    QStringLiteral("SEK"), QStringLiteral("DKK"), QStringLiteral("PLN"), QStringLiteral("JPY")};

void selectData(QComboBox *box, const QString &data)
{
    const int at = box->findData(data);
    box->setCurrentIndex(at >= 0 ? at : 0);
}
} // namespace

ExpenseForm::ExpenseForm(ExpenseBook *book, QWidget *parent)
    : QWidget(parent), m_book(book), m_heading(new QLabel), m_category(new QComboBox),
      m_policy(new QLabel), m_date(new QDateEdit), m_description(new QLineEdit),
      m_amount(new QLineEdit), m_currency(new QComboBox), m_project(new QComboBox),
      m_task(new QComboBox), m_billable(new QCheckBox), m_receipt(new ReceiptDropZone),
      m_checkLabel(new QLabel), m_justificationLabel(new QLabel),
      m_justification(new QPlainTextEdit), m_message(new QLabel), m_save(new QPushButton)
{
    setObjectName("expenseForm");
    m_heading->setObjectName("cardTitle");
    m_category->setObjectName("expenseCategory");
    m_policy->setObjectName("categoryPolicy");
    m_policy->setWordWrap(true);
    m_policy->setStyleSheet(QStringLiteral("color:#5B6472;"));
    m_date->setObjectName("expenseDate");
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_description->setObjectName("expenseDescription");
    m_description->setPlaceholderText(tr("What it was for, e.g. Train London–Leeds, client "
                                         "workshop"));
    m_description->setMaxLength(500);
    m_amount->setObjectName("expenseAmount");
    m_amount->setPlaceholderText(QStringLiteral("0.00"));
    m_amount->setAlignment(Qt::AlignRight);
    // Decimal text only; it becomes Money through Money::parse, never a double.
    m_amount->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^[0-9]{0,12}([.,][0-9]{0,4})?$")), m_amount));
    m_currency->setObjectName("expenseCurrency");
    m_currency->setEditable(true);
    m_currency->setInsertPolicy(QComboBox::NoInsert);
    m_currency->lineEdit()->setMaxLength(3);
    m_currency->setMaximumWidth(90);
    m_project->setObjectName("expenseProject");
    m_task->setObjectName("expenseTask");
    m_billable->setObjectName("expenseBillable");
    m_billable->setText(tr("Billable to the client"));
    m_checkLabel->setObjectName("policyCheck");
    m_checkLabel->setWordWrap(true);
    m_justificationLabel->setText(tr("Justification (required to submit)"));
    m_justification->setObjectName("expenseJustification");
    m_justification->setPlaceholderText(tr("Why this expense is above the policy, e.g. the only "
                                           "hotel near the client site"));
    m_justification->setFixedHeight(64);
    m_message->setObjectName("formMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_save->setObjectName("saveExpense");
    m_save->setText(tr("Save expense"));
    m_save->setProperty("primary", true);
    m_save->setDefault(true);

    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_currency);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    form->addRow(tr("Category"), m_category);
    form->addRow(QString(), m_policy);
    form->addRow(tr("Date"), m_date);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Amount"), amountRow);
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("Task"), m_task);
    form->addRow(QString(), m_billable);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addWidget(m_receipt);
    layout->addWidget(m_checkLabel);
    layout->addWidget(m_justificationLabel);
    layout->addWidget(m_justification);
    layout->addWidget(m_message);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_book, &ExpenseBook::referenceLoaded, this, [this] {
        fillCategories();
        fillProjects();
        updatePolicy();
    });
    connect(m_book, &ExpenseBook::expensesChanged, this, &ExpenseForm::updatePolicy);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto c = m_book->category(m_category->currentData().toString());
            c && m_version == 0)
            m_billable->setChecked(c->billableDefault && m_project->currentIndex() > 0);
        updatePolicy();
    });
    connect(m_project, &QComboBox::currentIndexChanged, this, [this] {
        fillTasks();
        const auto c = m_book->category(m_category->currentData().toString());
        m_billable->setEnabled(m_project->currentIndex() > 0);
        m_billable->setChecked(m_project->currentIndex() > 0 && c && c->billableDefault);
    });
    connect(m_amount, &QLineEdit::textChanged, this, &ExpenseForm::updatePolicy);
    connect(m_amount, &QLineEdit::textEdited, this, [this] {
        m_serverBreach.clear(); // the server judges the new amount when it is saved
        updatePolicy();
    });
    connect(m_currency, &QComboBox::currentTextChanged, this, &ExpenseForm::updatePolicy);
    connect(m_currency, &QComboBox::activated, this, [this] { m_currencyChosen = true; });
    connect(m_currency->lineEdit(), &QLineEdit::textEdited, this,
            [this] { m_currencyChosen = true; });
    connect(m_date, &QDateEdit::dateChanged, this, &ExpenseForm::updatePolicy);
    connect(m_receipt, &ReceiptDropZone::receiptChanged, this, &ExpenseForm::updatePolicy);
    connect(m_receipt, &ReceiptDropZone::refused, this,
            [this](const QString &why) { showMessage(why, true); });
    connect(m_save, &QPushButton::clicked, this, &ExpenseForm::save);
    connect(m_book, &ExpenseBook::saved, this, [this](const QString &id, bool locally) {
        if (id != expenseId())
            return;
        showMessage(locally ? tr("Saved on this computer; it goes to the server with the next "
                                 "sync.")
                            : tr("Saved."),
                    false);
        m_save->setEnabled(true);
        if (const auto e = m_book->expense(id))
            load(*e);
        emit saved(id);
    });
    connect(m_book, &ExpenseBook::saveFailed, this, [this](const QString &why) {
        showMessage(why, true);
        m_save->setEnabled(true);
    });

    fillCategories();
    fillProjects();
    startNew();
}

void ExpenseForm::fillCategories()
{
    const QString current = m_category->currentData().toString();
    QSignalBlocker block(m_category);
    m_category->clear();
    for (const CategoryPolicy &c : m_book->categories())
        m_category->addItem(c.name, c.id);
    if (!current.isEmpty())
        selectData(m_category, current);
    QStringList codes = CommonCurrencies;
    if (!m_book->functionalCurrency().isEmpty()) {
        codes.removeAll(m_book->functionalCurrency());
        codes.prepend(m_book->functionalCurrency());
    }
    const QString cur = m_currency->currentText();
    QSignalBlocker blockCurrency(m_currency);
    m_currency->clear();
    m_currency->addItems(codes);
    // The entity's currency until the person picks another.
    m_currency->setCurrentText(cur.isEmpty() || !m_currencyChosen ? codes.first() : cur);
}

void ExpenseForm::fillProjects()
{
    const QString current = m_project->currentData().toString();
    QSignalBlocker block(m_project);
    m_project->clear();
    m_project->addItem(tr("No project (internal)"), QString());
    for (const QJsonValue &v : m_book->projects()) {
        const QJsonObject p = v.toObject();
        m_project->addItem(p.value("name").toString(), idText(p.value("id")));
    }
    selectData(m_project, current);
    fillTasks();
}

void ExpenseForm::fillTasks()
{
    const QString current = m_task->currentData().toString();
    m_task->clear();
    m_task->addItem(tr("No task"), QString());
    for (const QJsonValue &v : m_book->tasks(m_project->currentData().toString())) {
        const QJsonObject t = v.toObject();
        m_task->addItem(t.value("name").toString(), idText(t.value("id")));
    }
    selectData(m_task, current);
    m_task->setEnabled(m_project->currentIndex() > 0);
}

void ExpenseForm::startNew()
{
    m_id = QUuid::createUuid();
    m_version = 0;
    m_hasReceipt = false;
    m_serverBreach.clear();
    m_status = QStringLiteral("draft");
    m_heading->setText(tr("New expense"));
    m_date->setDate(QDate::currentDate());
    m_description->clear();
    m_amount->clear();
    m_justification->clear();
    m_project->setCurrentIndex(0);
    m_billable->setChecked(false);
    m_billable->setEnabled(false);
    m_currencyChosen = false;
    if (!m_book->functionalCurrency().isEmpty())
        m_currency->setCurrentText(m_book->functionalCurrency());
    m_receipt->setExisting(QString());
    m_message->hide();
    setEditable(true);
    updatePolicy();
}

void ExpenseForm::load(const QJsonObject &e)
{
    m_id = QUuid::fromString(e.value("id").toString());
    m_version = e.value("version").toInt();
    m_status = e.value("status").toString();
    m_heading->setText(
        tr("Expense of %1").arg(sales::formatDateText(e.value("expense_date").toString())));
    selectData(m_category, idText(e.value("category_id")));
    m_date->setDate(QDate::fromString(e.value("expense_date").toString(), Qt::ISODate));
    m_description->setText(e.value("description").toString());
    const QJsonObject amount = e.value("amount").toObject();
    m_amount->setText(amount.value("amount").toString());
    m_currency->setCurrentText(amount.value("currency").toString());
    m_currencyChosen = true;
    selectData(m_project, idText(e.value("project_id")));
    fillTasks();
    selectData(m_task, idText(e.value("task_id")));
    m_billable->setChecked(e.value("billable").toBool());
    m_justification->setPlainText(e.value("justification").toString());
    const QJsonArray receipts = e.value("receipts").toArray();
    m_hasReceipt = !receipts.isEmpty();
    m_receipt->setExisting(m_hasReceipt ? receipts.last().toObject().value("file_name").toString()
                                        : QString());
    setEditable(m_status == QLatin1String("draft") || m_status == QLatin1String("rejected"));
    m_serverBreach = e.value("policy_breach").toString();
    updatePolicy();
}

void ExpenseForm::setEditable(bool editable)
{
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_category, m_date, m_description, m_amount, m_currency,
                                          m_project, m_task, m_receipt, m_justification, m_save})
        w->setEnabled(editable);
    m_billable->setEnabled(editable && m_project->currentIndex() > 0);
}

std::optional<Money> ExpenseForm::amount(QString *why) const
{
    QString text = m_amount->text().trimmed();
    text.replace(u',', u'.');
    if (text.endsWith(u'.'))
        text.chop(1);
    if (text.isEmpty()) {
        if (why)
            *why = tr("Enter the amount.");
        return std::nullopt;
    }
    const auto m = Money::parse(text, m_currency->currentText().trimmed().toUpper());
    if (!m.ok()) {
        if (why)
            *why = Currency::isKnown(m_currency->currentText().trimmed().toUpper())
                       ? tr("%1 is not an amount in %2 (at most %3 decimals).")
                             .arg(m_amount->text(), m_currency->currentText())
                             .arg(Currency::fromCode(m_currency->currentText().trimmed().toUpper())
                                      .value()
                                      .minorUnits())
                       : tr("%1 is not a currency code.").arg(m_currency->currentText());
        return std::nullopt;
    }
    if (!m.value().isPositive()) {
        if (why)
            *why = tr("The amount must be more than zero.");
        return std::nullopt;
    }
    return m.value();
}

void ExpenseForm::updatePolicy()
{
    const auto policy = m_book->category(m_category->currentData().toString());
    m_policy->setText(policy ? policy->describe() : QString());
    m_check = {};
    const auto money = amount();
    if (policy && money) {
        const bool receipt = m_hasReceipt || m_receipt->receipt().has_value();
        m_check = checkPolicy(*policy, *money,
                              m_book->sameDayTotal(policy->id, m_date->date(), expenseId()),
                              receipt, m_date->date());
    }
    // The server's verdict on a saved expense (e.g. after conversion) when the form saw none.
    if (!m_check.hasBreach() && !m_serverBreach.isEmpty())
        m_check.breaches.append(m_serverBreach);
    QString text;
    QString style;
    if (m_check.hasBreach()) {
        text = QStringLiteral("⚠ ") + m_check.breaches.join(QStringLiteral("\n⚠ "));
        style = QStringLiteral("color:#8A4B00; background:#FFF1D6; border-radius:6px; "
                               "padding:8px;");
    } else if (m_check.notCheckable) {
        text = m_check.note;
        style = QStringLiteral("color:#5B6472; padding:8px;");
    } else if (policy && money) {
        text = tr("✓ Within the %1 policy.").arg(policy->name);
        style = QStringLiteral("color:#1F6F43; padding:8px;");
    }
    m_checkLabel->setText(text);
    m_checkLabel->setStyleSheet(style);
    m_checkLabel->setVisible(!text.isEmpty());
    // A breach of the cap needs a reason; a missing receipt is cured by attaching one.
    const bool needsReason =
        m_check.hasBreach() && (m_check.breaches.size() > 1 || !m_check.receiptMissing);
    m_justificationLabel->setVisible(needsReason || !m_justification->toPlainText().isEmpty());
    m_justification->setVisible(m_justificationLabel->isVisibleTo(this));
}

QString ExpenseForm::policyCheckText() const
{
    return m_checkLabel->isVisibleTo(this) ? m_checkLabel->text() : QString();
}

bool ExpenseForm::justificationVisible() const
{
    return m_justification->isVisibleTo(this);
}

QString ExpenseForm::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QJsonObject ExpenseForm::fields() const
{
    QJsonObject f{{"category_id", m_category->currentData().toString()},
                  {"expense_date", m_date->date().toString(Qt::ISODate)},
                  {"description", m_description->text().trimmed()}};
    if (const auto m = amount())
        f.insert("amount",
                 QJsonObject{{"amount", m->toString()}, {"currency", m->currency().code()}});
    const QString project = m_project->currentData().toString();
    f.insert("project_id", project.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(project));
    const QString task = m_task->currentData().toString();
    f.insert("task_id", task.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(task));
    f.insert("billable", !project.isEmpty() && m_billable->isChecked());
    const QString justification = m_justification->toPlainText().trimmed();
    if (!justification.isEmpty())
        f.insert("justification", justification);
    return f;
}

bool ExpenseForm::save()
{
    QStringList missing;
    if (m_category->currentData().toString().isEmpty())
        missing.append(tr("Choose a category."));
    if (m_description->text().trimmed().isEmpty())
        missing.append(tr("Say what the expense was for."));
    QString why;
    if (!amount(&why))
        missing.append(why);
    if (!missing.isEmpty()) {
        showMessage(missing.join(u'\n'), true);
        return false;
    }
    m_save->setEnabled(false);
    showMessage(tr("Saving…"), false);
    m_book->save(m_id, fields(), m_version, m_receipt->receipt());
    return true;
}

void ExpenseForm::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

} // namespace keel::expenses
