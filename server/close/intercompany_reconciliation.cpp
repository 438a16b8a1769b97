#include "intercompany_reconciliation.h"

#include "http/http_types.h"
#include "intercompany_store.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "ledger/ledger_access.h"
#include "period.h"
#include "permissions.h"

#include <QJsonArray>

#include <map>

namespace keel {

namespace {

Money signedMoney(const QString &text, const QString &currency)
{
    const Currency c = *Currency::fromCode(currency);
    return Money::fromDecimal(Decimal::parse(text).valueOr(Decimal()), c).valueOr(Money::zero(c));
}

Money plus(const Money &a, const Money &b)
{
    return a.add(b).valueOr(a);
}

} // namespace

QList<IntercompanyReconciledPair> reconcileIntercompany(QSqlDatabase db, QDate periodStart)
{
    const QDate asOf = periodStart.addMonths(1).addDays(-1);
    const QString group = intercompany_store::groupCurrency(db);
    const Currency groupCurrency = *Currency::fromCode(group);
    const QHash<qint64, QString> functional = intercompany_store::functionalCurrencies(db);
    QHash<QString, Decimal> rates; // into the group currency at the period end
    const auto toGroup = [&](const Money &m) {
        const QString code = m.currency().code();
        if (code == group)
            return m;
        auto it = rates.constFind(code);
        if (it == rates.constEnd())
            it = rates.insert(code,
                              requireFxRate(db, code, group, asOf, QStringLiteral("period")).rate);
        return m.convert(*it, groupCurrency).valueOr(Money::zero(groupCurrency));
    };
    std::map<std::pair<qint64, qint64>, IntercompanyReconciledPair> pairs;
    for (const IntercompanyPairBalance &b :
         intercompany_store::pairBalances(db, periodStart, asOf)) {
        auto it = pairs.find({b.employingEntityId, b.contractingEntityId});
        if (it == pairs.end()) {
            IntercompanyReconciledPair p;
            p.employingEntityId = b.employingEntityId;
            p.contractingEntityId = b.contractingEntityId;
            p.dueFromFunctional =
                Money::zero(*Currency::fromCode(functional.value(b.employingEntityId)));
            p.dueToFunctional =
                Money::zero(*Currency::fromCode(functional.value(b.contractingEntityId)));
            p.dueFrom = p.dueTo = p.chargedInPeriod = Money::zero(groupCurrency);
            it = pairs.emplace(std::pair{b.employingEntityId, b.contractingEntityId}, p).first;
        }
        IntercompanyReconciledPair &p = it->second;
        p.dueFromFunctional =
            plus(p.dueFromFunctional,
                 signedMoney(b.dueFromFunctional, p.dueFromFunctional.currency().code()));
        p.dueToFunctional = plus(
            p.dueToFunctional, signedMoney(b.dueToFunctional, p.dueToFunctional.currency().code()));
        p.dueFrom = plus(p.dueFrom, toGroup(signedMoney(b.dueFrom, b.currency)));
        p.dueTo = plus(p.dueTo, toGroup(signedMoney(b.dueTo, b.currency)));
        p.chargedInPeriod =
            plus(p.chargedInPeriod, toGroup(signedMoney(b.chargedInPeriod, b.currency)));
    }
    QList<IntercompanyReconciledPair> out;
    for (auto &[key, p] : pairs) {
        p.difference = p.dueFrom.subtract(p.dueTo).valueOr(Money::zero(groupCurrency));
        out.append(p);
    }
    return out;
}

QJsonObject intercompanyReconciliationJson(QSqlDatabase db, const Request &request)
{
    const QString text = request.query.queryItemValue(QStringLiteral("period"));
    if (text.isEmpty())
        throw ApiError::invalidField(QStringLiteral("period"), FieldErrorCode::Required,
                                     QStringLiteral("period is YYYY-MM"));
    const auto period = Period::fromString(text);
    if (!period)
        throw ApiError::invalidField(QStringLiteral("period"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("period is YYYY-MM"));
    const QStringList visible =
        request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse));
    const QHash<qint64, QString> codes = intercompany_store::entityCodes(db);
    const auto entity = [&](qint64 id) {
        return QJsonObject{{"id", idToJson(id)}, {"code", codes.value(id)}};
    };
    QJsonArray pairs;
    bool balanced = true;
    for (const IntercompanyReconciledPair &p : reconcileIntercompany(db, period->firstDay())) {
        if (!ledger_access::covers(visible, codes.value(p.employingEntityId)) &&
            !ledger_access::covers(visible, codes.value(p.contractingEntityId)))
            continue;
        balanced = balanced && p.difference.isZero();
        pairs.append(QJsonObject{{"due_from_entity", entity(p.employingEntityId)},
                                 {"due_to_entity", entity(p.contractingEntityId)},
                                 {"due_from_functional", moneyToJson(p.dueFromFunctional)},
                                 {"due_to_functional", moneyToJson(p.dueToFunctional)},
                                 {"due_from", moneyToJson(p.dueFrom)},
                                 {"due_to", moneyToJson(p.dueTo)},
                                 {"difference", moneyToJson(p.difference)},
                                 {"charged_in_period", moneyToJson(p.chargedInPeriod)},
                                 {"balanced", p.difference.isZero()}});
    }
    return {{"period", period->toString()},
            {"as_of", dateToJson(period->lastDay())},
            {"group_currency", intercompany_store::groupCurrency(db)},
            {"pairs", pairs},
            {"balanced", balanced}};
}

} // namespace keel
