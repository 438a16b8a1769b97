#include "revenue_run_engine.h"

#include "audit/audit_log.h"
#include "db/database.h"
#include "db/pg_array.h"
#include "http/http_types.h"
#include "ledger/fx_rates.h"
#include "ledger/posting_rules.h"
#include "revenue_measures.h"
#include "revenue_obligation_store.h"
#include "revenue_run_machine.h"
#include "revenue_run_store.h"

#include <QHash>
#include <QSqlQuery>

#include <stdexcept>

namespace keel {

namespace {

QSqlQuery sql(QSqlDatabase db, const QString &text, const QVariantList &binds = {})
{
    return db::query(db, text, binds);
}

Money money(const QVariant &v, const Currency &c)
{
    const auto d = Decimal::parse(v.toString());
    return d ? Money::fromDecimal(*d, c).valueOr(Money::zero(c)) : Money::zero(c);
}

Money minus(const Money &a, const Money &b)
{
    return a.subtract(b).valueOr(Money::zero(a.currency()));
}

Money plus(const Money &a, const Money &b)
{
    return a.add(b).valueOr(a);
}

[[noreturn]] void periodClosed(QDate date)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The accounting period of %1 is hard-closed; revenue "
                                          "cannot be recognised into it.")
                               .arg(date.toString(Qt::ISODate)),
                           {{QStringLiteral("period"), QStringLiteral("period_closed"),
                             QStringLiteral("the period is hard-closed")}}});
}

// Balances of a contract's project on the accounts the run moves, to the period end.
struct RevenueBalances
{
    Money revenue, unbilled, deferred, provision; // contract currency, natural sign
    Money unbilledF, deferredF, provisionF;       // functional, natural sign
};

// A signed change in functional currency: what clears a position to zero is what it carried;
// anything else at the period end's rate. Falls back to the rate where the carried amount would
// not take the change's side.
std::optional<Money> functionalOf(const Money &change, bool clears, const Money &carried,
                                  const std::optional<FxRate> &rate, const Currency &functional)
{
    if (!rate)
        return std::nullopt;
    if (change.isZero())
        return Money::zero(functional);
    if (clears && !carried.isZero() && carried.isPositive() == change.isPositive())
        return carried;
    return change.convert(rate->rate, functional).valueOr(Money::zero(functional));
}

class RevenueRunEngine
{
public:
    RevenueRunEngine(QSqlDatabase db, const RevenueRunRow &run, const RevenueEntity &entity)
        : m_db(db), m_run(run), m_entity(entity),
          m_functional(Currency::fromCode(entity.functionalCurrency).value()),
          m_periodEnd(run.periodStart.addMonths(1).addDays(-1))
    {}

    RevenueRunResult run(const RevenueRunProgress &progress)
    {
        const auto step = [&](int percent, const char *what) {
            if (progress)
                progress(percent, QString::fromLatin1(what));
        };
        step(5, "waiting for other runs of the entity");
        lock();
        // The period may have been hard-closed while the run waited.
        if (revenue_run_store::periodStatus(m_db, m_entity.id, m_run.periodStart) ==
            QLatin1String("hard_closed"))
            periodClosed(m_run.periodStart);
        step(10, "performance obligations");
        syncObligations();
        step(20, "measuring progress");
        revenue_measures::measure(m_db, m_entity.id, m_periodEnd);
        step(60, "posting");
        post();
        step(90, "recognitions");
        recognitions();
        return m_result;
    }

private:
    void lock()
    {
        sql(m_db,
            QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('revenue_run:' "
                           "|| ?, 0))"),
            {QString::number(m_entity.id)});
        sql(m_db, QStringLiteral("SELECT set_config('jit', 'off', true), "
                                 "set_config('work_mem', '64MB', true)"));
    }

    void syncObligations();
    void post();
    void recognitions();
    QHash<qint64, RevenueBalances> balances(const QHash<qint64, Currency> &currencyOfProject);

    QSqlDatabase m_db;
    RevenueRunRow m_run;
    RevenueEntity m_entity;
    Currency m_functional;
    QDate m_periodEnd;
    RevenueRunResult m_result;
};

void RevenueRunEngine::syncObligations()
{
    revenue_obligation_store::sync(m_db, m_entity.id);
}

QHash<qint64, RevenueBalances>
RevenueRunEngine::balances(const QHash<qint64, Currency> &currencyOfProject)
{
    QHash<qint64, RevenueBalances> out;
    for (auto it = currencyOfProject.begin(); it != currencyOfProject.end(); ++it) {
        const Money z = Money::zero(it.value());
        const Money f = Money::zero(m_functional);
        out.insert(it.key(), {z, z, z, z, f, f, f});
    }
    // Only the four accounts' lines are read (journal_lines_account_idx), only the measured
    // projects' kept.
    QSqlQuery q = sql(m_db, QStringLiteral(R"(
WITH acc AS (SELECT id, role FROM ledger_accounts WHERE legal_entity_id = ?
             AND role IN ('revenue', 'unbilled_receivable', 'deferred_revenue', 'loss_provision')),
k AS (SELECT DISTINCT project_id, currency FROM rr_obl WHERE project_id IS NOT NULL)
SELECT jl.project_id, acc.role,
       sum(CASE WHEN jl.currency = k.currency THEN jl.debit - jl.credit ELSE 0 END)::numeric(20, 4)::text,
       sum(jl.functional_debit - jl.functional_credit)::numeric(20, 4)::text
FROM journal_lines jl
JOIN acc ON acc.id = jl.ledger_account_id
JOIN k ON k.project_id = jl.project_id
WHERE jl.ledger_account_id = ANY (ARRAY(SELECT id FROM acc)) AND jl.entry_date <= ?
GROUP BY 1, 2)"),
                      {m_entity.id, m_periodEnd});
    while (q.next()) {
        auto it = out.find(q.value(0).toLongLong());
        if (it == out.end())
            continue;
        const Currency c = currencyOfProject.value(it.key());
        const Money dr = money(q.value(2), c); // debit − credit
        const Money cr = dr.negated();         // credit − debit
        const Money drF = money(q.value(3), m_functional);
        const QString role = q.value(1).toString();
        if (role == QLatin1String("revenue")) {
            it->revenue = cr;
        } else if (role == QLatin1String("unbilled_receivable")) {
            it->unbilled = dr;
            it->unbilledF = drF;
        } else if (role == QLatin1String("deferred_revenue")) {
            it->deferred = cr;
            it->deferredF = drF.negated();
        } else {
            it->provision = cr;
            it->provisionF = drF.negated();
        }
    }
    return out;
}

void RevenueRunEngine::post()
{
    struct ContractFigures
    {
        qint64 contractId = 0, projectId = 0, accountId = 0;
        Money cumulative, provision;
    };
    QList<ContractFigures> contracts;
    QHash<qint64, Currency> currencyOfProject;
    QSqlQuery q = sql(m_db, QStringLiteral(R"(
SELECT contract_id, project_id, min(account_id), min(currency),
       sum(cumulative)::numeric(20, 4)::text, sum(provision)::numeric(20, 4)::text
FROM rr_obl WHERE project_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1)"));
    while (q.next()) {
        const auto c = Currency::fromCode(q.value(3).toString());
        if (!c)
            continue;
        ContractFigures f{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                          money(q.value(4), *c), money(q.value(5), *c)};
        currencyOfProject.insert(f.projectId, *c);
        contracts.append(f);
    }
    const QHash<qint64, RevenueBalances> posted = balances(currencyOfProject);

    QHash<QString, std::optional<FxRate>> rates; // by contract currency; nullopt: functional
    const QString period = m_run.periodStart.toString(QStringLiteral("yyyy-MM"));
    QList<Posting> postings;
    qint64 revenueF = 0, provisionF = 0;
    for (const ContractFigures &f : contracts) {
        const RevenueBalances b = posted.value(f.projectId);
        const Currency c = f.cumulative.currency();
        const Money zero = Money::zero(c);
        const Money revenue = minus(f.cumulative, b.revenue);
        // Recognised less billed, after this run: the contract's net position.
        const Money net = plus(minus(b.unbilled, b.deferred), revenue);
        const Money asset = net.isPositive() ? net : zero;
        const Money liability = net.isNegative() ? net.negated() : zero;
        const Money unbilled = minus(asset, b.unbilled);
        const Money deferred = minus(liability, b.deferred);
        const Money provision = minus(f.provision, b.provision);
        if (revenue.isZero() && unbilled.isZero() && deferred.isZero() && provision.isZero())
            continue;

        if (!rates.contains(c.code()))
            rates.insert(c.code(), c == m_functional ? std::nullopt
                                                     : std::optional<FxRate>(requireFxRate(
                                                           m_db, c.code(), m_functional.code(),
                                                           m_periodEnd, QStringLiteral("period"))));
        const std::optional<FxRate> rate = rates.value(c.code());
        posting_rules::RevenueCatchUp e;
        e.entityId = m_entity.id;
        e.projectId = f.projectId;
        e.clientId = f.accountId;
        e.postedBy = m_run.createdBy;
        e.sourceId = QStringLiteral("%1:%2:%3").arg(f.contractId).arg(period).arg(m_run.id);
        e.date = m_periodEnd;
        e.revenue = revenue;
        e.unbilled = unbilled;
        e.deferred = deferred;
        e.lossProvision = provision;
        e.revenueFunctional = functionalOf(revenue, false, {}, rate, m_functional);
        e.unbilledFunctional =
            functionalOf(unbilled, asset.isZero(), b.unbilledF.negated(), rate, m_functional);
        e.deferredFunctional =
            functionalOf(deferred, liability.isZero(), b.deferredF.negated(), rate, m_functional);
        e.lossProvisionFunctional = functionalOf(provision, f.provision.isZero(),
                                                 b.provisionF.negated(), rate, m_functional);
        // Revenue earned against an advance takes the advance's rate (IFRIC 22), against unbilled
        // work the period end's: what the two positions moved by in functional currency, when
        // that lies on revenue's side; otherwise the difference is exchange gain or loss.
        if (rate && e.unbilledFunctional && e.deferredFunctional && !revenue.isZero()) {
            const qint64 moved =
                e.unbilledFunctional->minorUnits() - e.deferredFunctional->minorUnits();
            if (moved != 0 && (moved > 0) == revenue.isPositive())
                e.revenueFunctional = Money::fromMinor(moved, m_functional).valueOr(Money());
        }
        if (auto p = posting_rules::buildRevenueCatchUp(e)) {
            postings.append(*p);
            revenueF +=
                e.revenueFunctional ? e.revenueFunctional->minorUnits() : revenue.minorUnits();
            provisionF += e.lossProvisionFunctional ? e.lossProvisionFunctional->minorUnits()
                                                    : provision.minorUnits();
        }
    }
    if (!postings.isEmpty()) {
        const LedgerService ledger(db::threadConfigOf(m_db));
        try {
            ledger.postMany(postings);
        } catch (const DbError &err) {
            if (err.sqlState() == QLatin1String("KL423"))
                periodClosed(m_periodEnd);
            throw;
        }
    }
    m_result.entries = int(postings.size());
    m_result.revenue = Money::fromMinor(revenueF, m_functional).valueOr(Money::zero(m_functional));
    m_result.lossProvision =
        Money::fromMinor(provisionF, m_functional).valueOr(Money::zero(m_functional));
}

void RevenueRunEngine::recognitions()
{
    // What each obligation adds in the period: its cumulative less the last one measured for an
    // earlier period. A repeated run of the period replaces its rows.
    QSqlQuery q = sql(m_db, QStringLiteral(R"(
INSERT INTO revenue_recognitions (obligation_id, period_start, run_id, legal_entity_id,
    contract_id, method, measure_to_date, measure_at_completion, percent_complete,
    cumulative_revenue, period_revenue, loss_provision, currency)
SELECT o.obligation_id, ?::date, ?, ?, o.contract_id, o.method, round(o.measure, 4),
       round(o.at_completion, 4), o.percent, o.cumulative,
       o.cumulative - coalesce(prev.cumulative_revenue, 0), o.provision, o.currency
FROM rr_obl o
LEFT JOIN LATERAL (
    SELECT r.cumulative_revenue FROM revenue_recognitions r
    WHERE r.obligation_id = o.obligation_id AND r.period_start < ?::date
    ORDER BY r.period_start DESC LIMIT 1) prev ON true
ON CONFLICT (obligation_id, period_start) DO UPDATE SET
    run_id = EXCLUDED.run_id, method = EXCLUDED.method,
    measure_to_date = EXCLUDED.measure_to_date,
    measure_at_completion = EXCLUDED.measure_at_completion,
    percent_complete = EXCLUDED.percent_complete,
    cumulative_revenue = EXCLUDED.cumulative_revenue,
    period_revenue = EXCLUDED.period_revenue, loss_provision = EXCLUDED.loss_provision,
    currency = EXCLUDED.currency)"),
                      {m_run.periodStart, m_run.id, m_entity.id, m_run.periodStart});
    m_result.obligations = q.numRowsAffected();
    m_result.runId = m_run.id;
}

void complete(QSqlDatabase db, const RevenueRunRow &run, const RevenueRunResult &r)
{
    revenueRunMachine().next(run.status, QStringLiteral("complete"));
    revenue_run_store::completed(db, run.id, r.obligations, r.entries,
                                 r.revenue.toDecimal().toString(),
                                 r.lossProvision.toDecimal().toString());
}

} // namespace

RevenueRunResult executeRevenueRun(QSqlDatabase db, qint64 runId,
                                   const RevenueRunProgress &progress)
{
    db::Transaction tx(db);
    const auto run = revenue_run_store::run(db, runId);
    if (!run)
        throw ApiError::notFound(QStringLiteral("There is no revenue run %1.").arg(runId));
    const auto entity = revenue_run_store::entity(db, run->entityId);
    RevenueRunEngine engine(db, *run, *entity);
    RevenueRunResult r = engine.run(progress);
    complete(db, *run, r);
    tx.commit();
    return r;
}

RevenueRunResult runRevenueRecognition(QSqlDatabase db, qint64 entityId, QDate periodStart,
                                       qint64 userId, const RevenueRunProgress &progress)
{
    db::Transaction tx(db);
    const auto entity = revenue_run_store::entity(db, entityId);
    if (!entity)
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));
    const QDate start(periodStart.year(), periodStart.month(), 1);
    if (revenue_run_store::periodStatus(db, entityId, start) == QLatin1String("hard_closed"))
        periodClosed(start);
    const qint64 id = revenue_run_store::insert(db, entityId, start, userId);
    const RevenueRunResult r = executeRevenueRun(db, id, progress);
    AuditEntry actor;
    actor.actorId = userId;
    actor.action = QStringLiteral("revenue_run.complete");
    actor.recordType = QStringLiteral("revenue_run");
    actor.recordId = QString::number(id);
    actor.after = revenue_run_store::run(db, id)->json;
    appendAudit(db, actor);
    tx.commit();
    return r;
}

} // namespace keel
