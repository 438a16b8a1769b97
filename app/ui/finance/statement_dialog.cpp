#include "statement_dialog.h"

#include "allocation_model.h"
#include "api_reply.h"
#include "finance_api.h"
#include "finance_widgets.h"
#include "json_array_model.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

StatementDialog::StatementDialog(ApiClient *api, const QString &entityId, const QString &clientId,
                                 const QString &clientName, QWidget *parent)
    : QDialog(parent), m_api(api), m_entity(entityId), m_client(clientId),
      m_lines(new delivery::JsonArrayModel(
          {{"date", QT_TRANSLATE_NOOP("keel::finance::Columns", "Date"), F::Date, {}},
           {"kind_text", QT_TRANSLATE_NOOP("keel::finance::Columns", "Document"), F::Text, {}},
           {"reference", QT_TRANSLATE_NOOP("keel::finance::Columns", "Number"), F::Text, {}},
           {"detail", QT_TRANSLATE_NOOP("keel::finance::Columns", "Detail"), F::Text, {}},
           {"due_date", QT_TRANSLATE_NOOP("keel::finance::Columns", "Due"), F::Date, {}},
           {"debit", QT_TRANSLATE_NOOP("keel::finance::Columns", "Charges"), F::Money, {}},
           {"credit",
            QT_TRANSLATE_NOOP("keel::finance::Columns", "Payments and credits"),
            F::Money,
            {}},
           {"balance", QT_TRANSLATE_NOOP("keel::finance::Columns", "Balance"), F::Money, {}}},
          "keel::finance::Columns", this)),
      m_from(dateField(QDate::currentDate().addMonths(-6), "statementFrom")),
      m_to(dateField(QDate::currentDate(), "statementTo")), m_opening(new QLabel),
      m_summary(new QLabel), m_view(financeTable("statementLines"))
{
    setObjectName("statementDialog");
    setWindowTitle(tr("Statement of %1").arg(clientName));
    auto *show = new QPushButton(tr("Show"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("From")));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to")));
    bar->addWidget(m_to);
    bar->addWidget(show);
    bar->addStretch(1);
    m_view->setModel(m_lines);
    setColumnWidths(m_view, {100, 100, 140, 95, 100, 120, 165});
    m_summary->setObjectName("statementSummary");
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_opening);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1000, 560);
    connect(show, &QPushButton::clicked, this, &StatementDialog::load);
    load();
}

void StatementDialog::load()
{
    m_summary->setText(tr("Loading…"));
    ApiReply *r = FinanceApi(m_api).statement(m_entity, m_client, m_from->date(), m_to->date());
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_lines->setItems({});
            m_summary->setText(tr("The statement could not be loaded: %1")
                                   .arg(humanMessage(r->problem()).toHtmlEscaped()));
            emit loaded();
            return;
        }
        const QJsonObject s = r->object();
        QJsonArray lines;
        for (const QJsonValue &v : s.value(s.contains("lines") ? "lines" : "items").toArray()) {
            QJsonObject l = v.toObject();
            const QString kind = l.value("kind").toString();
            l.insert("kind_text", kind == QLatin1String("invoice")       ? tr("Invoice")
                                  : kind == QLatin1String("credit_note") ? tr("Credit note")
                                  : kind == QLatin1String("receipt")     ? tr("Receipt")
                                                                         : kind);
            lines.append(withoutZeroMoney(l, {"debit", "credit"}));
        }
        m_lines->setItems(lines);
        m_opening->setText(tr("Opening balance on %1: %2")
                               .arg(sales::formatDateText(FinanceApi::date(m_from->date())),
                                    sales::formatMoneyJson(s.value("opening_balance"))));
        QStringList aging;
        const QJsonObject a = s.value("aging").toObject();
        for (const char *k : {"current", "d1_30", "d31_60", "d61_90", "d90_plus"})
            if (a.contains(k) && !moneyOf(a.value(k)).isZero())
                aging << QStringLiteral("%1 %2").arg(
                    k == QLatin1String("current") ? tr("current")
                    : k == QLatin1String("d90_plus")
                        ? tr("over 90 days")
                        : tr("%1 days").arg(QString::fromLatin1(k + 1).replace(u'_', u'–')),
                    sales::formatMoneyJson(a.value(k)));
        m_summary->setText(
            tr("<b>Closing balance on %1: %2</b>%3")
                .arg(sales::formatDateText(FinanceApi::date(m_to->date())),
                     sales::formatMoneyJson(s.value("closing_balance")),
                     aging.isEmpty() ? QString()
                                     : QStringLiteral("<br>") +
                                           tr("Open: %1").arg(aging.join(QStringLiteral(" · ")))));
        emit loaded();
    });
}

QString StatementDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace keel::finance
