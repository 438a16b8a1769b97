#pragma once

// Shared set-up for the revenue recognition tests: the billing run fixture (three entities,
// fin / ukfin / amy, contracts, lines, time written straight into the tables as earlier issues'
// services leave them) plus what recognition reads: time with its cost, estimates to complete,
// milestones, invoices posted as billing posts them (Cr Unbilled receivable up to the project's
// balance, the rest Cr Deferred revenue), the synchronous run and the ledger balances per project.

#include "ledger/ledger_service.h"
#include "ledger/posting_rules.h"
#include "revenue/revenue_run_engine.h"
#include "tst_billing_run_fixture.h"

namespace keel::test {

class RevenueFixture : public BillingRunFixture
{
public:
    int invoiceSeq = 0;

    // Approved time with its cost at approval (the cost is what percentage of completion counts).
    QString costedEntry(qint64 employeeId, qint64 project, const QString &date,
                        const QString &hours, const QString &cost, bool billable = true,
                        const QString &status = "approved")
    {
        const QString id = entry(employeeId, project, date, hours, status, billable);
        db::query(db->sql(),
                  "UPDATE time_entries SET cost_amount = ?::numeric, cost_currency = p.currency, "
                  "cost_rate = ?::numeric / hours FROM projects p WHERE time_entries.id = "
                  "?::uuid AND p.id = time_entries.project_id",
                  {cost, cost, id});
        return id;
    }

    // The project's one task carries the estimate to complete the project manager keeps.
    void estimateToComplete(qint64 project, const QString &cost, const QString &hours = "0")
    {
        const qint64 task = scalar("SELECT id FROM project_tasks WHERE project_id = ?", {project});
        if (task)
            db::query(db->sql(),
                      "UPDATE project_tasks SET etc_cost = ?::numeric, etc_hours = ?::numeric "
                      "WHERE id = ?",
                      {cost, hours, task});
        else
            db::query(db->sql(),
                      "INSERT INTO project_tasks (project_id, seq, name, etc_cost, etc_hours) "
                      "VALUES (?, 1, 'Delivery', ?::numeric, ?::numeric)",
                      {project, cost, hours});
    }

    qint64 milestone(qint64 project, qint64 lineId, int seq, const QString &amount,
                     const QString &planned, const QString &state = "pending",
                     const QString &accepted = {})
    {
        return scalar(
            "INSERT INTO project_milestones (project_id, contract_line_id, seq, name, "
            "amount, currency, planned_date, state, accepted_date) SELECT id, ?, ?, ?, "
            "?::numeric, currency, ?::date, ?, ?::date FROM projects WHERE id = ? "
            "RETURNING id",
            {lineId, seq, QStringLiteral("Milestone %1").arg(seq), amount, planned, state,
             accepted.isEmpty() ? QVariant(QMetaType::fromType<QDate>()) : QVariant(accepted),
             project});
    }

    // An invoice of `amount` (net of tax) for the project posted as billing posts it: arrears
    // clear the project's unbilled receivable first, the rest (and all of `ahead`) is deferred.
    void invoice(qint64 project, const QString &date, const QString &amount, bool ahead = false)
    {
        QSqlQuery p = db::query(db->sql(),
                                "SELECT legal_entity_id, account_id, currency FROM projects "
                                "WHERE id = ?",
                                {project});
        p.next();
        const Currency c = Currency::fromCode(p.value(2).toString()).value();
        const Money total = Money::parse(amount, c).value();
        const Money unbilled =
            Money::parse(balance(project, "unbilled_receivable"), c).valueOr(Money::zero(c));
        posting_rules::InvoiceIssued e;
        e.entityId = p.value(0).toLongLong();
        e.clientId = p.value(1).toLongLong();
        e.invoiceId = 900000 + ++invoiceSeq;
        e.issuedBy = fin;
        e.invoiceDate = QDate::fromString(date, Qt::ISODate);
        e.number = QStringLiteral("INV-T-%1").arg(invoiceSeq);
        const Money clear = ahead ? Money::zero(c) : std::clamp(unbilled, Money::zero(c), total);
        if (!clear.isZero())
            e.recognised.append({project, clear, std::nullopt, {}});
        const Money rest = total.subtract(clear).value();
        if (!rest.isZero())
            e.billedAhead.append({project, rest, std::nullopt, {}});
        const LedgerService ledger(db->config());
        QSqlDatabase sql = db->sql();
        db::Transaction tx(sql);
        posting_rules::invoiceIssued(ledger, e);
        tx.commit();
    }

    // The synchronous run, committed.
    RevenueRunResult recognise(const QString &entity, const QString &period)
    {
        QSqlDatabase sql = db->sql();
        db::Transaction tx(sql);
        const RevenueRunResult r = runRevenueRecognition(
            sql, entityId(entity), QDate::fromString(period + "-01", Qt::ISODate), fin);
        tx.commit();
        return r;
    }

    // The project's balance on an account (by role) in its natural sign (debit for assets and
    // expenses, credit for the rest), to `date` (all time when empty), two decimals.
    QString balance(qint64 project, const QString &role, const QString &date = {})
    {
        const bool debitNatural = role == "unbilled_receivable" || role == "contract_loss";
        return text(QStringLiteral("SELECT coalesce(sum(%1), 0)::numeric(20, 2) FROM "
                                   "journal_lines jl JOIN ledger_accounts a ON a.id = "
                                   "jl.ledger_account_id WHERE a.role = ? AND jl.project_id = ? "
                                   "AND (?::date IS NULL OR jl.entry_date <= ?::date)")
                        .arg(debitNatural ? "jl.debit - jl.credit" : "jl.credit - jl.debit"),
                    {role, project,
                     date.isEmpty() ? QVariant(QMetaType::fromType<QDate>()) : QVariant(date),
                     date.isEmpty() ? QVariant(QMetaType::fromType<QDate>()) : QVariant(date)});
    }

    // "revenue unbilled deferred" of a project, its position after the runs.
    QString position(qint64 project)
    {
        return balance(project, "revenue") + " " + balance(project, "unbilled_receivable") + " " +
               balance(project, "deferred_revenue");
    }

    // "period_revenue cumulative percent" of the obligation of a line in a period.
    QString recognition(qint64 lineId, const QString &period)
    {
        return text("SELECT r.period_revenue::numeric(20, 2) || ' ' || "
                    "r.cumulative_revenue::numeric(20, 2) || ' ' || "
                    "r.percent_complete::numeric(9, 2) FROM revenue_recognitions r JOIN "
                    "revenue_obligations o ON o.id = r.obligation_id WHERE "
                    "o.contract_line_id = ? AND r.period_start = ?::date",
                    {lineId, period + "-01"});
    }

    int entries(const QString &sourceLike = "%")
    {
        return int(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                          "'revenue_recognition' AND source_id LIKE ?",
                          {sourceLike}));
    }

    static QString amount(const Money &m) { return m.toString(); }
};

} // namespace keel::test
