#include "reconciliation_service.h"

#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/ledger_access.h"
#include "permissions.h"
#include "reconciliation_store.h"
#include "timeexpense/expense_values.h"

namespace keel {

namespace {

Money moneyOf(const QString &amount, const Currency &currency)
{
    return expense_values::moneyOf(amount, currency.code());
}

// The list with each "amount" as money.
QJsonArray withMoney(const QJsonArray &items, const Currency &currency)
{
    QJsonArray out;
    for (const QJsonValue &v : items) {
        QJsonObject o = v.toObject();
        o.insert(QStringLiteral("amount"),
                 moneyToJson(moneyOf(o.value("amount").toString(), currency)));
        out.append(o);
    }
    return out;
}

} // namespace

QJsonObject ReconciliationService::report(const Request &request, qint64 bankAccountId) const
{
    const BankAccountRow account =
        m_accounts.visible(request, bankAccountId, Permission::FinanceUse);
    const QDate asOf =
        ledger_access::queryDate(request, QStringLiteral("as_of")).value_or(QDate::currentDate());
    const Currency c = Currency::fromCode(account.currency).value();
    const Currency fc = Currency::fromCode(account.functionalCurrency).value();
    const ReconciliationStore store(db::connection(m_config));
    const ReconciliationSums s = store.sums(account.id, account.ledgerAccountId, c.code(), asOf);
    const Money statement = moneyOf(s.statement, c), unmatched = moneyOf(s.unmatched, c),
                ignored = moneyOf(s.ignored, c), ledger = moneyOf(s.ledger, c),
                pending = moneyOf(s.notOnStatement, c);
    const Money adjustedStatement = *statement.subtract(unmatched)->subtract(ignored);
    const Money adjustedLedger = *ledger.subtract(pending);
    constexpr int kListed = 500;
    return {{"bank_account_id", idToJson(account.id)},
            {"ledger_account_number", account.ledgerNumber},
            {"as_of", dateToJson(asOf)},
            {"statement_balance", moneyToJson(statement)},
            {"ledger_balance", moneyToJson(ledger)},
            {"ledger_balance_functional", moneyToJson(moneyOf(s.ledgerFunctional, fc))},
            {"unmatched_total", moneyToJson(unmatched)},
            {"ignored_total", moneyToJson(ignored)},
            {"not_on_statement_total", moneyToJson(pending)},
            {"unmatched_lines", withMoney(store.unmatchedLines(account.id, asOf, kListed), c)},
            {"not_on_statement", withMoney(store.notOnStatement(account.id, asOf, kListed), c)},
            {"difference", moneyToJson(*adjustedStatement.subtract(adjustedLedger))}};
}

} // namespace keel
