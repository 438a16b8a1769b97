#include "project_sql.h"

#include "billing/billing_rates.h"
#include "db/database.h"
#include "db/pg_array.h"

#include <stdexcept>

namespace keel::project_analytics {

namespace {

// The standard rate is the billing chain's last step, the entity's rate card for the role on the
// work date in its functional currency: the entries carry no contract, client or rate items, so
// billing_rates::joins() falls through to the rate card. Its one placeholder (the entity) becomes
// the project entity of each row, so one statement covers several entities.
QString standardRateJoins()
{
    QString joins = billing_rates::joins();
    const QString placeholder = QStringLiteral("c.legal_entity_id = ?");
    if (joins.count(placeholder) != 1 || joins.count(u'?') != 1)
        throw std::logic_error("billing_rates::joins() changed its placeholder");
    joins.replace(placeholder, QStringLiteral("c.legal_entity_id = e.legal_entity_id"));
    return joins;
}

} // namespace

QString fxRateSql(const QString &from, const QString &to, const QString &date)
{
    return QStringLiteral(
               "(SELECT round(fxr.rate, 6) FROM fx_rates fxr WHERE fxr.from_currency = %1 "
               "AND fxr.to_currency = %2 AND fxr.rate_date <= %3 ORDER BY fxr.rate_date DESC "
               "LIMIT 1)")
        .arg(from, to, date);
}

QString billsTimeSql(const QString &project)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM contract_lines cl WHERE cl.contract_id = "
                          "%1.contract_id AND cl.billing_model IN ('time_and_materials', "
                          "'retainer'))")
        .arg(project);
}

namespace {

// The time held by written-off cap exceptions, read from the exceptions' side (a few rows, hashed
// once) rather than probed per approved entry: a month of approved time waiting for its run is
// ten thousand entries, none of them written off.
const char WrittenOffSources[] =
    "FROM billing_exceptions wx JOIN billing_sources wo ON wo.billing_exception_id = wx.id AND "
    "wo.source_kind = 'time_entry' AND wo.released_at IS NULL WHERE wx.kind = 'cap_exceeded' "
    "AND wx.status = 'written_off'";

} // namespace

QString realisedTimeSql(const QString &entry)
{
    return QStringLiteral("(%1.status = 'invoiced' OR (%1.status = 'approved' AND %1.id::text IN "
                          "(SELECT wo.source_key %2)))")
        .arg(entry, QLatin1String(WrittenOffSources));
}

QString timeEntriesSql(const QString &selection)
{
    // Realisation counts the time a contract bills by the hour (a time-and-materials line or a
    // retainer, the close's unbilled_time rule): time on fixed-fee, milestone or subscription
    // work, or without a contract, is paid by the fee or by no one and has no billed value.
    // Only billed time is realised: an invoiced entry with all its hours; approved time waiting
    // for a run or a draft is work in progress and counts on neither side, except the hours a
    // written-off cap exception holds, which the firm did for nothing (the entry stays approved
    // when the whole of it is held; a partly billed one is invoiced with all its hours).
    // Billed value: each issued invoice line that billed the entry, net of its approved
    // write-down and of the credit notes on that line, shared among the line's sources by their
    // billed amounts, at the invoice's rate (credit notes mirror the invoice at its rate). The
    // lines are read once each, not once per entry: a monthly line carries a hundred entries;
    // the rate chain runs once per entity, role and day, not once per entry. The sources are
    // probed per entry (a lateral kept from flattening by OFFSET 0) rather than hashed whole: a
    // stale month has a few thousand of the 120,000.
    return QStringLiteral(R"(
WITH e0 AS (
    SELECT te.id, p.legal_entity_id, date_trunc('month', te.work_date)::date AS month,
           te.project_id, p.practice_id, p.account_id AS client_id, te.employee_id,
           te.work_date, te.hours, te.billable, te.status,
           le.functional_currency::text AS currency,
           CASE WHEN te.cost_amount IS NULL THEN 0
                WHEN te.cost_currency = le.functional_currency THEN te.cost_amount
                ELSE coalesce(round(te.cost_amount * %2, 2), 0) END AS labour_cost,
           %4 AS bills_time,
           NULL::bigint AS contract_id, NULL::bigint AS account_id,
           coalesce(t.job_role_id, em.job_role_id) AS role_id, false AS rate_items
    FROM %1
    JOIN legal_entities le ON le.id = p.legal_entity_id
    JOIN employees em ON em.id = te.employee_id
    LEFT JOIN project_tasks t ON t.id = te.task_id),
e1 AS (
    SELECT e0.*,
           CASE WHEN NOT (e0.billable AND e0.bills_time) THEN 0
                WHEN e0.status = 'invoiced' THEN e0.hours
                ELSE coalesce(wo.hours, 0) END AS counted_hours
    FROM e0 LEFT JOIN (SELECT wo.source_key, sum(wo.hours) AS hours %5 GROUP BY 1) wo
                   ON wo.source_key = e0.id::text),
src AS (
    SELECT e0.id, bs.invoice_line_id, bs.amount
    FROM e0 CROSS JOIN LATERAL (
        SELECT s.invoice_line_id, s.amount FROM billing_sources s
        WHERE s.source_kind = 'time_entry' AND s.source_key = e0.id::text
          AND s.invoice_line_id IS NOT NULL OFFSET 0) bs
    WHERE e0.billable AND e0.bills_time AND e0.status = 'invoiced'),
ln AS MATERIALIZED (
    SELECT il.id, il.line_no, il.amount, i.id AS invoice_id, coalesce(i.fx_rate, 1) AS fx_rate,
           (SELECT sum(s.amount) FROM billing_sources s WHERE s.invoice_line_id = il.id) AS total,
           (SELECT sum(cl.amount) FROM invoices cn
            JOIN invoice_lines cl ON cl.invoice_id = cn.id AND cl.line_no = il.line_no
            WHERE cn.credits_invoice_id = i.id AND cn.number IS NOT NULL) AS credited
    FROM invoice_lines il
    JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice' AND i.number IS NOT NULL
    WHERE il.id IN (SELECT invoice_line_id FROM src)),
bv AS (
    SELECT src.id, sum(round((ln.amount - coalesce(ln.credited, 0)) * src.amount / ln.total
                             * ln.fx_rate, 4)) AS billed
    FROM src JOIN ln ON ln.id = src.invoice_line_id AND ln.total <> 0
    GROUP BY 1),
rk AS MATERIALIZED (
    SELECT DISTINCT legal_entity_id, currency, role_id, work_date, contract_id, account_id,
           rate_items
    FROM e1 WHERE counted_hours <> 0),
std AS MATERIALIZED (
    SELECT e.legal_entity_id, e.role_id, e.work_date, r.rate
    FROM rk e
%3)
SELECT e.id, e.legal_entity_id, e.month, e.project_id, e.practice_id, e.client_id, e.employee_id,
       e.work_date, e.hours, e.billable, e.currency, e.labour_cost, e.bills_time,
       e.counted_hours,
       CASE WHEN e.billable AND e.bills_time THEN coalesce(round(e.counted_hours * r.rate, 2), 0)
           ELSE 0 END AS standard_value,
       CASE WHEN e.billable AND e.bills_time THEN coalesce(bv.billed, 0) ELSE 0 END
           AS billed_value
FROM e1 e
LEFT JOIN std r ON r.legal_entity_id = e.legal_entity_id AND r.role_id = e.role_id
               AND r.work_date = e.work_date
LEFT JOIN bv ON bv.id = e.id)")
        .arg(selection,
             fxRateSql(QStringLiteral("te.cost_currency"), QStringLiteral("le.functional_currency"),
                       QStringLiteral("te.work_date")),
             standardRateJoins(), billsTimeSql(QStringLiteral("p")),
             QLatin1String(WrittenOffSources));
}

void rebuildProjectMonths(QSqlDatabase db, const QList<EntityMonth> &partitions)
{
    const QVariantList binds = partitionBinds(partitions);
    const QString e = binds.at(0).toString(), m = binds.at(1).toString();
    deletePartitions(db, QStringLiteral("analytics_project_month"), partitions);
    // Every branch walks the partition's projects and reads their detail by project index (the
    // lateral keeps the planner from scanning a whole month of every entity per partition).
    const QString parts =
        QStringLiteral("unnest(?::bigint[], ?::date[]) AS part(pe, pm) JOIN projects p ON "
                       "p.legal_entity_id = part.pe ");
    const QString time = timeEntriesSql(
        parts + QStringLiteral("JOIN LATERAL (SELECT * FROM time_entries x WHERE x.project_id = "
                               "p.id AND x.status IN ('approved', 'invoiced') AND x.work_date >= "
                               "part.pm AND x.work_date < part.pm + interval '1 month') te ON "
                               "true"));
    const QString sql =
        QStringLiteral(R"(
INSERT INTO analytics_project_month (legal_entity_id, month, project_id, hours, billable_hours,
    standard_value, billed_time_value, labour_cost, expense_cost, subcontract_cost)
SELECT legal_entity_id, month, project_id, sum(h), sum(bh), sum(sv), sum(bv), sum(lc), sum(ec),
       sum(sc)
FROM (
    SELECT t.legal_entity_id, t.month, t.project_id, t.hours AS h,
           CASE WHEN t.billable THEN t.hours ELSE 0 END AS bh, t.standard_value AS sv,
           t.billed_value AS bv, t.labour_cost AS lc, 0 AS ec, 0 AS sc
    FROM (%1) t
    UNION ALL
    SELECT p.legal_entity_id, part.pm, p.id, 0, 0, 0, 0, 0,
           CASE WHEN x.functional_currency = le.functional_currency THEN x.functional_amount
                ELSE coalesce(round(x.functional_amount * %2, 2), 0) END, 0
    FROM %3
    JOIN legal_entities le ON le.id = p.legal_entity_id
    JOIN expenses x ON x.project_id = p.id AND x.status IN ('approved', 'invoiced')
                   AND x.expense_date >= part.pm AND x.expense_date < part.pm + interval '1 month'
    UNION ALL
    SELECT p.legal_entity_id, part.pm, p.id, 0, 0, 0, 0, 0, 0,
           CASE WHEN b.currency = le.functional_currency THEN bl.amount
                WHEN b.fx_rate IS NOT NULL AND be.functional_currency = le.functional_currency
                     THEN round(bl.amount * b.fx_rate, 2)
                ELSE coalesce(round(bl.amount * %4, 2), 0) END
    FROM %3
    JOIN legal_entities le ON le.id = p.legal_entity_id
    JOIN vendor_bill_lines bl ON bl.project_id = p.id
    JOIN vendor_bills b ON b.id = bl.bill_id AND b.status IN ('approved', 'partially_paid', 'paid')
                       AND b.bill_date >= part.pm AND b.bill_date < part.pm + interval '1 month'
    JOIN legal_entities be ON be.id = b.legal_entity_id) s
GROUP BY 1, 2, 3)")
            .arg(time,
                 fxRateSql(QStringLiteral("x.functional_currency"),
                           QStringLiteral("le.functional_currency"),
                           QStringLiteral("x.expense_date")),
                 parts,
                 fxRateSql(QStringLiteral("b.currency"), QStringLiteral("le.functional_currency"),
                           QStringLiteral("b.bill_date")));
    db::query(db, sql, {e, m, e, m, e, m});
}

} // namespace keel::project_analytics
