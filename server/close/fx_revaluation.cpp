#include "fx_revaluation.h"

#include "audit/audit_log.h"
#include "db/database.h"
#include "fx_revaluation_store.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "ledger/ledger_service.h"

#include <QHash>
#include <QJsonArray>

#include <stdexcept>

namespace keel {

namespace {

const QString kSource = QStringLiteral("fx_revaluation");

[[noreturn]] void periodClosed(QDate periodStart)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The period %1 is hard-closed; it is not revalued again.")
                               .arg(periodStart.toString(QStringLiteral("yyyy-MM"))),
                           {}});
}

Money moneyOf(const QString &text, const Currency &currency)
{
    const auto d = Decimal::parse(text.isEmpty() ? QStringLiteral("0") : text);
    const auto m = d ? Money::fromDecimal(*d, currency) : Result<Money>(ValueError{});
    if (!m)
        throw std::runtime_error(
            QStringLiteral("fx revaluation: '%1' is not an amount").arg(text).toStdString());
    return *m;
}

PostingLine functionalLine(const Money &signedAmount, bool debitWhenPositive)
{
    PostingLine l;
    const Money a = signedAmount.abs();
    (signedAmount.isPositive() == debitWhenPositive ? l.debit : l.credit) = a;
    l.functional = a;
    return l;
}

// The mirror image of a posted entry at its own functional amounts: the pair nets to zero.
QList<PostingLine> mirrorOf(const QList<FxRevaluationLedgerLine> &lines, const Currency &fc)
{
    QList<PostingLine> out;
    for (const FxRevaluationLedgerLine &x : lines) {
        const Currency c = Currency::fromCode(x.currency).value();
        const Money debit = moneyOf(x.debit, c);
        const bool wasDebit = !debit.isZero();
        PostingLine l;
        l.accountNumber = x.accountNumber;
        (wasDebit ? l.credit : l.debit) = wasDebit ? debit : moneyOf(x.credit, c);
        l.functional = moneyOf(wasDebit ? x.functionalDebit : x.functionalCredit, fc);
        l.clientId = x.clientId;
        l.projectId = x.projectId;
        l.memo = x.memo;
        out.append(l);
    }
    return out;
}

QJsonValue optionalId(qint64 id)
{
    return id ? idToJson(id) : QJsonValue();
}

struct FxRevaluationGroup
{
    PostingLine line; // account and tags; the amount is set from `net`
    Money net;        // gain-positive, functional
};

} // namespace

FxRevaluationResult revalueForeignCurrency(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                           qint64 userId, qint64 closeRunId)
{
    if (!periodStart.isValid() || periodStart.day() != 1)
        throw ApiError::invalidField(QStringLiteral("period"), QStringLiteral("invalid_value"),
                                     QStringLiteral("a period starts on the first of a month"));
    const LedgerService ledger(db::threadConfigOf(db));
    if (ledger.store().db().connectionName() != db.connectionName())
        throw std::logic_error("revalueForeignCurrency: use the thread's db::connection()");
    db::Transaction tx(db);
    const auto entity = ledger.store().entity(entityId);
    if (!entity)
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    const Currency fc = Currency::fromCode(entity->functionalCurrency).value();
    const QDate periodEnd = periodStart.addMonths(1).addDays(-1);
    const QDate nextStart = periodStart.addMonths(1);
    const QString period = periodStart.toString(QStringLiteral("yyyy-MM"));
    const FxRevaluationStore store(db);
    store.lock(entityId, periodStart);
    if (ledger.store().periodStatus(entityId, periodStart) == QLatin1String("hard_closed"))
        periodClosed(periodStart);

    FxRevaluationResult result;
    const int n = store.runCount(entityId, periodStart) + 1;
    // The earlier revaluation of this period is undone on both its dates, so the balances read
    // below are the carried ones again and the ledger keeps one live revaluation.
    if (const auto previous = store.current(entityId, periodStart)) {
        const QString previousSource =
            QStringLiteral("%1:%2:%3").arg(entityId).arg(period).arg(n - 1);
        if (previous->entryId) {
            ledger.post(
                Posting{entityId, periodEnd, kSource, previousSource, QStringLiteral("supersede"),
                        QStringLiteral("Superseded FX revaluation %1 %2").arg(entity->code, period),
                        mirrorOf(store.entryLines(previous->entryId), fc), userId});
            ledger.store().setStatus(previous->entryId, QStringLiteral("reversed"), 0, {});
        }
        if (previous->reversalEntryId) {
            ledger.post(Posting{entityId, nextStart, kSource, previousSource,
                                QStringLiteral("supersede_reverse"),
                                QStringLiteral("Superseded reversal of FX revaluation %1 %2")
                                    .arg(entity->code, period),
                                mirrorOf(store.entryLines(previous->reversalEntryId), fc), userId,
                                0, previous->reversalEntryId});
            ledger.store().setStatus(previous->reversalEntryId, QStringLiteral("reversed"), 0, {});
        }
        store.supersede(previous->id);
        result.supersededId = previous->id;
    }

    QList<FxRevaluationItem> items = store.openItems(entityId, fc.code(), periodEnd);
    QHash<QString, FxRate> rates;
    QList<FxRevaluationGroup> groups;
    QHash<QString, qsizetype> groupOf;
    qint64 gain = 0, loss = 0;
    for (FxRevaluationItem &it : items) {
        auto rate = rates.constFind(it.currency);
        if (rate == rates.constEnd())
            rate = rates.insert(it.currency, requireFxRate(db, it.currency, fc.code(), periodEnd,
                                                           QStringLiteral("period")));
        const Money open = moneyOf(it.openAmount, Currency::fromCode(it.currency).value());
        const Money carried = moneyOf(it.carriedFunctional, fc);
        const auto revalued = open.convert(rate->rate, fc);
        if (!revalued)
            throw ApiError::invalidField(
                QStringLiteral("period"), QStringLiteral("out_of_range"),
                QStringLiteral("%1 %2 cannot be converted").arg(it.kind, it.reference));
        const Money difference = revalued->subtract(carried).value();
        it.rate = rate->rate.toString();
        it.revaluedFunctional = revalued->toString();
        it.carriedFunctional = carried.toString();
        it.difference = difference.toString();
        // An asset worth more is a gain; a liability worth more is a loss.
        const Money gainLoss =
            it.kind == QLatin1String("payable") ? difference.negated() : difference;
        (gainLoss.isPositive() ? gain : loss) += std::llabs(gainLoss.minorUnits());
        if (gainLoss.isZero())
            continue;
        const QString key = it.kind + u':' + QString::number(it.partyId) + u':' + it.partyNumber;
        auto g = groupOf.constFind(key);
        if (g == groupOf.constEnd()) {
            FxRevaluationGroup group{{}, Money::zero(fc)};
            if (it.kind == QLatin1String("receivable")) {
                group.line.role = QStringLiteral("accounts_receivable");
                group.line.clientId = it.partyId;
            } else if (it.kind == QLatin1String("payable")) {
                group.line.role = QStringLiteral("accounts_payable");
            } else {
                group.line.accountNumber = it.partyNumber;
            }
            group.line.memo = QStringLiteral("Unrealised FX: %1").arg(it.partyName).left(500);
            groups.append(group);
            g = groupOf.insert(key, groups.size() - 1);
        }
        groups[*g].net = groups[*g].net.add(gainLoss).value();
    }
    result.items = int(items.size());
    result.gain = Money::fromMinor(gain, fc).value();
    result.loss = Money::fromMinor(loss, fc).value();

    FxRevaluationRow row;
    row.entityId = entityId;
    row.periodStart = periodStart;
    row.closeRunId = closeRunId;
    row.itemCount = result.items;
    row.gain = result.gain.toString();
    row.loss = result.loss.toString();
    row.createdBy = userId;
    result.revaluationId = store.insert(row);
    store.insertItems(result.revaluationId, items);

    if (gain || loss) {
        // A gain debits the item's account (an asset up, a liability down); the unrealised
        // accounts take the gross gains and losses.
        QList<PostingLine> lines;
        for (const FxRevaluationGroup &g : std::as_const(groups)) {
            if (g.net.isZero())
                continue;
            PostingLine l = functionalLine(g.net, true);
            l.role = g.line.role;
            l.accountNumber = g.line.accountNumber;
            l.clientId = g.line.clientId;
            l.memo = g.line.memo;
            lines.append(l);
        }
        if (gain) {
            PostingLine l = functionalLine(result.gain, false);
            l.role = QStringLiteral("fx_gain_unrealised");
            l.memo = QStringLiteral("Unrealised FX gain");
            lines.append(l);
        }
        if (loss) {
            PostingLine l = functionalLine(result.loss, true);
            l.role = QStringLiteral("fx_loss_unrealised");
            l.memo = QStringLiteral("Unrealised FX loss");
            lines.append(l);
        }
        const QString source = QStringLiteral("%1:%2:%3").arg(entityId).arg(period).arg(n);
        result.entryId =
            ledger
                .post(Posting{entityId, periodEnd, kSource, source, QStringLiteral("revaluation"),
                              QStringLiteral("FX revaluation %1 %2 at the period end's rates")
                                  .arg(entity->code, period),
                              lines, userId})
                .entryId;
        result.reversalEntryId =
            ledger
                .post(Posting{
                    entityId, nextStart, kSource, source, QStringLiteral("reverse"),
                    QStringLiteral("Reversal of FX revaluation %1 %2").arg(entity->code, period),
                    mirrorOf(store.entryLines(result.entryId), fc), userId, 0, result.entryId})
                .entryId;
        store.setEntries(result.revaluationId, result.entryId, result.reversalEntryId);
    }

    AuditEntry a;
    a.actorId = userId;
    a.action = QStringLiteral("fx_revaluation.run");
    a.recordType = QStringLiteral("fx_revaluation");
    a.recordId = QString::number(result.revaluationId);
    a.after = QJsonObject{{"legal_entity_id", idToJson(entityId)},
                          {"period", period},
                          {"items", result.items},
                          {"gain", moneyToJson(result.gain)},
                          {"loss", moneyToJson(result.loss)},
                          {"journal_entry_id", optionalId(result.entryId)},
                          {"reversal_entry_id", optionalId(result.reversalEntryId)},
                          {"superseded_id", optionalId(result.supersededId)}};
    appendAudit(db, a);
    tx.commit();
    return result;
}

} // namespace keel
