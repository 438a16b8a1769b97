#include "opportunity_dialog.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem.h"
#include "problem_text.h"
#include "session.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keel::sales {

OpportunityDialog::OpportunityDialog(Session *session, const QJsonObject &opportunity,
                                     QWidget *parent)
    : QDialog(parent), m_session(session), m_opportunity(opportunity), m_account(new QComboBox),
      m_name(new QLineEdit), m_value(new QLineEdit), m_currency(new QComboBox),
      m_close(new QDateEdit), m_start(new QDateEdit), m_practice(new QComboBox),
      m_targetMargin(new QLineEdit), m_competitor(new QLineEdit), m_error(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    const bool editing = !opportunity.isEmpty();
    setWindowTitle(editing ? tr("Opportunity — %1").arg(opportunity.value("name").toString())
                           : tr("New opportunity"));
    setObjectName("opportunityDialog");
    m_account->setObjectName("accountCombo");
    m_name->setObjectName("nameEdit");
    m_value->setObjectName("valueEdit");
    m_account->setEditable(false);
    m_account->setMinimumWidth(320);
    for (const char *c : {"EUR", "GBP", "USD"})
        m_currency->addItem(QString::fromLatin1(c));
    m_value->setPlaceholderText(tr("e.g. 120000.00"));
    m_targetMargin->setPlaceholderText(tr("e.g. 30 (percent)"));
    for (QDateEdit *d : {m_close, m_start}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_close->setDate(QDate::currentDate().addMonths(2));
    m_start->setDate(QDate::currentDate().addMonths(3));
    m_practice->addItem(tr("No practice"), QString());
    m_error->setObjectName("errorLabel");
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Account"), m_account);
    form->addRow(tr("Name"), m_name);
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_currency);
    form->addRow(tr("Expected value"), valueRow);
    form->addRow(tr("Expected close"), m_close);
    form->addRow(tr("Expected start"), m_start);
    form->addRow(tr("Practice"), m_practice);
    form->addRow(tr("Target margin %"), m_targetMargin);
    form->addRow(tr("Competitor"), m_competitor);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpportunityDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Reference data: accounts the user may sell to, practices.
    ApiReply *accounts = session->api()->get(QStringLiteral("/api/v1/crm/accounts?limit=500"));
    connect(accounts, &ApiReply::finished, this, [this, accounts] {
        const QString current = m_account->currentData().toString();
        for (const QJsonValue &v : accounts->object().value("items").toArray()) {
            const QJsonObject a = v.toObject();
            const QString id = a.value("id").toString();
            if (m_account->findData(id) < 0)
                m_account->addItem(a.value("name").toString(), id);
        }
        if (!current.isEmpty())
            m_account->setCurrentIndex(m_account->findData(current));
        if (m_account->count() == 0) {
            m_error->setText(tr("There are no accounts yet: create an account (or convert a "
                                "lead) first."));
            m_error->show();
        }
    });
    ApiReply *practices = session->api()->get(QStringLiteral("/api/v1/practices"));
    connect(practices, &ApiReply::finished, this, [this, practices] {
        const QJsonArray items = practices->object().value("items").toArray();
        for (const QJsonValue &v : items) {
            const QJsonObject p = v.toObject();
            m_practice->addItem(p.value("name").toString(), p.value("code").toString());
        }
        const QString want = m_opportunity.value("practice").toString();
        if (!want.isEmpty())
            m_practice->setCurrentIndex(qMax(0, m_practice->findData(want)));
    });

    if (editing) {
        setAccount(opportunity.value("account").toString(),
                   opportunity.value("account_name").toString());
        m_account->setEnabled(false);
        m_name->setText(opportunity.value("name").toString());
        const QJsonObject value = opportunity.value("expected_value").toObject();
        m_value->setText(value.value("amount").toString());
        m_currency->setCurrentText(value.value("currency").toString());
        m_close->setDate(
            QDate::fromString(opportunity.value("expected_close").toString(), Qt::ISODate));
        const QDate start =
            QDate::fromString(opportunity.value("expected_start").toString(), Qt::ISODate);
        if (start.isValid())
            m_start->setDate(start);
        m_targetMargin->setText(opportunity.value("target_margin_pct").toString());
        m_competitor->setText(opportunity.value("competitor").toString());
    }
}

void OpportunityDialog::setAccount(const QString &id, const QString &name)
{
    if (id.isEmpty())
        return;
    int i = m_account->findData(id);
    if (i < 0) {
        m_account->addItem(name, id);
        i = m_account->count() - 1;
    }
    m_account->setCurrentIndex(i);
}

QJsonObject OpportunityDialog::body() const
{
    QJsonObject b{{"name", m_name->text().trimmed()},
                  {"expected_value", QJsonObject{{"amount", m_value->text().trimmed()},
                                                 {"currency", m_currency->currentText()}}},
                  {"expected_close", m_close->date().toString(Qt::ISODate)},
                  {"expected_start", m_start->date().toString(Qt::ISODate)}};
    if (m_opportunity.isEmpty()) {
        b.insert("account", m_account->currentData().toString());
        b.insert("legal_entity", m_session->user().legalEntity);
    }
    const QString practice = m_practice->currentData().toString();
    if (!practice.isEmpty())
        b.insert("practice", practice);
    if (!m_targetMargin->text().trimmed().isEmpty())
        b.insert("target_margin_pct", m_targetMargin->text().trimmed());
    if (!m_competitor->text().trimmed().isEmpty())
        b.insert("competitor", m_competitor->text().trimmed());
    if (!m_opportunity.isEmpty())
        b.insert("version", m_opportunity.value("version").toInt());
    return b;
}

void OpportunityDialog::save()
{
    m_buttons->setEnabled(false);
    m_error->hide();
    ApiReply *reply =
        m_opportunity.isEmpty()
            ? m_session->api()->post(QStringLiteral("/api/v1/crm/opportunities"), body())
            : m_session->api()->send("PUT",
                                     QStringLiteral("/api/v1/crm/opportunities/%1")
                                         .arg(m_opportunity.value("id").toString()),
                                     body());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_buttons->setEnabled(true);
        if (!reply->ok()) {
            m_error->setText(humanMessage(reply->problem()));
            m_error->show();
            return;
        }
        m_saved = reply->object();
        emit savedOpportunity(m_saved);
        accept();
    });
}

} // namespace keel::sales
