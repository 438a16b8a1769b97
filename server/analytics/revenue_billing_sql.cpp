#include "revenue_billing_sql.h"

#include "db/database.h"
#include "db/pg_array.h"

namespace keel::revenue_analytics {

namespace {

// Issued invoices that still stand: a voided invoice was credited in full and its sources are
// billed again by a later one, so counting both would count the work twice.
const QString kIssued =
    QStringLiteral("JOIN invoices i ON i.legal_entity_id = p.e AND i.invoice_date >= p.m "
                   "AND i.invoice_date < (p.m + interval '1 month')::date AND i.number IS NOT NULL "
                   "AND i.kind = 'invoice' AND i.status <> 'voided'");

} // namespace

SqlFragment billingWriteOffDetail(const SqlFragment &partitions)
{
    const QString sql = QStringLiteral(R"((
SELECT i.legal_entity_id, date_trunc('month', i.invoice_date)::date AS month,
       i.account_id AS client_id, coalesce(l.project_id, i.project_id) AS project_id,
       'invoice_line'::text AS source,
       round(l.gross_amount * coalesce(i.fx_rate, 1), 2) AS billable_value,
       CASE WHEN l.write_down_status = 'approved'
            THEN round(l.write_down * coalesce(i.fx_rate, 1), 2) ELSE 0 END AS written_off,
       'L' || lpad(l.id::text, 19, '0') AS cursor, i.invoice_date AS day, i.number AS document,
       l.description, l.gross_amount AS amount,
       CASE WHEN l.write_down_status = 'approved' THEN l.write_down ELSE 0 END AS amount_off,
       i.currency::text AS currency
FROM %1 %2
JOIN invoice_lines l ON l.invoice_id = i.id
UNION ALL
SELECT e.legal_entity_id, p.m, c.account_id,
       (SELECT min(pj.id) FROM projects pj WHERE pj.contract_id = e.contract_id),
       'exception', round(e.amount * r.rate, 2), round(e.amount * r.rate, 2),
       'X' || lpad(e.id::text, 19, '0'), w.day, 'Billing exception ' || e.id, e.detail, e.amount,
       e.amount, e.currency::text
FROM %3
JOIN billing_exceptions e ON e.legal_entity_id = p.e AND e.status = 'written_off'
CROSS JOIN LATERAL (SELECT (coalesce(e.resolved_at, e.created_at) AT TIME ZONE 'UTC')::date
                    AS day) w
JOIN contracts c ON c.id = e.contract_id
JOIN legal_entities le ON le.id = e.legal_entity_id
CROSS JOIN LATERAL (SELECT analytics_fx_rate(e.currency, le.functional_currency, w.day) AS rate) r
WHERE w.day >= p.m AND w.day < (p.m + interval '1 month')::date AND r.rate IS NOT NULL))");
    QVariantList binds = partitions.binds;
    binds += partitions.binds;
    return {sql.arg(partitions.sql, kIssued, partitions.sql), binds};
}

// Joins rather than a subquery per source, so a full rebuild hashes the detail once; each CASE
// keeps a milestone's key from being read as a uuid and the other way round. (No comments in the
// SQL: the driver's placeholder scan takes an apostrophe there for a string.)
SqlFragment billingCycleDetail(const SqlFragment &partitions)
{
    const QString sql = QStringLiteral(R"((
SELECT DISTINCT ON (i.id, s.source_kind, s.source_key)
       i.legal_entity_id, date_trunc('month', i.invoice_date)::date AS month,
       i.account_id AS client_id, coalesce(l.project_id, i.project_id) AS project_id,
       s.source_kind AS source, i.invoice_date - ev.day AS days,
       'S' || lpad(s.id::text, 19, '0') AS cursor, i.invoice_date AS day, ev.day AS event_day,
       i.number AS document, l.description, s.amount, i.currency::text AS currency
FROM %1 %2
JOIN billing_sources s ON s.invoice_id = i.id AND s.invoice_line_id IS NOT NULL
 AND s.released_at IS NULL AND s.source_kind IN ('time_entry', 'expense', 'milestone')
JOIN invoice_lines l ON l.id = s.invoice_line_id
LEFT JOIN time_entries t ON t.id = CASE WHEN s.source_kind = 'time_entry'
                                        THEN s.source_key::uuid END
LEFT JOIN expenses x ON x.id = CASE WHEN s.source_kind = 'expense' THEN s.source_key::uuid END
LEFT JOIN project_milestones ms ON ms.id = CASE WHEN s.source_kind = 'milestone'
                                                THEN s.source_key::bigint END
CROSS JOIN LATERAL (SELECT coalesce(t.work_date, x.expense_date, ms.accepted_date,
                                    ms.actual_date, ms.planned_date) AS day) ev
WHERE ev.day IS NOT NULL
ORDER BY i.id, s.source_kind, s.source_key, s.id))");
    return {sql.arg(partitions.sql, kIssued), partitions.binds};
}

namespace {

void rebuildBillingMonths(QSqlDatabase db, const QList<EntityMonth> &partitions)
{
    const SqlFragment p{QStringLiteral("unnest(?::bigint[], ?::date[]) AS p(e, m)"),
                        partitionBinds(partitions)};
    deletePartitions(db, QStringLiteral("analytics_billing_month"), partitions);
    const SqlFragment writeOffs = billingWriteOffDetail(p);
    db::query(db,
              QStringLiteral("INSERT INTO analytics_billing_month (legal_entity_id, month, "
                             "client_id, project_id, source, billable_value, written_off, items) "
                             "SELECT legal_entity_id, month, client_id, project_id, source, "
                             "sum(billable_value), sum(written_off), count(*) FROM %1 d "
                             "GROUP BY 1, 2, 3, 4, 5")
                  .arg(writeOffs.sql),
              writeOffs.binds);
    const SqlFragment cycle = billingCycleDetail(p);
    db::query(db,
              QStringLiteral("INSERT INTO analytics_billing_month (legal_entity_id, month, "
                             "client_id, project_id, source, cycle_days, items) "
                             "SELECT legal_entity_id, month, client_id, project_id, source, "
                             "sum(days), count(*) FROM %1 d GROUP BY 1, 2, 3, 4, 5")
                  .arg(cycle.sql),
              cycle.binds);
}

} // namespace

AnalyticsFact billingMonthFact()
{
    return {QStringLiteral("billing_month"), QStringLiteral("analytics_billing_month"),
            rebuildBillingMonths};
}

} // namespace keel::revenue_analytics
