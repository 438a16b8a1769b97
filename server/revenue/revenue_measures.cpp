#include "revenue_measures.h"

#include "billing/billing_rates.h"
#include "db/database.h"
#include "db/pg_array.h"
#include "http/http_types.h"
#include "ledger/fx_rates.h"

#include <QSqlQuery>

namespace keel::revenue_measures {

namespace {

QSqlQuery sql(QSqlDatabase db, const QString &text, const QVariantList &binds = {})
{
    return db::query(db, text, binds);
}

void ddl(QSqlDatabase db, const QString &text)
{
    db::exec(db, text);
}

// The obligations of the entity's live contracts that have started by the period end (the
// contract and the obligation): before its start a contract has nothing to measure, no revenue
// and no loss to provide. Time and expenses of a contract count on its first time-and-materials
// obligation (its carrier) unless the contract has a retainer, which bills them; milestones
// without a line count on its first milestone obligation. The carriers and the contract's total
// price are taken over all its obligations, started or not, so a line starting later neither
// moves the carrier nor leaves the onerous test short of part of the price.
void obligations(QSqlDatabase db, qint64 entityId, QDate periodEnd)
{
    // A second run in the same transaction (the demo, the close) starts clean.
    QSqlQuery left = sql(db, QStringLiteral("SELECT to_regclass('pg_temp.rr_obl') IS NOT NULL"));
    if (left.next() && left.value(0).toBool())
        ddl(db, QStringLiteral("DROP TABLE IF EXISTS pg_temp.rr_obl, pg_temp.rr_cost, "
                               "pg_temp.rr_exp, pg_temp.rr_rates"));
    ddl(db, QStringLiteral(R"(
CREATE TEMP TABLE rr_obl (
    obligation_id bigint PRIMARY KEY,
    contract_id   bigint NOT NULL,
    line_id       bigint NOT NULL,
    project_id    bigint,
    account_id    bigint NOT NULL,
    method        text NOT NULL,
    price         numeric NOT NULL,
    currency      text NOT NULL,
    scale         integer NOT NULL DEFAULT 2,
    start_date    date NOT NULL,
    end_date      date NOT NULL,
    not_to_exceed numeric,
    carrier       boolean NOT NULL,
    ms_first      boolean NOT NULL,
    rate_items    boolean NOT NULL,
    contract_price numeric NOT NULL,
    cost          numeric NOT NULL DEFAULT 0,
    hours         numeric NOT NULL DEFAULT 0,
    etc_cost      numeric NOT NULL DEFAULT 0,
    etc_hours     numeric NOT NULL DEFAULT 0,
    value         numeric NOT NULL DEFAULT 0,
    measure       numeric NOT NULL DEFAULT 0,
    at_completion numeric NOT NULL DEFAULT 0,
    percent       numeric NOT NULL DEFAULT 0,
    cumulative    numeric NOT NULL DEFAULT 0,
    provision     numeric NOT NULL DEFAULT 0
) ON COMMIT DROP)"));
    sql(db, QStringLiteral(R"(
INSERT INTO rr_obl (obligation_id, contract_id, line_id, project_id, account_id, method, price,
                    currency, start_date, end_date, not_to_exceed, carrier, ms_first, rate_items,
                    contract_price)
SELECT obligation_id, contract_id, line_id, project_id, account_id, method, price, currency,
       start_date, end_date, not_to_exceed, carrier, ms_first, rate_items, contract_price
FROM (
SELECT o.id AS obligation_id, o.contract_id, o.contract_line_id AS line_id, o.project_id,
       c.account_id, o.method, o.transaction_price AS price, o.currency, o.start_date,
       o.end_date, l.not_to_exceed,
       o.method = 'time_and_materials' AND NOT k.has_retainer
           AND l.line_no = min(l.line_no) FILTER (WHERE o.method = 'time_and_materials')
                           OVER (PARTITION BY o.contract_id) AS carrier,
       o.method = 'milestone'
           AND l.line_no = min(l.line_no) FILTER (WHERE o.method = 'milestone')
                           OVER (PARTITION BY o.contract_id) AS ms_first,
       k.rate_items,
       sum(o.transaction_price) OVER (PARTITION BY o.contract_id) AS contract_price,
       c.start_date AS contract_start
FROM revenue_obligations o
JOIN contracts c ON c.id = o.contract_id
JOIN contract_lines l ON l.id = o.contract_line_id
CROSS JOIN LATERAL (
    SELECT EXISTS (SELECT 1 FROM contract_lines r WHERE r.contract_id = c.id
                   AND r.billing_model = 'retainer') AS has_retainer,
           EXISTS (SELECT 1 FROM contract_line_items i WHERE i.contract_id = c.id
                   AND i.kind = 'rate') AS rate_items) k
WHERE o.legal_entity_id = ? AND c.status IN ('signed', 'amended', 'completed', 'terminated')) a
WHERE start_date <= ?::date AND contract_start <= ?::date)"),
        {entityId, periodEnd, periodEnd});
    // Rounding happens at each currency's minor unit.
    QSqlQuery q = sql(db, QStringLiteral("SELECT DISTINCT currency FROM rr_obl"));
    db::PgArray codes, scales;
    while (q.next()) {
        const QString code = q.value(0).toString();
        codes.add(code);
        const auto c = Currency::fromCode(code);
        scales.add(QString::number(c ? c->minorUnits() : 2));
    }
    if (codes.size())
        sql(db,
            QStringLiteral("UPDATE rr_obl o SET scale = u.s FROM unnest(?::text[], ?::integer[]) "
                           "AS u(c, s) WHERE o.currency = u.c AND o.scale <> u.s"),
            {codes.literal(), scales.literal()});
    ddl(db, QStringLiteral("ANALYZE rr_obl"));
}

// Costs to date of the projects measured by cost or effort, and billable expenses of the
// carriers, each in its own currency; rates into the contract currency follow.
void sources(QSqlDatabase db, QDate periodEnd)
{
    ddl(db, QStringLiteral("CREATE TEMP TABLE rr_cost (project_id bigint NOT NULL, currency text "
                           "NOT NULL, cost numeric NOT NULL, hours numeric NOT NULL) "
                           "ON COMMIT DROP"));
    sql(db, QStringLiteral(R"(
INSERT INTO rr_cost
SELECT project_id, currency, sum(cost), sum(hours) FROM (
    SELECT te.project_id, te.cost_currency AS currency, coalesce(sum(te.cost_amount), 0) AS cost,
           sum(te.hours) AS hours
    FROM time_entries te
    WHERE te.project_id IN (SELECT project_id FROM rr_obl WHERE method IN ('poc_cost', 'poc_effort'))
      AND te.status IN ('approved', 'invoiced') AND te.work_date <= ?
    GROUP BY 1, 2
    UNION ALL
    SELECT x.project_id, x.functional_currency, sum(x.functional_amount), 0
    FROM expenses x
    WHERE x.project_id IN (SELECT project_id FROM rr_obl WHERE method IN ('poc_cost', 'poc_effort'))
      AND x.status IN ('approved', 'invoiced') AND x.expense_date <= ?
    GROUP BY 1, 2
    UNION ALL
    SELECT bl.project_id, b.currency, sum(bl.amount), 0
    FROM vendor_bill_lines bl JOIN vendor_bills b ON b.id = bl.bill_id
    WHERE bl.project_id IN (SELECT project_id FROM rr_obl WHERE method IN ('poc_cost', 'poc_effort'))
      AND b.status IN ('approved', 'partially_paid', 'paid') AND b.bill_date <= ?
    GROUP BY 1, 2) s
WHERE currency IS NOT NULL
GROUP BY 1, 2)"),
        {periodEnd, periodEnd, periodEnd});
    // Billable expenses at their markup, rounded per expense, in the contract currency when the
    // expense or its functional amount is in it, else in the functional currency.
    ddl(db, QStringLiteral("CREATE TEMP TABLE rr_exp (obligation_id bigint NOT NULL, currency "
                           "text NOT NULL, amount numeric NOT NULL) ON COMMIT DROP"));
    sql(db, QStringLiteral(R"(
INSERT INTO rr_exp
SELECT o.obligation_id, v.currency, sum(round(v.amount * (1 + x.markup_pct / 100), o.scale))
FROM rr_obl o
JOIN expenses x ON x.project_id = o.project_id AND x.billable
               AND x.status IN ('approved', 'invoiced') AND x.expense_date <= ?
CROSS JOIN LATERAL (
    SELECT CASE WHEN x.currency = o.currency THEN x.currency::text
                ELSE x.functional_currency::text END AS currency,
           CASE WHEN x.currency = o.currency THEN x.amount ELSE x.functional_amount END AS amount) v
WHERE o.carrier
GROUP BY 1, 2)"),
        {periodEnd});
}

void rates(QSqlDatabase db, QDate periodEnd)
{
    ddl(db, QStringLiteral("CREATE TEMP TABLE rr_rates (from_currency text NOT NULL, to_currency "
                           "text NOT NULL, rate numeric NOT NULL, PRIMARY KEY (from_currency, "
                           "to_currency)) ON COMMIT DROP"));
    QSqlQuery q = sql(db, QStringLiteral(R"(
SELECT DISTINCT c.currency, o.currency FROM rr_cost c JOIN rr_obl o ON o.project_id = c.project_id
WHERE o.method IN ('poc_cost', 'poc_effort') AND c.currency <> o.currency
UNION
SELECT DISTINCT e.currency, o.currency FROM rr_exp e JOIN rr_obl o USING (obligation_id)
WHERE e.currency <> o.currency)"));
    db::PgArray from, to, rate;
    while (q.next()) {
        const QString f = q.value(0).toString(), t = q.value(1).toString();
        const FxRate r = requireFxRate(db, f, t, periodEnd, QStringLiteral("period"));
        from.add(f);
        to.add(t);
        rate.add(r.rate.toString());
    }
    if (from.size())
        sql(db,
            QStringLiteral("INSERT INTO rr_rates SELECT * FROM unnest(?::text[], ?::text[], "
                           "?::numeric[])"),
            {from.literal(), to.literal(), rate.literal()});
}

// Percentage of completion where cost is known, the project: all its cost (or hours) to date
// against cost (hours) at completion, the estimate to complete being what the project's tasks
// carry now. Every completion-measured line of the contract applies that one percentage to its
// own price; the cost is not set against any one line.
void completion(QSqlDatabase db)
{
    sql(db, QStringLiteral(R"(
WITH cost AS (
    SELECT o.obligation_id,
           sum(round(c.cost * coalesce(r.rate, 1), o.scale)) AS cost, sum(c.hours) AS hours
    FROM rr_obl o JOIN rr_cost c ON c.project_id = o.project_id
    LEFT JOIN rr_rates r ON r.from_currency = c.currency AND r.to_currency = o.currency
    WHERE o.method IN ('poc_cost', 'poc_effort')
    GROUP BY 1),
etc AS (
    SELECT t.project_id, sum(t.etc_cost) AS etc_cost, sum(t.etc_hours) AS etc_hours
    FROM project_tasks t
    WHERE t.project_id IN (SELECT project_id FROM rr_obl WHERE method IN ('poc_cost', 'poc_effort'))
    GROUP BY 1)
UPDATE rr_obl o SET cost = coalesce(cost.cost, 0), hours = coalesce(cost.hours, 0),
                    etc_cost = coalesce(etc.etc_cost, 0), etc_hours = coalesce(etc.etc_hours, 0)
FROM rr_obl p
LEFT JOIN cost ON cost.obligation_id = p.obligation_id
LEFT JOIN etc ON etc.project_id = p.project_id
WHERE o.obligation_id = p.obligation_id AND p.method IN ('poc_cost', 'poc_effort'))"));
}

// Time and materials: billable approved (or invoiced) time to date at the billing rate chain,
// rounded once per role and rate, plus the billable expenses.
void delivered(QSqlDatabase db, qint64 entityId, QDate periodEnd)
{
    sql(db,
        QStringLiteral(R"(
WITH valued AS (
    -- As the billing run: the line holding a rate item for the role carries the hours, else the
    -- contract's first time-and-materials line; each line's own cap applies.
    SELECT coalesce(r.item_line, e.line_id) AS line_id, e.role_id, r.rate, sum(e.hours) AS hours
    FROM (
        SELECT o.line_id, o.contract_id, o.account_id, o.currency, o.rate_items,
               coalesce(t.job_role_id, em.job_role_id) AS role_id, te.work_date,
               sum(te.hours) AS hours
        FROM rr_obl o
        JOIN time_entries te ON te.project_id = o.project_id AND te.billable
                            AND te.status IN ('approved', 'invoiced') AND te.work_date <= ?
        JOIN employees em ON em.id = te.employee_id
        LEFT JOIN project_tasks t ON t.id = te.task_id
        WHERE o.carrier
        GROUP BY 1, 2, 3, 4, 5, 6, 7) e)") +
            billing_rates::joins() + QStringLiteral(R"(
    WHERE r.rate IS NOT NULL
    GROUP BY 1, 2, 3),
lines AS (
    SELECT o.obligation_id, sum(round(v.hours * v.rate, o.scale)) AS amount
    FROM valued v JOIN rr_obl o ON o.line_id = v.line_id AND o.method = 'time_and_materials'
    GROUP BY 1
    UNION ALL
    SELECT x.obligation_id, round(x.amount * coalesce(r.rate, 1), o.scale)
    FROM rr_exp x JOIN rr_obl o USING (obligation_id)
    LEFT JOIN rr_rates r ON r.from_currency = x.currency AND r.to_currency = o.currency),
total AS (SELECT obligation_id, sum(amount) AS amount FROM lines GROUP BY 1)
UPDATE rr_obl o SET value = total.amount FROM total WHERE o.obligation_id = total.obligation_id)"),
        {periodEnd, entityId});
    // Retainer hours beyond the drawdown are earned as they are billed: the overage lines of
    // issued invoices, on top of the fee recognised by day.
    sql(db, QStringLiteral(R"(
WITH ov AS (
    SELECT o.obligation_id, sum(il.amount) AS amount
    FROM rr_obl o
    JOIN invoice_lines il ON il.contract_line_id = o.line_id AND il.kind = 'retainer_overage'
    JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.number IS NOT NULL
                   AND i.invoice_date <= ? AND i.currency = o.currency
    WHERE o.method = 'straight_line'
    GROUP BY 1)
UPDATE rr_obl o SET value = ov.amount FROM ov WHERE o.obligation_id = ov.obligation_id)"),
        {periodEnd});
    // Milestones accepted (or billable) on or before the period end.
    sql(db, QStringLiteral(R"(
WITH m AS (
    SELECT o.obligation_id, sum(pm.amount) AS amount
    FROM rr_obl o
    JOIN project_milestones pm ON pm.project_id = o.project_id
     AND (pm.contract_line_id = o.line_id OR (pm.contract_line_id IS NULL AND o.ms_first))
    WHERE o.method = 'milestone' AND pm.state IN ('accepted', 'billable')
      AND coalesce(pm.accepted_date, pm.actual_date, pm.planned_date) <= ?
    GROUP BY 1)
UPDATE rr_obl o SET value = m.amount FROM m WHERE o.obligation_id = m.obligation_id)"),
        {periodEnd});
}

// Cumulative revenue by method, rounded once at the currency's minor unit; the loss provision
// of contracts measured by completion.
void cumulative(QSqlDatabase db, QDate periodEnd)
{
    sql(db, QStringLiteral(R"(
UPDATE rr_obl SET
    measure = CASE method
        WHEN 'poc_cost' THEN cost WHEN 'poc_effort' THEN hours
        WHEN 'straight_line' THEN greatest(least(?::date, end_date) - start_date + 1, 0)
        ELSE value END,
    at_completion = CASE method
        WHEN 'poc_cost' THEN cost + etc_cost WHEN 'poc_effort' THEN hours + etc_hours
        WHEN 'straight_line' THEN end_date - start_date + 1
        ELSE price END)"),
        {periodEnd});
    sql(db, QStringLiteral(R"(
UPDATE rr_obl SET
    cumulative = CASE
        WHEN method IN ('poc_cost', 'poc_effort', 'straight_line') THEN
             CASE WHEN at_completion > 0 AND measure > 0
                  THEN round(least(price * measure / at_completion, price), scale) ELSE 0 END
             + CASE WHEN method = 'straight_line' THEN value ELSE 0 END
        WHEN method = 'time_and_materials' AND not_to_exceed IS NOT NULL
             THEN least(value, not_to_exceed)
        ELSE value END,
    percent = CASE WHEN at_completion > 0
                   THEN round(least(greatest(measure, 0) * 100 / at_completion, 100), 6)
                   ELSE 0 END)"));
    // An onerous contract (IFRS 15 / ASC 606 test the contract, not the line): the whole expected
    // loss — the project's cost at completion over the price of all the contract's lines — at
    // once, less the loss already realised (cost to date over all the revenue recognised on the
    // contract). Kept on the contract's first completion-measured obligation, so posted on its
    // project; contracts without one have no estimate to complete to test.
    sql(db, QStringLiteral(R"(
WITH c AS (
    SELECT contract_id,
           min(obligation_id) FILTER (WHERE method IN ('poc_cost', 'poc_effort')) AS first,
           max(contract_price) AS price,
           max(cost) FILTER (WHERE method IN ('poc_cost', 'poc_effort')) AS cost,
           max(etc_cost) FILTER (WHERE method IN ('poc_cost', 'poc_effort')) AS etc,
           sum(cumulative) AS cumulative, max(scale) AS scale
    FROM rr_obl GROUP BY 1
    HAVING bool_or(method IN ('poc_cost', 'poc_effort')))
UPDATE rr_obl o SET provision = greatest(round(greatest(c.cost + c.etc - c.price, 0)
                                               - greatest(c.cost - c.cumulative, 0), c.scale), 0)
FROM c WHERE o.obligation_id = c.first)"));
}

} // namespace

void measure(QSqlDatabase db, qint64 entityId, QDate periodEnd)
{
    obligations(db, entityId, periodEnd);
    sources(db, periodEnd);
    rates(db, periodEnd);
    completion(db);
    delivered(db, entityId, periodEnd);
    cumulative(db, periodEnd);
}

} // namespace keel::revenue_measures
