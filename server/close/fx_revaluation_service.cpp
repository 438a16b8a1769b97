#include "fx_revaluation_service.h"

#include "fx_revaluation_store.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "ledger/ledger_access.h"
#include "money.h"
#include "period.h"
#include "permissions.h"

#include <QJsonArray>

namespace keel {

namespace {

QJsonValue money(const QString &amount, const QString &currency)
{
    const auto d = Decimal::parse(amount.isEmpty() ? QStringLiteral("0") : amount);
    const auto c = Currency::fromCode(currency);
    if (d && c)
        if (const auto m = Money::fromDecimal(*d, *c))
            return moneyToJson(*m);
    return QJsonObject{{"amount", amount}, {"currency", currency}};
}

QJsonValue optionalId(qint64 id)
{
    return id ? idToJson(id) : QJsonValue();
}

QString itemId(const FxRevaluationItem &it)
{
    return it.kind + u':' + QString::number(it.documentId);
}

} // namespace

QJsonObject FxRevaluationService::items(const Request &request, qint64 entityId,
                                        const QString &period) const
{
    const LedgerStore ledger(m_config);
    const LedgerEntity entity =
        ledger_access::visibleEntity(ledger, request, entityId, Permission::FinanceUse);
    const auto p = Period::fromString(period);
    if (!p)
        throw ApiError::invalidField(QStringLiteral("period"), QStringLiteral("invalid_value"),
                                     QStringLiteral("a period YYYY-MM"));
    const QString kind = request.query.queryItemValue(QStringLiteral("kind"));
    if (!kind.isEmpty() && kind != QLatin1String("receivable") &&
        kind != QLatin1String("payable") && kind != QLatin1String("bank"))
        throw ApiError::invalidField(QStringLiteral("kind"), QStringLiteral("invalid_value"),
                                     QStringLiteral("receivable, payable or bank"));
    // `after` is this list's own cursor "kind:document_id"; PageRequest reads the limit.
    QString afterKind;
    qint64 afterDocument = 0;
    if (const QString after = request.query.queryItemValue(QStringLiteral("after"));
        !after.isEmpty()) {
        const QStringList parts = after.split(u':');
        bool ok = parts.size() == 2;
        afterDocument = ok ? parts.at(1).toLongLong(&ok) : 0;
        if (!ok || parts.at(0).isEmpty())
            throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_value"),
                                         QStringLiteral("the id of an item, kind:document_id"));
        afterKind = parts.at(0);
    }
    Request limitOnly = request;
    limitOnly.query.removeAllQueryItems(QStringLiteral("after"));
    const PageRequest page = PageRequest::from(limitOnly);

    const FxRevaluationStore store(ledger.db());
    const auto current = store.current(entity.id, p->firstDay());
    QJsonArray items;
    QJsonObject out{{"legal_entity_id", idToJson(entity.id)},
                    {"period", p->toString()},
                    {"functional_currency", entity.functionalCurrency}};
    if (!current) {
        out.insert(QStringLiteral("revaluation"), QJsonValue());
        out.insert(QStringLiteral("items"), items);
        return out;
    }
    const QString fc = entity.functionalCurrency;
    out.insert(QStringLiteral("revaluation"),
               QJsonObject{{"id", idToJson(current->id)},
                           {"journal_entry_id", optionalId(current->entryId)},
                           {"reversal_entry_id", optionalId(current->reversalEntryId)},
                           {"close_run_id", optionalId(current->closeRunId)},
                           {"item_count", current->itemCount},
                           {"gain", money(current->gain, fc)},
                           {"loss", money(current->loss, fc)},
                           {"created_by", idToJson(current->createdBy)},
                           {"created_at", current->createdAt.toUTC().toString(Qt::ISODate)},
                           {"superseded_count", store.runCount(entity.id, p->firstDay()) - 1}});
    const QList<FxRevaluationItem> rows =
        store.items(current->id, kind, afterKind, afterDocument, page.limit);
    for (const FxRevaluationItem &it : rows) {
        const auto d = Decimal::parse(it.difference);
        const bool payable = it.kind == QLatin1String("payable");
        const int sign = d ? (payable ? -d->sign() : d->sign()) : 0;
        items.append(QJsonObject{{"id", itemId(it)},
                                 {"kind", it.kind},
                                 {"document_id", idToJson(it.documentId)},
                                 {"reference", it.reference},
                                 {"currency", it.currency},
                                 {"open_amount", money(it.openAmount, it.currency)},
                                 {"carried_functional", money(it.carriedFunctional, fc)},
                                 {"rate", it.rate},
                                 {"revalued_functional", money(it.revaluedFunctional, fc)},
                                 {"difference", money(it.difference, fc)},
                                 {"gain_loss", sign > 0   ? "gain"
                                               : sign < 0 ? "loss"
                                                          : "none"}});
    }
    out.insert(QStringLiteral("items"), items);
    if (items.size() == page.limit)
        out.insert(QStringLiteral("next_after"), itemId(rows.last()));
    return out;
}

} // namespace keel
