#include "journal_entry.h"

#include "allocation_model.h"
#include "api_client.h"
#include "api_reply.h"
#include "finance_api.h"
#include "json_array_model.h"
#include "problem_text.h"

#include <QJsonArray>

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

JournalEntry::JournalEntry(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api),
      m_lines(new delivery::JsonArrayModel(
          {{"account_number", QT_TRANSLATE_NOOP("keel::finance::Columns", "Account"), F::Text, {}},
           {"account_name", QT_TRANSLATE_NOOP("keel::finance::Columns", "Name"), F::Text, {}},
           {"debit", QT_TRANSLATE_NOOP("keel::finance::Columns", "Debit"), F::Money, {}},
           {"credit", QT_TRANSLATE_NOOP("keel::finance::Columns", "Credit"), F::Money, {}},
           {"fx_rate", QT_TRANSLATE_NOOP("keel::finance::Columns", "Rate"), F::Text, {}},
           {"functional_debit",
            QT_TRANSLATE_NOOP("keel::finance::Columns", "Debit (functional)"),
            F::Money,
            {}},
           {"functional_credit",
            QT_TRANSLATE_NOOP("keel::finance::Columns", "Credit (functional)"),
            F::Money,
            {}},
           {"memo", QT_TRANSLATE_NOOP("keel::finance::Columns", "Memo"), F::Text, {}}},
          "keel::finance::Columns", this))
{}

void JournalEntry::load(const QString &entryId)
{
    if (!m_api)
        return;
    ApiReply *r = FinanceApi(m_api).journalEntry(entryId);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_error = humanMessage(r->problem());
            emit loadFailed(m_error);
            return;
        }
        m_error.clear();
        m_entry = r->object();
        // A pending manual journal has proposed lines only.
        const QJsonArray lines = m_entry.contains("lines")
                                     ? m_entry.value("lines").toArray()
                                     : m_entry.value("proposed_lines").toArray();
        QJsonArray shown;
        for (const QJsonValue &l : lines)
            shown.append(withoutZeroMoney(
                l.toObject(), {"debit", "credit", "functional_debit", "functional_credit"}));
        m_lines->setItems(shown);
        emit loaded();
    });
}

QString JournalEntry::sourceText(const QString &type, const QString &id)
{
    const auto with = [&id](const QString &what) {
        return id.isEmpty() ? what : QStringLiteral("%1 %2").arg(what, id);
    };
    if (type == QLatin1String("invoice"))
        return with(tr("Invoice"));
    if (type == QLatin1String("credit_note"))
        return with(tr("Credit note"));
    if (type == QLatin1String("vendor_bill"))
        return with(tr("Vendor bill"));
    if (type == QLatin1String("vendor_payment"))
        return with(tr("Vendor payment"));
    if (type == QLatin1String("customer_receipt"))
        return with(tr("Customer receipt"));
    if (type == QLatin1String("receipt_allocation"))
        return with(tr("Receipt allocation"));
    if (type == QLatin1String("expense_report"))
        return with(tr("Expense report"));
    if (type == QLatin1String("revenue_recognition"))
        return with(tr("Revenue recognition"));
    if (type == QLatin1String("intercompany_charge"))
        return with(tr("Intercompany charge"));
    if (type == QLatin1String("bank_statement_line"))
        return with(tr("Bank statement line"));
    if (type == QLatin1String("manual") || type.isEmpty())
        return tr("Manual journal");
    if (type == QLatin1String("reversal"))
        return with(tr("Reversal"));
    return with(type);
}

QString JournalEntry::statusText(const QString &status)
{
    if (status == QLatin1String("posted"))
        return tr("Posted");
    if (status == QLatin1String("pending"))
        return tr("Awaiting approval");
    if (status == QLatin1String("reversed"))
        return tr("Reversed");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    return status;
}

} // namespace keel::finance
