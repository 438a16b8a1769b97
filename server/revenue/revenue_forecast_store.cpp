#include "revenue_forecast_store.h"

#include "currency.h"
#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>

namespace keel::revenue_forecast_store {

namespace {

// The forecast after the last recognised month, per method (see the header).
const QString kMonths = QStringLiteral(R"(
WITH params AS (SELECT ?::date AS as_of),
scales AS (SELECT * FROM unnest(?::text[], ?::integer[]) AS s(code, scale)),
obl AS (
    SELECT o.id, o.contract_id, o.legal_entity_id, o.contract_line_id AS line_id, o.project_id,
           o.method, o.transaction_price AS price, o.currency::text AS currency, o.start_date,
           o.end_date, l.not_to_exceed AS nte, coalesce(s.scale, 2) AS scale,
           o.method = 'time_and_materials' AND NOT EXISTS (
               SELECT 1 FROM contract_lines r WHERE r.contract_id = o.contract_id
               AND r.billing_model = 'retainer')
             AND l.line_no = min(l.line_no) FILTER (WHERE o.method = 'time_and_materials')
                             OVER (PARTITION BY o.contract_id) AS carrier,
           o.method = 'milestone'
             AND l.line_no = min(l.line_no) FILTER (WHERE o.method = 'milestone')
                             OVER (PARTITION BY o.contract_id) AS ms_first
    FROM revenue_obligations o
    JOIN contract_lines l ON l.id = o.contract_line_id
    JOIN contracts c ON c.id = o.contract_id
    LEFT JOIN scales s ON s.code = o.currency
    WHERE c.status IN ('signed', 'amended', 'completed', 'terminated') AND %1),
last AS (
    SELECT DISTINCT ON (r.obligation_id) r.obligation_id, r.period_start, r.cumulative_revenue
    FROM revenue_recognitions r JOIN obl ON obl.id = r.obligation_id CROSS JOIN params
    WHERE params.as_of IS NULL OR r.period_start < date_trunc('month', params.as_of)
    ORDER BY r.obligation_id, r.period_start DESC),
base AS (
    SELECT obl.*, coalesce(last.cumulative_revenue, 0) AS done,
           -- The fee by day to the last recognised month, without what overage added.
           CASE WHEN last.period_start IS NULL THEN 0
                ELSE round(obl.price * greatest(least((last.period_start + interval '1 month'
                                                       - interval '1 day')::date, obl.end_date)
                                                 - obl.start_date + 1, 0)
                           / (obl.end_date - obl.start_date + 1), obl.scale) END AS fee_done,
           (last.period_start + interval '1 month' - interval '1 day')::date AS done_to,
           greatest(coalesce((last.period_start + interval '1 month')::date,
                             date_trunc('month', coalesce(params.as_of, current_date))::date),
                    date_trunc('month', obl.start_date)::date) AS first_month,
           date_trunc('month', CASE WHEN obl.method IN ('poc_cost', 'poc_effort')
                                    THEN greatest(obl.end_date, coalesce(p.end_date, obl.end_date))
                                    ELSE obl.end_date END)::date AS last_month
    FROM obl LEFT JOIN last ON last.obligation_id = obl.id
    LEFT JOIN projects p ON p.id = obl.project_id CROSS JOIN params),
months AS (
    SELECT b.id, m::date AS month,
           row_number() OVER (PARTITION BY b.id ORDER BY m) AS k,
           count(*) OVER (PARTITION BY b.id) AS n
    FROM base b, generate_series(b.first_month, b.last_month, interval '1 month') m),
straight AS (
    SELECT b.id, b.contract_id, b.legal_entity_id, b.currency, m.month,
           round(b.price * greatest(least((m.month + interval '1 month' - interval '1 day')::date,
                                          b.end_date) - b.start_date + 1, 0)
                 / (b.end_date - b.start_date + 1), b.scale) AS cum,
           b.fee_done
    FROM base b JOIN months m ON m.id = b.id WHERE b.method = 'straight_line'),
planned AS (
    SELECT b.id, b.contract_id, b.legal_entity_id, b.currency, m.month, round(sum(
               a.hours_per_week * a.probability / 100
               * greatest(least(a.end_date, (m.month + interval '1 month' - interval '1 day')::date)
                          - greatest(a.start_date, m.month) + 1, 0) / 7.0
               * coalesce(ri.rate, rc.hourly_rate, 0)), b.scale) AS amount
    FROM base b JOIN months m ON m.id = b.id
    JOIN assignments a ON a.project_id = b.project_id AND a.start_date <= m.month
                      + interval '1 month' - interval '1 day' AND a.end_date >= m.month
    JOIN employees e ON e.id = a.employee_id
    LEFT JOIN project_tasks t ON t.id = a.task_id
    LEFT JOIN LATERAL (
        SELECT i.rate FROM contract_line_items i WHERE i.contract_id = b.contract_id
        AND i.kind = 'rate' AND i.job_role_id = coalesce(t.job_role_id, e.job_role_id)
        ORDER BY i.line_id, i.seq LIMIT 1) ri ON true
    LEFT JOIN LATERAL (
        SELECT c.hourly_rate FROM rate_card_rates c WHERE c.legal_entity_id = b.legal_entity_id
        AND c.currency = b.currency AND c.job_role_id = coalesce(t.job_role_id, e.job_role_id)
        AND c.valid_from <= m.month AND (c.valid_to IS NULL OR c.valid_to >= m.month)
        LIMIT 1) rc ON ri.rate IS NULL
    WHERE b.carrier
    GROUP BY b.id, b.contract_id, b.legal_entity_id, b.currency, m.month, b.scale),
forecast AS (
    SELECT id, contract_id, legal_entity_id, currency, month,
           cum - coalesce(lag(cum) OVER (PARTITION BY id ORDER BY month), fee_done) AS amount
    FROM straight
    UNION ALL
    SELECT b.id, b.contract_id, b.legal_entity_id, b.currency, m.month,
           round(greatest(b.price - b.done, 0) * m.k / m.n, b.scale)
           - round(greatest(b.price - b.done, 0) * (m.k - 1) / m.n, b.scale)
    FROM base b JOIN months m ON m.id = b.id WHERE b.method IN ('poc_cost', 'poc_effort')
    UNION ALL
    SELECT b.id, b.contract_id, b.legal_entity_id, b.currency,
           greatest(date_trunc('month', pm.planned_date)::date, b.first_month), pm.amount
    FROM base b
    JOIN project_milestones pm ON pm.project_id = b.project_id
     AND (pm.contract_line_id = b.line_id OR (pm.contract_line_id IS NULL AND b.ms_first))
    WHERE b.method = 'milestone'
      AND (pm.state IN ('pending', 'completed')
           OR coalesce(pm.accepted_date, pm.actual_date, pm.planned_date)
              > coalesce(b.done_to, DATE '1900-01-01'))
    UNION ALL
    -- Planned time up to what the not-to-exceed leaves.
    SELECT p.id, p.contract_id, p.legal_entity_id, p.currency, p.month,
           CASE WHEN b.nte IS NULL THEN p.amount
                ELSE least(p.amount, greatest(b.nte - b.done - coalesce(sum(p.amount) OVER (
                         PARTITION BY p.id ORDER BY p.month ROWS BETWEEN UNBOUNDED PRECEDING
                         AND 1 PRECEDING), 0), 0)) END
    FROM planned p JOIN base b ON b.id = p.id),
rows AS (
    SELECT r.obligation_id AS id, r.contract_id, r.legal_entity_id, r.currency::text AS currency,
           r.period_start AS month, true AS actual, r.period_revenue AS amount
    FROM revenue_recognitions r CROSS JOIN params WHERE r.obligation_id IN (SELECT id FROM obl)
      AND (params.as_of IS NULL OR r.period_start < date_trunc('month', params.as_of))
    UNION ALL
    SELECT id, contract_id, legal_entity_id, currency, month, false, sum(amount)
    FROM forecast GROUP BY 1, 2, 3, 4, 5)
SELECT id, contract_id, legal_entity_id, month, actual, amount::text, currency
FROM rows
WHERE month BETWEEN ? AND ? AND amount <> 0
ORDER BY contract_id, id, month)");

} // namespace

QList<RevenueMonthRow> months(QSqlDatabase db, const QString &where, const QVariantList &binds,
                              QDate from, QDate to, QDate asOf)
{
    db::PgArray codes, scales;
    for (const Currency &c : Currency::all()) {
        codes.add(c.code());
        scales.add(QString::number(c.minorUnits()));
    }
    QVariantList all{asOf.isValid() ? QVariant(asOf) : QVariant(QMetaType::fromType<QDate>()),
                     codes.literal(), scales.literal()};
    all += binds;
    all << from << to;
    // One statement whose estimated cost is high and real cost small: JIT compilation would
    // take seconds (measured 5 s on the demo firm), so it is off for this transaction only.
    db::Transaction tx(db);
    db::query(db, QStringLiteral("SELECT set_config('jit', 'off', true)"), {});
    QSqlQuery q = db::query(db, kMonths.arg(where), all);
    QList<RevenueMonthRow> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                    q.value(3).toDate(), q.value(4).toBool(), q.value(5).toString(),
                    q.value(6).toString()});
    tx.commit();
    return out;
}

RevenuePosition position(QSqlDatabase db, qint64 entityId, qint64 projectId,
                         const QString &currency)
{
    RevenuePosition out;
    if (!projectId)
        return out;
    // Natural signs: the asset as a debit balance, the others as credit balances.
    QSqlQuery q = db::query(db, QStringLiteral(R"(
SELECT a.role, sum(CASE WHEN a.role = 'unbilled_receivable' THEN jl.debit - jl.credit
                        ELSE jl.credit - jl.debit END)::numeric(20, 4)::text
FROM journal_lines jl JOIN ledger_accounts a ON a.id = jl.ledger_account_id
WHERE a.legal_entity_id = ? AND a.role IN ('revenue', 'unbilled_receivable', 'deferred_revenue',
                                          'loss_provision')
  AND jl.project_id = ? AND jl.currency = ?
GROUP BY 1)"),
                            {entityId, projectId, currency});
    while (q.next()) {
        const QString role = q.value(0).toString();
        const QString v = q.value(1).toString();
        if (role == QLatin1String("revenue"))
            out.revenue = v;
        else if (role == QLatin1String("unbilled_receivable"))
            out.asset = v;
        else if (role == QLatin1String("deferred_revenue"))
            out.liability = v;
        else
            out.provision = v;
    }
    return out;
}

} // namespace keel::revenue_forecast_store
