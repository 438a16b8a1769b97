#include "contract_form.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "sales_format.h"
#include "session.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace keel::sales {

ContractForm::ContractForm(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel), m_status(new QLabel),
      m_header(new QLabel), m_lines(new QTableWidget(0, 4)), m_signatureDate(new QDateEdit),
      m_sign(new QPushButton(tr("Sign contract"))), m_project(new QLabel), m_error(new QLabel)
{
    setObjectName("contractForm");
    m_title->setObjectName("pageTitle");
    m_status->setObjectName("statusChip");
    m_header->setWordWrap(true);
    m_sign->setObjectName("signButton");
    m_sign->setProperty("primary", true);
    m_project->setObjectName("projectLabel");
    m_project->setWordWrap(true);
    m_project->setTextFormat(Qt::RichText);
    m_error->setObjectName("errorLabel");
    m_error->setWordWrap(true);
    m_error->hide();
    m_signatureDate->setCalendarPopup(true);
    m_signatureDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_signatureDate->setDate(QDate::currentDate());
    m_lines->setObjectName("contractLines");
    m_lines->setHorizontalHeaderLabels({tr("Line"), tr("Billing model"), tr("Value"), tr("Terms")});
    m_lines->horizontalHeader()->setStretchLastSection(true);
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setColumnWidth(0, 240);
    m_lines->setColumnWidth(1, 150);
    m_lines->setColumnWidth(2, 150);

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_status);
    auto *signRow = new QHBoxLayout;
    signRow->addWidget(m_project, 1);
    signRow->addWidget(new QLabel(tr("Signed on")));
    signRow->addWidget(m_signatureDate);
    signRow->addWidget(m_sign);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_header);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_error);
    layout->addLayout(signRow);
    connect(m_sign, &QPushButton::clicked, this, &ContractForm::sign);
    setContract({});
}

QString ContractForm::billingModelName(const QString &model)
{
    if (model == QLatin1String("time_and_materials"))
        return tr("Time and materials");
    if (model == QLatin1String("fixed_fee"))
        return tr("Fixed fee");
    if (model == QLatin1String("milestones"))
        return tr("Milestones");
    if (model == QLatin1String("retainer"))
        return tr("Retainer");
    if (model == QLatin1String("subscription"))
        return tr("Subscription");
    return model;
}

QString ContractForm::lineTerms(const QJsonObject &l)
{
    const QString model = l.value("billing_model").toString();
    QStringList parts;
    if (model == QLatin1String("time_and_materials")) {
        if (l.value("hours").isString())
            parts << tr("%1 h").arg(formatDecimalText(l.value("hours").toString()));
        if (l.value("not_to_exceed").isObject())
            parts << tr("not to exceed %1").arg(formatMoneyJson(l.value("not_to_exceed")));
        else
            parts << tr("no cap");
    } else if (model == QLatin1String("fixed_fee")) {
        const QJsonArray schedule = l.value("schedule").toArray();
        parts << tr("%n instalment(s)", nullptr, int(schedule.size()));
        if (!schedule.isEmpty())
            parts << tr("first on %1")
                         .arg(formatDateText(schedule.first().toObject().value("date").toString()));
    } else if (model == QLatin1String("milestones")) {
        for (const QJsonValue &v : l.value("milestones").toArray()) {
            const QJsonObject m = v.toObject();
            parts << QStringLiteral("%1 %2 (%3)")
                         .arg(m.value("name").toString(), formatMoneyJson(m.value("amount")),
                              formatDateText(m.value("planned_date").toString()));
        }
    } else if (model == QLatin1String("retainer")) {
        parts << tr("%1 a month").arg(formatMoneyJson(l.value("monthly_amount")));
        if (l.value("drawdown_hours").isString())
            parts
                << tr("%1 h drawdown").arg(formatDecimalText(l.value("drawdown_hours").toString()));
        if (l.value("rollover").isString())
            parts << tr("rollover: %1").arg(l.value("rollover").toString());
    } else if (model == QLatin1String("subscription")) {
        parts << tr("%1 per %2")
                     .arg(formatMoneyJson(l.value("fee_per_period")), l.value("period").toString());
    }
    return parts.join(QStringLiteral(" · "));
}

void ContractForm::openContract(const QString &id)
{
    ApiReply *reply = m_session->api()->get(QStringLiteral("/api/v1/crm/contracts/%1").arg(id));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_error->setText(humanMessage(reply->problem()));
            m_error->show();
            return;
        }
        setContract(reply->object());
    });
}

void ContractForm::setContract(const QJsonObject &contract)
{
    m_contract = contract;
    const QString number = contract.value("number").toString();
    m_title->setText(number.isEmpty()
                         ? tr("Contract (draft) — %1").arg(contract.value("title").toString())
                         : tr("Contract %1 — %2").arg(number, contract.value("title").toString()));
    const QString status = contract.value("status").toString();
    m_status->setText(status == QLatin1String("draft")    ? tr("Draft")
                      : status == QLatin1String("signed") ? tr("Signed")
                                                          : status);
    m_status->setProperty("state", status);
    m_header->setText(tr("<b>%1</b> · %2 · payment terms %3 · %4 to %5 · total <b>%6</b>")
                          .arg(contract.value("account_name").toString().toHtmlEscaped(),
                               contract.value("currency").toString(),
                               contract.value("payment_terms").toVariant().toString(),
                               formatDateText(contract.value("start_date").toString()),
                               formatDateText(contract.value("end_date").toString()),
                               formatMoneyJson(contract.value("total_value"))));
    const QJsonArray lines = contract.value("lines").toArray();
    m_lines->setRowCount(int(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject l = lines.at(i).toObject();
        auto *value = new QTableWidgetItem(formatMoneyJson(l.value("value")));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(i, 0, new QTableWidgetItem(l.value("description").toString()));
        m_lines->setItem(
            i, 1, new QTableWidgetItem(billingModelName(l.value("billing_model").toString())));
        m_lines->setItem(i, 2, value);
        m_lines->setItem(i, 3, new QTableWidgetItem(lineTerms(l)));
    }
    const bool draft = status == QLatin1String("draft");
    m_sign->setEnabled(draft);
    m_signatureDate->setEnabled(draft);
    m_project->setText(draft ? tr("Signing hands the contract over to delivery: its project is "
                                  "created at once.")
                             : QString());
    if (status == QLatin1String("signed"))
        findProject();
}

void ContractForm::sign()
{
    m_sign->setEnabled(false);
    m_error->hide();
    m_project->setText(tr("Signing…"));
    ApiReply *reply = m_session->api()->post(
        QStringLiteral("/api/v1/crm/contracts/%1/sign").arg(m_contract.value("id").toString()),
        QJsonObject{{"signature_date", m_signatureDate->date().toString(Qt::ISODate)},
                    {"version", m_contract.value("version").toInt()}});
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_sign->setEnabled(true);
            m_project->clear();
            m_error->setText(humanMessage(reply->problem()));
            m_error->show();
            return;
        }
        setContract(reply->object());
        emit signedContract(m_contract);
    });
}

void ContractForm::findProject()
{
    m_project->setText(tr("Looking up the project…"));
    ApiReply *reply =
        m_session->api()->get(QStringLiteral("/api/v1/delivery/projects?contract_id=%1&limit=10")
                                  .arg(m_contract.value("id").toString()));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        const QJsonArray items = reply->object().value("items").toArray();
        if (!reply->ok() || items.isEmpty()) {
            m_project->setText(reply->ok()
                                   ? tr("No project has been created for this contract yet.")
                                   : humanMessage(reply->problem()));
            return;
        }
        QStringList names;
        for (const QJsonValue &v : items)
            names << QStringLiteral("<b>%1</b>")
                         .arg(v.toObject().value("name").toString().toHtmlEscaped());
        m_project->setText(tr("Handed over to delivery: project %1").arg(names.join(", ")));
        emit projectFound(items.first().toObject());
    });
}

QString ContractForm::projectText() const
{
    return m_project->text();
}

} // namespace keel::sales
