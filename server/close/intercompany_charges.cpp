#include "intercompany_charges.h"

#include "audit/audit_log.h"
#include "db/database.h"
#include "http/http_types.h"
#include "intercompany_store.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "ledger/posting_rules.h"

#include <QHash>
#include <QJsonArray>

#include <map>
#include <stdexcept>

namespace keel {

namespace {

Decimal dec(const QString &text)
{
    return Decimal::parse(text).valueOr(Decimal());
}

Money moneyOf(const QString &text, const Currency &c)
{
    return Money::fromDecimal(dec(text), c).valueOr(Money::zero(c));
}

// Rates from a cost currency into the entities' functional currencies at the period end, asked
// once per pair.
class IntercompanyRates
{
public:
    IntercompanyRates(QSqlDatabase db, QDate date) : m_db(db), m_date(date) {}
    Money convert(const Money &amount, const QString &to)
    {
        if (amount.currency().code() == to)
            return amount;
        const QString key = amount.currency().code() + to;
        auto it = m_rates.constFind(key);
        if (it == m_rates.constEnd())
            it = m_rates.insert(key, requireFxRate(m_db, amount.currency().code(), to, m_date,
                                                   QStringLiteral("period"))
                                         .rate);
        const auto out = amount.convert(*it, *Currency::fromCode(to));
        if (!out)
            throw ApiError::invalidField(QStringLiteral("period"), "out_of_range",
                                         QStringLiteral("a converted charge is out of range"));
        return *out;
    }

private:
    QSqlDatabase m_db;
    QDate m_date;
    QHash<QString, Decimal> m_rates;
};

} // namespace

QJsonObject IntercompanyRunResult::toJson() const
{
    QJsonArray a;
    for (const Money &m : amounts)
        a.append(moneyToJson(m));
    return {
        {"charges", charges}, {"entries", entries}, {"hours", hours.toString()}, {"amounts", a}};
}

IntercompanyRunResult chargeIntercompany(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                         qint64 userId, qint64 closeRunId)
{
    if (!periodStart.isValid() || periodStart.day() != 1)
        throw ApiError::invalidField(QStringLiteral("period"), "invalid_value",
                                     QStringLiteral("a period starts on the first of a month"));
    const QDate periodEnd = periodStart.addMonths(1).addDays(-1);
    const LedgerService ledger(db::threadConfigOf(db));
    db::Transaction tx(db);
    if (!intercompany_store::entityExists(db, entityId))
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    intercompany_store::lockPeriod(db, periodStart);

    const Decimal currentMarkup = dec(intercompany_store::markup(db));
    const QHash<qint64, QString> functional = intercompany_store::functionalCurrencies(db);
    using Key = std::pair<qint64, qint64>; // employee, project
    std::map<Key, IntercompanyChargeRow> charged;
    for (const IntercompanyChargeRow &r :
         intercompany_store::chargesForUpdate(db, entityId, periodStart))
        charged.emplace(Key{r.employeeId, r.projectId}, r);
    std::map<Key, IntercompanyTimeTotal> worked;
    for (const IntercompanyTimeTotal &t :
         intercompany_store::timeTotals(db, entityId, periodStart, periodEnd)) {
        if (worked.count({t.employeeId, t.projectId}))
            throw ApiError::invalidField(
                QStringLiteral("period"), "invalid_value",
                QStringLiteral("employee %1 has costs in more than one currency on project %2")
                    .arg(t.employeeId)
                    .arg(t.projectId));
        worked.emplace(Key{t.employeeId, t.projectId}, t);
    }
    // Rows charged before whose time is gone (adjusted away) fall to zero.
    for (const auto &[key, row] : charged)
        if (!worked.count(key))
            worked.emplace(key, IntercompanyTimeTotal{key.first, key.second, row.employingEntityId,
                                                      row.contractingEntityId, row.currency,
                                                      QStringLiteral("0"), QStringLiteral("0")});

    IntercompanyRunResult result;
    QList<IntercompanyChargeRow> changed;
    QList<Money> deltas;
    for (const auto &[key, t] : worked) {
        const auto before = charged.find(key);
        const bool isNew = before == charged.end();
        if (!isNew && (before->second.currency != t.currency))
            throw ApiError::invalidField(
                QStringLiteral("period"), "invalid_value",
                QStringLiteral("employee %1 on project %2 was charged in %3, now costs %4")
                    .arg(key.first)
                    .arg(key.second)
                    .arg(before->second.currency, t.currency));
        const Decimal hours = dec(t.hours), cost = dec(t.cost);
        if (isNew ? hours.isZero() && cost.isZero()
                  : hours == dec(before->second.hours) && cost == dec(before->second.cost))
            continue;
        const Currency currency = *Currency::fromCode(t.currency);
        // Time charged before keeps the markup it was charged at.
        const Decimal markup = isNew ? currentMarkup : dec(before->second.markup);
        const auto price = cost.multiply(Decimal::fromInt(1).add(markup).valueOr(Decimal()));
        const auto amount = price ? Money::fromDecimal(*price, currency)
                                  : Result<Money>(ValueError{ValueErrorCode::OutOfRange, {}});
        if (!amount)
            throw ApiError::invalidField(QStringLiteral("period"), "out_of_range",
                                         QStringLiteral("a transfer price is out of range"));
        const Money chargedBefore =
            isNew ? Money::zero(currency) : moneyOf(before->second.amount, currency);
        IntercompanyChargeRow row{isNew ? 0 : before->second.id,
                                  key.first,
                                  key.second,
                                  t.employingEntityId,
                                  t.contractingEntityId,
                                  t.currency,
                                  t.hours,
                                  t.cost,
                                  markup.toString(),
                                  amount->toString(),
                                  isNew ? 0 : before->second.employingEntryId};
        changed.append(row);
        deltas.append(amount->subtract(chargedBefore).valueOr(Money::zero(currency)));
        result.hours = result.hours
                           .add(hours.subtract(isNew ? Decimal() : dec(before->second.hours))
                                    .valueOr(Decimal()))
                           .valueOr(result.hours);
    }
    result.charges = int(changed.size());
    if (changed.isEmpty()) {
        tx.commit();
        return result;
    }

    const auto ids = intercompany_store::upsert(db, periodStart, changed, closeRunId);
    IntercompanyRates rates(db, periodEnd);
    QList<Posting> postings;
    QList<qint64> postedIds;
    QHash<QString, Money> perCurrency;
    for (qsizetype i = 0; i < changed.size(); ++i) {
        const IntercompanyChargeRow &row = changed.at(i);
        const Money &delta = deltas.at(i);
        if (delta.isZero())
            continue;
        const qint64 id = ids.value({row.employeeId, row.projectId});
        posting_rules::IntercompanyCharge e;
        e.employingEntityId = row.employingEntityId;
        e.contractingEntityId = row.contractingEntityId;
        e.postedBy = userId;
        e.projectId = row.projectId;
        e.employeeId = row.employeeId;
        // Chained to the entry before it: a charge posts each difference once, whatever runs.
        e.sourceId = QStringLiteral("%1:%2").arg(id).arg(row.employingEntryId);
        e.date = periodEnd;
        e.amount = delta;
        e.employingFunctional = rates.convert(delta, functional.value(row.employingEntityId));
        e.contractingFunctional = rates.convert(delta, functional.value(row.contractingEntityId));
        const posting_rules::IntercompanyPostings p = posting_rules::buildIntercompanyCharge(e);
        postings << p.employing << p.contracting;
        postedIds.append(id);
        const QString code = delta.currency().code();
        perCurrency.insert(
            code, perCurrency.value(code, Money::zero(delta.currency())).add(delta).valueOr(delta));
    }
    const QList<PostingResult> posted = ledger.postMany(postings);
    QList<qint64> employingEntries, contractingEntries;
    for (qsizetype i = 0; i < postedIds.size(); ++i) {
        employingEntries.append(posted.at(2 * i).entryId);
        contractingEntries.append(posted.at(2 * i + 1).entryId);
        result.entries += int(posted.at(2 * i).created) + int(posted.at(2 * i + 1).created);
    }
    intercompany_store::setEntries(db, postedIds, employingEntries, contractingEntries);
    QStringList codes = perCurrency.keys();
    codes.sort();
    for (const QString &c : codes)
        result.amounts.append(perCurrency.value(c));

    AuditEntry audit;
    audit.actorId = userId;
    audit.actorName = intercompany_store::userName(db, userId);
    audit.action = QStringLiteral("intercompany.charge");
    audit.recordType = QStringLiteral("intercompany_charges");
    audit.recordId =
        QStringLiteral("%1:%2").arg(entityId).arg(periodStart.toString(QStringLiteral("yyyy-MM")));
    audit.after = result.toJson();
    appendAudit(db, audit);
    tx.commit();
    return result;
}

} // namespace keel
