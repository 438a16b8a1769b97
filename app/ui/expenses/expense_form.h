#pragma once

#include "expense_policy_check.h"

#include <QJsonObject>
#include <QUuid>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace keel::expenses {

class ExpenseBook;
class ReceiptDropZone;

// One expense: category (its policy shown), date, description, amount and currency (decimal
// text, never a double), project and task, billable, the receipt (dropped or chosen). The
// policy check runs while typing; a breach shows the justification field.
class ExpenseForm : public QWidget
{
    Q_OBJECT
public:
    explicit ExpenseForm(ExpenseBook *book, QWidget *parent = nullptr);

    void startNew();
    void load(const QJsonObject &expense);
    QString expenseId() const { return m_id.toString(QUuid::WithoutBraces); }

    // Parts tests fill in.
    QComboBox *categoryBox() const { return m_category; }
    QLineEdit *amountEdit() const { return m_amount; }
    QComboBox *currencyBox() const { return m_currency; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QDateEdit *dateEdit() const { return m_date; }
    QPlainTextEdit *justificationEdit() const { return m_justification; }
    ReceiptDropZone *receiptZone() const { return m_receipt; }

    PolicyCheck policyCheck() const { return m_check; }
    QString policyCheckText() const;
    bool justificationVisible() const;
    QString message() const;
    // Validates and saves (ExpenseBook::save); false when the form says what is missing.
    bool save();
    // The API fields of what is on screen.
    QJsonObject fields() const;

signals:
    void saved(const QString &id);

private:
    void fillCategories();
    void fillProjects();
    void fillTasks();
    void updatePolicy();
    void showMessage(const QString &text, bool error);
    std::optional<Money> amount(QString *why = nullptr) const;
    void setEditable(bool editable);

    ExpenseBook *m_book;
    QUuid m_id;
    int m_version = 0;
    bool m_hasReceipt = false;
    bool m_currencyChosen = false;
    QString m_status;
    QString m_serverBreach;
    PolicyCheck m_check;
    QLabel *m_heading;
    QComboBox *m_category;
    QLabel *m_policy;
    QDateEdit *m_date;
    QLineEdit *m_description;
    QLineEdit *m_amount;
    QComboBox *m_currency;
    QComboBox *m_project;
    QComboBox *m_task;
    QCheckBox *m_billable;
    ReceiptDropZone *m_receipt;
    QLabel *m_checkLabel;
    QLabel *m_justificationLabel;
    QPlainTextEdit *m_justification;
    QLabel *m_message;
    QPushButton *m_save;
};

} // namespace keel::expenses
