#include "ledger_reports.h"

#include "http/http_types.h"
#include "json_codec.h"
#include "ledger_access.h"
#include "ledger_export.h"
#include "permissions.h"

namespace keel {

using namespace ledger_access;

QJsonObject LedgerReports::totalsReport(qint64 entityId, QDate from, QDate to,
                                        const QStringList &types, bool withOpening) const
{
    const auto entity = m_store.entity(entityId);
    const Currency c = Currency::fromCode(entity->functionalCurrency).value();
    QJsonArray items;
    qint64 dr = 0, cr = 0, opening = 0, closing = 0;
    QHash<QString, qint64> byType; // debit-positive net per type
    const QList<AccountTotal> totals =
        withOpening ? m_store.balances(entityId, from, to) : m_store.totals(entityId, from, to);
    for (const AccountTotal &t : totals) {
        if (!types.isEmpty() && !types.contains(t.account.type))
            continue;
        const Money d =
            Money::fromDecimal(Decimal::parse(t.debit).valueOr({}), c).valueOr(Money::zero(c));
        const Money k =
            Money::fromDecimal(Decimal::parse(t.credit).valueOr({}), c).valueOr(Money::zero(c));
        dr += d.minorUnits();
        cr += k.minorUnits();
        byType[t.account.type] += d.minorUnits() - k.minorUnits();
        QJsonObject item{
            {"ledger_account_id", idToJson(t.account.id)},
            {"number", t.account.number},
            {"name", t.account.name},
            {"type", t.account.type},
            {"debit", moneyToJson(d)},
            {"credit", moneyToJson(k)},
            {"balance", moneyToJson(*Money::fromMinor(d.minorUnits() - k.minorUnits(), c))}};
        if (withOpening) {
            const qint64 open = Money::fromDecimal(Decimal::parse(t.opening).valueOr({}), c)
                                    .valueOr(Money::zero(c))
                                    .minorUnits();
            opening += open;
            closing += open + d.minorUnits() - k.minorUnits();
            item.insert(QStringLiteral("opening"), moneyToJson(*Money::fromMinor(open, c)));
            item.insert(QStringLiteral("closing"),
                        moneyToJson(*Money::fromMinor(open + d.minorUnits() - k.minorUnits(), c)));
        }
        items.append(item);
    }
    QJsonObject perType;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        perType.insert(it.key(), moneyToJson(*Money::fromMinor(it.value(), c)));
    QJsonObject out{{"legal_entity", entity->code},
                    {"from", dateToJson(from)},
                    {"to", dateToJson(to)},
                    {"currency", c.code()},
                    {"items", items},
                    {"by_type", perType},
                    {"total_debit", moneyToJson(*Money::fromMinor(dr, c))},
                    {"total_credit", moneyToJson(*Money::fromMinor(cr, c))},
                    {"balanced", dr == cr}};
    if (withOpening) {
        // Debit-positive sums over all accounts: zero in a balanced ledger.
        out.insert(QStringLiteral("total_opening"), moneyToJson(*Money::fromMinor(opening, c)));
        out.insert(QStringLiteral("total_closing"), moneyToJson(*Money::fromMinor(closing, c)));
        out.insert(QStringLiteral("balanced"), dr == cr && opening == 0 && closing == 0);
    }
    return out;
}

QJsonObject LedgerReports::trialBalance(const Request &request, qint64 entityId) const
{
    visibleEntity(m_store, request, entityId, Permission::FinanceUse);
    return totalsReport(entityId, queryDate(request, QStringLiteral("from")).value_or(QDate()),
                        queryDate(request, QStringLiteral("to")).value_or(QDate()), {}, true);
}

QJsonObject LedgerReports::profitAndLoss(const Request &request, qint64 entityId) const
{
    const LedgerEntity entity = visibleEntity(m_store, request, entityId, Permission::FinanceUse);
    QJsonObject out =
        totalsReport(entityId, queryDate(request, QStringLiteral("from")).value_or(QDate()),
                     queryDate(request, QStringLiteral("to")).value_or(QDate()),
                     {QStringLiteral("revenue"), QStringLiteral("expense")});
    // Net income is credit-positive: revenue minus expenses.
    const Currency c = Currency::fromCode(entity.functionalCurrency).value();
    const qint64 net =
        Money::parse(out.value("total_credit").toObject().value("amount").toString(), c)
            ->minorUnits() -
        Money::parse(out.value("total_debit").toObject().value("amount").toString(), c)
            ->minorUnits();
    out.insert(QStringLiteral("net_income"), moneyToJson(*Money::fromMinor(net, c)));
    out.remove(QStringLiteral("balanced"));
    return out;
}

QJsonObject LedgerReports::balanceSheet(const Request &request, qint64 entityId) const
{
    const LedgerEntity entity = visibleEntity(m_store, request, entityId, Permission::FinanceUse);
    const QDate asOf = queryDate(request, QStringLiteral("as_of")).value_or(QDate::currentDate());
    QJsonObject out = totalsReport(
        entityId, QDate(), asOf,
        {QStringLiteral("asset"), QStringLiteral("liability"), QStringLiteral("equity")});
    const QJsonObject pl = totalsReport(entityId, QDate(), asOf,
                                        {QStringLiteral("revenue"), QStringLiteral("expense")});
    const Currency c = Currency::fromCode(entity.functionalCurrency).value();
    const auto minor = [&](const QJsonObject &o, const char *k) {
        return Money::parse(o.value(QLatin1String(k)).toObject().value("amount").toString(), c)
            ->minorUnits();
    };
    // Profit not yet closed into retained earnings keeps assets = liabilities + equity.
    const qint64 earnings = minor(pl, "total_credit") - minor(pl, "total_debit");
    out.insert(QStringLiteral("as_of"), dateToJson(asOf));
    out.insert(QStringLiteral("current_earnings"), moneyToJson(*Money::fromMinor(earnings, c)));
    out.insert(QStringLiteral("balanced"),
               minor(out, "total_debit") == minor(out, "total_credit") + earnings);
    out.remove(QStringLiteral("from"));
    return out;
}

QJsonObject LedgerReports::accountDetail(const Request &request, qint64 accountId) const
{
    const auto account = m_store.account(accountId);
    if (!account)
        throw ApiError::notFound(QStringLiteral("There is no ledger account %1.").arg(accountId));
    visibleEntity(m_store, request, account->second, Permission::FinanceUse);
    bool ok = true;
    const QString afterText = request.query.queryItemValue(QStringLiteral("after"));
    const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&ok);
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 1000 || after < 0)
        throw ApiError::malformed(QStringLiteral("limit is 1..1000, after a line id."));
    const QJsonArray lines = m_store.accountLines(
        accountId, queryDate(request, QStringLiteral("from")).value_or(QDate()),
        queryDate(request, QStringLiteral("to")).value_or(QDate()), after, limit);
    QJsonObject out{{"ledger_account_id", idToJson(account->first.id)},
                    {"number", account->first.number},
                    {"name", account->first.name},
                    {"type", account->first.type},
                    {"items", lines}};
    out.insert(QStringLiteral("next_after"),
               lines.size() == limit ? lines.last().toObject().value("line_id") : QJsonValue());
    return out;
}

QByteArray LedgerReports::exportLedger(const Request &request) const
{
    const QString entityText = request.query.queryItemValue(QStringLiteral("entity"));
    const QString format = request.query.queryItemValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("ledger"))
        throw ApiError::malformed(QStringLiteral("format is ledger."));
    bool numeric = false;
    const qint64 entityId = entityText.toLongLong(&numeric);
    const auto entity = numeric ? m_store.entity(entityId) : m_store.entityByCode(entityText);
    if (entityText.isEmpty())
        throw ApiError::malformed(QStringLiteral("entity is required (an id or a code)."));
    if (!entity)
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityText));
    visibleEntity(m_store, request, entity->id, Permission::FinanceUse);
    const QDate from = queryDate(request, QStringLiteral("from")).value_or(QDate());
    const QDate to = queryDate(request, QStringLiteral("to")).value_or(QDate());
    return ledgerJournalText(*entity, m_store.exportLines(entity->id, from, to));
}

} // namespace keel
