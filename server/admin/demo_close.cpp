#include "demo_close.h"

#include "banking/bank_account_service.h"
#include "banking/bank_account_store.h"
#include "close/close_service.h"
#include "db/database.h"
#include "db/pg_array.h"
#include "demo_analytics.h"
#include "demo_fx.h"
#include "demo_names.h"
#include "demo_sales.h"
#include "http/http_types.h"
#include "ledger/fx_rates.h"
#include "ledger/ledger_service.h"

#include <QDate>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>
#include <vector>

namespace keel {

namespace {

using demo::SplitMix64;

constexpr std::uint64_t CloseSeed = demo::DemoSeed ^ 0x434C4F53ULL; // "CLOS"

class CloseLoader
{
public:
    CloseLoader(const DbConfig &config, const DemoCloseProgress &progress)
        : m_config(config), m_db(db::connection(config)), m_progress(progress)
    {}

    void run()
    {
        // For the rest of the load's transaction: its tables are in memory, and at the default
        // random_page_cost (made for spinning disks) the recognition's measures read all of
        // time_entries for a few dozen projects every month instead of their index (about 0.1 s
        // a statement, 8 s of the close history at scale 1).
        db::exec(m_db, QStringLiteral("SELECT set_config('random_page_cost', '1.1', true)"));
        readFirm();
        earlyRates();
        secondedCost();
        dollarAccounts();
        payroll();
        closeMonths();
        db::exec(m_db, QStringLiteral("ANALYZE revenue_obligations, revenue_runs, "
                                      "revenue_recognitions, close_runs, intercompany_charges, "
                                      "fx_revaluations, accounting_periods, journal_entries, "
                                      "journal_lines"));
    }

    DemoCloseCounts counts;

private:
    QSqlQuery query(const QString &sql, const QVariantList &binds = {})
    {
        return db::query(m_db, sql, binds);
    }

    void report(int percent, const QString &step) const
    {
        if (m_progress)
            m_progress(percent, step);
    }

    // The controller closes the books of every entity (the role holds close.approve everywhere).
    void readFirm()
    {
        QSqlQuery q = query(QStringLiteral("SELECT id, code, functional_currency FROM "
                                           "legal_entities ORDER BY id"));
        while (q.next())
            m_entities.push_back(
                {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
        q = query(QStringLiteral("SELECT id FROM users WHERE username = 'controller'"));
        if (!q.next())
            throw std::runtime_error("the demo has no controller");
        m_controller = q.value(0).toLongLong();
        q = query(QStringLiteral("SELECT min(period_start) FROM accounting_periods"));
        if (q.next())
            m_first = q.value(0).toDate();
    }

    // The history's rates begin two years before the demo's today, its books at the start of
    // that year: the same walk, backwards from the first rate to the first period, so that
    // every month end has its rate in all six directions, consistent as demo_expenses keeps them.
    void earlyRates()
    {
        QSqlQuery q = query(QStringLiteral(
            "SELECT e.rate_date, (e.rate * 1e10)::bigint, (g.rate * 1e10)::bigint FROM fx_rates "
            "e JOIN fx_rates g ON g.rate_date = e.rate_date AND g.from_currency = 'GBP' AND "
            "g.to_currency = 'USD' WHERE e.from_currency = 'EUR' AND e.to_currency = 'USD' "
            "ORDER BY e.rate_date LIMIT 1"));
        if (!m_first.isValid() || !q.next())
            return;
        const QDate anchor = q.value(0).toDate();
        qint64 eurUsd = q.value(1).toLongLong();
        qint64 gbpUsd = q.value(2).toLongLong();
        SplitMix64 rng(CloseSeed);
        db::PgArray from, to, dates, rates;
        for (QDate d = anchor.addDays(-1); d >= m_first; d = d.addDays(-1)) {
            if (d.dayOfWeek() > 5)
                continue;
            eurUsd = demo::fxStep(rng, eurUsd, demo::EurUsdLevel);
            gbpUsd = demo::fxStep(rng, gbpUsd, demo::GbpUsdLevel);
            for (const auto &[pair, rate] : demo::fxDay(eurUsd, gbpUsd)) {
                const QString p = QString::fromLatin1(pair);
                from.add(p.left(3));
                to.add(p.mid(4));
                dates.add(d);
                rates.add(demo::rateText(rate));
            }
        }
        if (from.size() == 0)
            return;
        q = query(QStringLiteral("INSERT INTO fx_rates (from_currency, to_currency, rate_date, "
                                 "rate, source) SELECT f, t, d, r, 'demo' FROM unnest(?::text[], "
                                 "?::text[], ?::date[], ?::numeric[]) AS u (f, t, d, r) "
                                 "ON CONFLICT DO NOTHING"),
                  {from.literal(), to.literal(), dates.literal(), rates.literal()});
        counts.fxRatesAdded = q.numRowsAffected();
    }

    // demo_time sums each task's cost as booked, before any rate exists; a specialist of another
    // entity booked theirs in their own currency, which the project reads in its own, at the
    // rate of the day worked.
    void secondedCost()
    {
        query(QStringLiteral(
            "WITH f AS (SELECT DISTINCT t.task_id FROM time_entries t JOIN projects p ON p.id = "
            "t.project_id WHERE t.cost_currency <> p.currency AND t.status IN ('approved', "
            "'invoiced')), "
            "c AS (SELECT t.task_id, sum(CASE WHEN t.cost_currency = p.currency THEN "
            "t.cost_amount ELSE round(t.cost_amount * r.rate, 2) END) AS cost FROM f JOIN "
            "time_entries t ON t.task_id = f.task_id AND t.status IN ('approved', 'invoiced') "
            "JOIN projects p ON p.id = t.project_id LEFT JOIN LATERAL (SELECT x.rate FROM "
            "fx_rates x WHERE x.from_currency = t.cost_currency AND x.to_currency = p.currency "
            "AND x.rate_date <= t.work_date ORDER BY x.rate_date DESC LIMIT 1) r ON "
            "t.cost_currency <> p.currency GROUP BY t.task_id) "
            "UPDATE project_tasks k SET actual_cost = c.cost FROM c WHERE k.id = c.task_id AND "
            "c.cost IS NOT NULL"));
    }

    // The UK and German companies keep a dollar account for their American clients and
    // suppliers, bought from the operating account with the first invoices: a foreign-currency
    // balance that every month's FX revaluation revalues (and reverses the next day).
    void dollarAccounts()
    {
        static const QHash<QString, QPair<QString, qint64>> accounts = {
            {QStringLiteral("UK"), {QStringLiteral("GB71BARC20031847562931"), 250000}},
            {QStringLiteral("DE"), {QStringLiteral("DE44500105175407324931"), 200000}},
        };
        BankAccountService banking(m_config);
        LedgerService ledger(m_config);
        const Currency usd = Currency::fromCode(QStringLiteral("USD")).value();
        for (const Entity &e : m_entities) {
            if (!accounts.contains(e.code) || e.currency == QLatin1String("USD"))
                continue;
            QSqlQuery q = query(
                QStringLiteral(
                    "SELECT b.id, b.bank_name, (SELECT min(ur.user_id) FROM user_roles ur WHERE "
                    "ur.role = 'finance' AND ur.legal_entity_id = b.legal_entity_id), (SELECT "
                    "min(invoice_date) FROM invoices i WHERE i.legal_entity_id = "
                    "b.legal_entity_id AND i.number IS NOT NULL) FROM bank_accounts b WHERE "
                    "b.legal_entity_id = ? ORDER BY b.id LIMIT 1"),
                {e.id});
            if (!q.next() || q.value(3).isNull())
                continue;
            const qint64 operating = q.value(0).toLongLong();
            const qint64 finance = q.value(2).toLongLong();
            const QDate date = q.value(3).toDate();
            const qint64 account =
                banking.create(m_db,
                               {e.id, QStringLiteral("Dollar account USD"), q.value(1).toString(),
                                accounts.value(e.code).first, usd.code(), 0},
                               finance);
            const BankAccountStore store(m_db);
            const Money dollars =
                Money::fromMinor(accounts.value(e.code).second * 100, usd).value();
            const Money cost = convertOn(m_db, dollars, e.currency, date, QStringLiteral("amount"));
            Posting p;
            p.entityId = e.id;
            p.date = date;
            p.sourceType = QStringLiteral("bank_transfer");
            p.sourceId = QString::number(account);
            p.description = QStringLiteral("Dollars bought for the dollar account");
            p.createdBy = finance;
            p.approvedBy = m_controller;
            PostingLine in;
            in.accountNumber = store.account(account)->ledgerNumber;
            in.debit = dollars;
            in.functional = cost;
            PostingLine out;
            out.accountNumber = store.account(operating)->ledgerNumber;
            out.credit = cost;
            p.lines = {in, out};
            ledger.post(p);
            ++counts.dollarAccounts;
        }
    }

    // The staff cost the ledger otherwise lacks (without it the group's margin was ~97 %): one
    // payroll journal per entity and month that has time, from the first month of the time
    // history to last month (the month end in progress; this month has not ended), dated the
    // month end: Dr 5000 Direct labour cost / Cr 1000 Bank in functional currency, posted
    // before any of these months is closed.
    // The measure: the hours each employee recorded in the month (whatever their approval
    // state: the work was done and paid) × their cost rate valid at the month end, rounded per
    // employee, summed over the employing entity. Not rate × capacity: the demo's cost rates are
    // loaded hourly costs (about 56 % of the bill rate) and the time history books only the
    // staffed work, a bit over half the capacity, so paying the capacity at that rate put the
    // UK and the German company at a loss every month (and the group at about -5 % in
    // 2026-09). Every demo employee holds a billable role, so there is no 6000 G&A payroll line.
    // The operating account, once paid out of, would run below zero in the months before the
    // receipts catch up (receipts come net 30 through the billing replay): the owners then pay
    // in share capital (Dr 1000 / Cr 3000, dated the first payroll month's first day) covering
    // the lowest balance plus a cushion, in whole 500,000s.
    void payroll()
    {
        const QDate asOf = demoAsOf();
        const QDate thisMonth(asOf.year(), asOf.month(), 1);
        LedgerService ledger(m_config);
        QSqlQuery q = query(
            QStringLiteral(
                "WITH w AS (SELECT t.employee_id, date_trunc('month', t.work_date)::date AS ps, "
                "sum(t.hours) AS hours FROM time_entries t WHERE t.work_date < ?::date GROUP BY "
                "1, 2) "
                "SELECT e.legal_entity_id, w.ps, r.currency, sum(round(w.hours * r.hourly_cost, "
                "2))::text, count(*), sum(w.hours)::text, (SELECT min(ur.user_id) FROM "
                "user_roles ur WHERE ur.role = 'finance' AND ur.legal_entity_id = "
                "e.legal_entity_id) FROM w JOIN employees e ON e.id = w.employee_id JOIN "
                "employee_cost_rates r ON r.employee_id = e.id AND (w.ps + interval '1 month "
                "- 1 day')::date BETWEEN r.valid_from AND coalesce(r.valid_to, 'infinity') "
                "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
            {thisMonth});
        QHash<qint64, QString> functional;
        for (const Entity &e : m_entities)
            functional.insert(e.id, e.currency);
        // One posting per entity and month; a month of cost rates in two currencies adds up.
        QList<Posting> postings;
        QHash<qint64, QDate> firstMonth;
        QHash<qint64, qint64> preparer;
        while (q.next()) {
            const qint64 entity = q.value(0).toLongLong();
            const QDate ps = q.value(1).toDate();
            const QDate pe = ps.addMonths(1).addDays(-1);
            const QString currency = functional.value(entity);
            Money amount =
                Money::parse(q.value(3).toString(), q.value(2).toString().trimmed()).value();
            if (amount.currency().code() != currency)
                amount = convertOn(m_db, amount, currency, pe, QStringLiteral("amount"));
            const QString sourceId =
                QString::number(entity) + u':' + ps.toString(QStringLiteral("yyyy-MM"));
            if (!postings.isEmpty() && postings.last().sourceId == sourceId) {
                Posting &p = postings.last();
                p.lines[0].debit = p.lines[0].debit.add(amount).value();
                p.lines[1].credit = p.lines[0].debit;
                continue;
            }
            Posting p;
            p.entityId = entity;
            p.date = pe;
            p.sourceType = QStringLiteral("payroll");
            p.sourceId = sourceId;
            p.description = QStringLiteral("Payroll %1: %2 people, %3 h at cost")
                                .arg(ps.toString(QStringLiteral("yyyy-MM")), q.value(4).toString(),
                                     q.value(5).toString());
            // Prepared by the entity's finance, approved by the controller (never the same).
            p.createdBy = q.value(6).isNull() ? m_controller : q.value(6).toLongLong();
            p.approvedBy = p.createdBy == m_controller ? 0 : m_controller;
            preparer.insert(entity, p.createdBy);
            PostingLine cost;
            cost.accountNumber = QStringLiteral("5000");
            cost.debit = amount;
            PostingLine bank;
            bank.accountNumber = QStringLiteral("1000");
            bank.credit = amount;
            p.lines = {cost, bank};
            postings.append(p);
            if (!firstMonth.contains(entity))
                firstMonth.insert(entity, ps);
        }
        if (postings.isEmpty())
            return;
        ledger.postMany(postings);
        counts.payrollEntries = int(postings.size());

        // The lowest end-of-day balance of each operating account over its whole history.
        q = query(QStringLiteral(
            "SELECT legal_entity_id, (ceil((100000 - min(balance)) / 500000) * 500000)::text FROM "
            "(SELECT jl.legal_entity_id, sum(sum(jl.functional_debit - jl.functional_credit)) "
            "OVER (PARTITION BY jl.legal_entity_id ORDER BY jl.entry_date) AS balance FROM "
            "journal_lines jl JOIN ledger_accounts a ON a.id = jl.ledger_account_id AND a.number "
            "= '1000' GROUP BY jl.legal_entity_id, jl.entry_date) b GROUP BY 1 HAVING "
            "min(balance) < 100000 ORDER BY 1"));
        QList<Posting> capital;
        while (q.next()) {
            const qint64 entity = q.value(0).toLongLong();
            const Money amount =
                Money::parse(q.value(1).toString(), functional.value(entity)).value();
            Posting p;
            p.entityId = entity;
            p.date = firstMonth.value(entity);
            p.sourceType = QStringLiteral("share_capital");
            p.sourceId = QString::number(entity) + QStringLiteral(":payroll");
            p.description = QStringLiteral("Share capital paid in for the first payrolls");
            p.createdBy = preparer.value(entity, m_controller);
            p.approvedBy = p.createdBy == m_controller ? 0 : m_controller;
            PostingLine bank;
            bank.accountNumber = QStringLiteral("1000");
            bank.debit = amount;
            PostingLine equity;
            equity.accountNumber = QStringLiteral("3000");
            equity.credit = amount;
            p.lines = {bank, equity};
            capital.append(p);
        }
        if (!capital.isEmpty())
            ledger.postMany(capital);
        counts.capitalInjections = int(capital.size());
    }

    // Month after month, all entities' runs first (intercompany posts into both sides of a
    // pair), then their periods closed: a period closes only after the one before it.
    void closeMonths()
    {
        if (!m_first.isValid())
            return;
        const QDate asOf = demoAsOf();
        const QDate last = QDate(asOf.year(), asOf.month(), 1).addMonths(-2);
        for (QDate m = m_first; m <= last; m = m.addMonths(1)) {
            const QString month = m.toString(QStringLiteral("yyyy-MM"));
            report(95, QStringLiteral("Closing %1").arg(month));
            // The forecast as it stood when the month began: before its recognition runs.
            takeDemoForecastSnapshots(m_db, m);
            for (const Entity &e : m_entities) {
                m_where = month + u' ' + e.code;
                runCloseRuns(m_db, e.id, m, m_controller);
            }
            // Without the checklist's gate (as closePeriod offers loaders of history): its
            // warnings would each need a sign-off, and a checklist costs as much as the runs.
            for (const Entity &e : m_entities) {
                m_where = month + u' ' + e.code;
                closePeriod(m_db, e.id, m, QStringLiteral("hard_closed"), m_controller, true);
                ++counts.periodsClosed;
            }
        }
        m_where.clear();
        QSqlQuery q = query(QStringLiteral(
            "SELECT (SELECT count(*) FROM close_runs WHERE status = 'completed'), (SELECT "
            "count(*) FROM intercompany_charges)"));
        if (q.next()) {
            counts.closeRuns = q.value(0).toInt();
            counts.intercompanyCharges = q.value(1).toInt();
        }
    }

public:
    QString where() const { return m_where; }

private:
    struct Entity
    {
        qint64 id = 0;
        QString code;
        QString currency; // functional
    };

    DbConfig m_config;
    QSqlDatabase m_db;
    const DemoCloseProgress &m_progress;
    std::vector<Entity> m_entities;
    qint64 m_controller = 0;
    QDate m_first;
    QString m_where; // the month and entity being closed, for the error message
};

} // namespace

bool loadDemoClose(const DbConfig &config, DemoCloseCounts *counts, QString *error,
                   const DemoCloseProgress &progress)
{
    QString why;
    QString month;
    try {
        CloseLoader loader(config, progress);
        try {
            loader.run();
        } catch (...) {
            month = loader.where();
            throw;
        }
        if (counts)
            *counts = loader.counts;
        return true;
    } catch (const ApiError &e) {
        why = e.problem().title + QStringLiteral(": ") + e.problem().detail;
        for (const FieldError &f : e.problem().errors.mid(0, 5))
            why += QStringLiteral(" [%1 %2 %3]").arg(f.field, f.code, f.message);
    } catch (const DbError &e) {
        why = QString::fromUtf8(e.what());
    } catch (const std::exception &e) {
        why = QString::fromUtf8(e.what());
    }
    if (error)
        *error = month.isEmpty() ? QStringLiteral("Closing the demo's months: %1").arg(why)
                                 : QStringLiteral("Closing %1: %2").arg(month, why);
    return false;
}

} // namespace keel
