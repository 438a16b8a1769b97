#include "book_line_dialog.h"

#include "api_reply.h"
#include "finance_api.h"
#include "problem_text.h"
#include "sales_format.h"
#include "timeapproval/list_style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel::finance {

BookLineDialog::BookLineDialog(ApiClient *api, const QString &entityId, const QJsonObject &line,
                               const QString &bankLedgerNumber, QWidget *parent)
    : QDialog(parent), m_api(api), m_line(line), m_bankNumber(bankLedgerNumber),
      m_account(new QComboBox), m_description(new QLineEdit), m_message(new QLabel)
{
    setObjectName("bookLineDialog");
    const bool in = !line.value("amount").toObject().value("amount").toString().startsWith(u'-');
    setWindowTitle(tr("Book a statement line to an account"));
    auto *what = new QLabel(tr("%1 on %2 · %3 · %4")
                                .arg(sales::formatMoneyJson(line.value("amount")),
                                     sales::formatDateText(line.value("booking_date").toString()),
                                     line.value("counterparty").toString(),
                                     line.value("reference").toString()));
    what->setWordWrap(true);
    m_account->setObjectName("bookAccount");
    m_account->setMinimumWidth(360);
    m_description->setObjectName("bookDescription");
    m_description->setMaxLength(500);
    m_description->setText(line.value("reference").toString());
    m_message->setWordWrap(true);
    m_message->hide();
    auto *form = new QFormLayout;
    form->addRow(in ? tr("Credit account") : tr("Debit account"), m_account);
    form->addRow(tr("Description"), m_description);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto *book = buttons->addButton(tr("Book and match"), QDialogButtonBox::AcceptRole);
    book->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(book, &QPushButton::clicked, this, &BookLineDialog::submit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    // Money out is usually a charge (expense accounts first), money in interest (revenue).
    ApiReply *r = FinanceApi(api).ledgerAccounts(entityId);
    connect(r, &ApiReply::finished, this, [this, r, in] {
        m_ready = true;
        if (!r->ok()) {
            timeapproval::showOutcome(m_message, humanMessage(r->problem()), true);
            emit ready();
            return;
        }
        const QString first = in ? QStringLiteral("revenue") : QStringLiteral("expense");
        QList<QJsonObject> accounts;
        for (const QJsonValue &v : r->object().value("items").toArray())
            if (v.toObject().value("number").toString() != m_bankNumber)
                accounts.append(v.toObject());
        std::stable_sort(accounts.begin(), accounts.end(),
                         [&first](const QJsonObject &a, const QJsonObject &b) {
                             return (a.value("type").toString() == first) >
                                    (b.value("type").toString() == first);
                         });
        for (const QJsonObject &a : accounts)
            m_account->addItem(QStringLiteral("%1 · %2").arg(a.value("number").toString(),
                                                             a.value("name").toString()),
                               a.value("number").toString());
        emit ready();
    });
}

bool BookLineDialog::submit()
{
    if (m_sending || m_account->currentData().toString().isEmpty())
        return false;
    if (m_description->text().trimmed().isEmpty()) {
        timeapproval::showOutcome(m_message, tr("Say what the line is, e.g. \"Bank charges\"."),
                                  true);
        return false;
    }
    m_sending = true;
    ApiReply *r = FinanceApi(m_api).match(
        sales::idText(m_line.value("id")),
        QJsonObject{{"journal", QJsonObject{{"account_number", m_account->currentData().toString()},
                                            {"description", m_description->text().trimmed()}}},
                    {"version", m_line.value("version")}});
    connect(r, &ApiReply::finished, this, [this, r] {
        m_sending = false;
        if (!r->ok()) {
            timeapproval::showOutcome(m_message, humanMessage(r->problem()), true);
            return;
        }
        emit booked();
        accept();
    });
    return true;
}

QString BookLineDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

} // namespace keel::finance
