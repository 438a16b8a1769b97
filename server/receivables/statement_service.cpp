#include "statement_service.h"

#include "http/http_types.h"
#include "json_codec.h"
#include "permissions.h"
#include "receivables_values.h"

namespace keel {

using namespace receivables;

QJsonObject StatementService::statement(const Request &request, qint64 accountId) const
{
    const EntityRef entity =
        visibleEntity(m_store.db(), request, queryEntity(request), Permission::FinanceUse);
    const auto client = m_store.client(accountId);
    if (!client)
        throw ApiError::notFound(QStringLiteral("There is no client %1.").arg(accountId));
    const QDate to = queryDate(request, QStringLiteral("to")).value_or(QDate::currentDate());
    const QDate from =
        queryDate(request, QStringLiteral("from")).value_or(QDate(to.year(), to.month(), 1));
    if (from > to)
        throw ApiError::invalidField(QStringLiteral("from"), "invalid_value",
                                     QStringLiteral("on or before to"));
    const QString currency = request.query.queryItemValue(QStringLiteral("currency")).isEmpty()
                                 ? client->second
                                 : request.query.queryItemValue(QStringLiteral("currency"));
    const auto c = Currency::fromCode(currency);
    if (!c)
        throw ApiError::invalidField(QStringLiteral("currency"), "invalid_value",
                                     QStringLiteral("an ISO 4217 code"));

    const Money opening = moneyOf(m_store.openingBalance(entity.id, accountId, currency, from), *c);
    qint64 running = opening.minorUnits();
    qint64 debits = 0, credits = 0;
    QJsonArray lines;
    for (const StatementLine &l : m_store.lines(entity.id, accountId, currency, from, to)) {
        const Money d = moneyOf(l.debit, *c), k = moneyOf(l.credit, *c);
        running += d.minorUnits() - k.minorUnits();
        debits += d.minorUnits();
        credits += k.minorUnits();
        lines.append(QJsonObject{{"date", dateToJson(l.date)},
                                 {"kind", l.kind},
                                 {"id", idToJson(l.id)},
                                 {"reference", l.reference},
                                 {"detail", l.detail},
                                 {"due_date", dateToJson(l.dueDate)},
                                 {"debit", moneyToJson(d)},
                                 {"credit", moneyToJson(k)},
                                 {"balance", moneyToJson(*Money::fromMinor(running, *c))}});
    }
    return {{"legal_entity_id", idToJson(entity.id)},
            {"legal_entity", entity.code},
            {"account_id", idToJson(accountId)},
            {"account_name", client->first},
            {"currency", currency},
            {"from", dateToJson(from)},
            {"to", dateToJson(to)},
            {"opening_balance", moneyToJson(opening)},
            {"lines", lines},
            {"total_debit", moneyToJson(*Money::fromMinor(debits, *c))},
            {"total_credit", moneyToJson(*Money::fromMinor(credits, *c))},
            {"closing_balance", moneyToJson(*Money::fromMinor(running, *c))},
            {"aging", m_aging.clientAging(entity.id, accountId, currency, to)}};
}

} // namespace keel
