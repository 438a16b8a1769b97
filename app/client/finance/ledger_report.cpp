#include "ledger_report.h"

#include "api_client.h"
#include "api_reply.h"
#include "finance_api.h"
#include "json_array_model.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

namespace {
// Column titles are translated in the JsonArrayModel's context.
constexpr auto Context = "keel::finance::Columns";

QList<ListColumn> columns()
{
    return {{"number", QT_TRANSLATE_NOOP("keel::finance::Columns", "Account"), F::Text, {}},
            {"name", QT_TRANSLATE_NOOP("keel::finance::Columns", "Name"), F::Text, {}},
            {"type_text", QT_TRANSLATE_NOOP("keel::finance::Columns", "Type"), F::Text, {}},
            {"opening", QT_TRANSLATE_NOOP("keel::finance::Columns", "Opening"), F::Money, {}},
            {"debit", QT_TRANSLATE_NOOP("keel::finance::Columns", "Debit"), F::Money, {}},
            {"credit", QT_TRANSLATE_NOOP("keel::finance::Columns", "Credit"), F::Money, {}},
            {"closing", QT_TRANSLATE_NOOP("keel::finance::Columns", "Closing"), F::Money, {}},
            {"natural", QT_TRANSLATE_NOOP("keel::finance::Columns", "Balance"), F::Money, {}}};
}

QString typeText(const QString &type)
{
    if (type == QLatin1String("asset"))
        return LedgerReport::tr("Asset");
    if (type == QLatin1String("liability"))
        return LedgerReport::tr("Liability");
    if (type == QLatin1String("equity"))
        return LedgerReport::tr("Equity");
    if (type == QLatin1String("revenue"))
        return LedgerReport::tr("Revenue");
    if (type == QLatin1String("expense"))
        return LedgerReport::tr("Expense");
    return type;
}
} // namespace

LedgerReport::LedgerReport(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_model(new delivery::JsonArrayModel(columns(), Context, this))
{}

QString LedgerReport::negatedAmount(const QString &amount)
{
    if (amount.isEmpty())
        return amount;
    if (amount.startsWith(u'-'))
        return amount.mid(1);
    bool zero = true;
    for (const QChar c : amount)
        if (c.isDigit() && c != u'0')
            zero = false;
    return zero ? amount : u'-' + amount;
}

bool LedgerReport::creditNatured(const QString &accountType)
{
    return accountType == QLatin1String("liability") || accountType == QLatin1String("equity") ||
           accountType == QLatin1String("revenue");
}

void LedgerReport::clear()
{
    ++m_generation;
    m_report = {};
    m_model->setItems({});
}

void LedgerReport::load(Kind kind, const QString &entity, QDate from, QDate to)
{
    if (!m_api || entity.isEmpty())
        return;
    m_kind = kind;
    const QString path = kind == TrialBalance    ? FinanceApi::trialBalancePath(entity, from, to)
                         : kind == ProfitAndLoss ? FinanceApi::profitAndLossPath(entity, from, to)
                                                 : FinanceApi::balanceSheetPath(entity, to);
    const int generation = ++m_generation;
    m_loading = true;
    ApiReply *r = m_api->get(path);
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return; // a newer request replaced this one
        m_loading = false;
        if (!r->ok()) {
            m_error = humanMessage(r->problem());
            m_report = {};
            m_model->setItems({});
            emit loadFailed(m_error);
            return;
        }
        m_error.clear();
        m_report = r->object();
        QJsonArray items;
        for (const QJsonValue &v : m_report.value("items").toArray()) {
            QJsonObject o = v.toObject();
            const QString type = o.value("type").toString();
            o.insert("type_text", typeText(type));
            QJsonObject natural = o.value("balance").toObject();
            if (m_kind != TrialBalance && creditNatured(type))
                natural.insert("amount", negatedAmount(natural.value("amount").toString()));
            o.insert("natural", natural);
            // Without a start date there is nothing before: the closing is the balance.
            if (m_kind == TrialBalance && !o.contains("closing"))
                o.insert("closing", o.value("balance"));
            items.append(o);
        }
        if (m_kind == TrialBalance && !items.isEmpty()) {
            // The server's totals as the last row, read like the accounts above it.
            QJsonObject total{{"name", tr("Total")},
                              {"debit", m_report.value("total_debit")},
                              {"credit", m_report.value("total_credit")},
                              {"total_row", true}};
            if (m_report.contains("total_opening"))
                total.insert("opening", m_report.value("total_opening"));
            if (m_report.contains("total_closing"))
                total.insert("closing", m_report.value("total_closing"));
            items.append(total);
        }
        m_model->setItems(items);
        emit loaded();
    });
}

QString LedgerReport::ledgerAccountId(int row) const
{
    return sales::idText(m_model->rowObject(row).value("ledger_account_id"));
}

QString LedgerReport::totalDebitText() const
{
    return sales::formatMoneyJson(m_report.value("total_debit"));
}

QString LedgerReport::totalOpeningText() const
{
    return sales::formatMoneyJson(m_report.value("total_opening"));
}

QString LedgerReport::totalClosingText() const
{
    return sales::formatMoneyJson(m_report.value("total_closing"));
}

bool LedgerReport::isTotalRow(int row) const
{
    return m_model->rowObject(row).value("total_row").toBool();
}

QString LedgerReport::totalCreditText() const
{
    return sales::formatMoneyJson(m_report.value("total_credit"));
}

bool LedgerReport::balanced() const
{
    return m_report.value("balanced").toBool();
}

QString LedgerReport::netIncomeText() const
{
    return sales::formatMoneyJson(m_report.value("net_income"));
}

QString LedgerReport::currentEarningsText() const
{
    return sales::formatMoneyJson(m_report.value("current_earnings"));
}

} // namespace keel::finance
