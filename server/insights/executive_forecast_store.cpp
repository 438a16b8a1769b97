#include "executive_forecast_store.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>

namespace keel::executive_forecast_store {

namespace {

// The forecast's records (recs) and the pipeline placed by month (dm), as CTEs:
//   backlog   the live forecast of the schedules (analytics_live_forecast, functional) by
//             contract, converted at today's rate (analytics_fx_rate, as the live forecast is);
//   run_rate  T&M contracts' backlog × (the learned ratio − 1);
//   pipeline  open deals × probability (the model's, else the rep's) × the learned
//             realisation / duration, from the
//             month of max(expected close, today) + lag, over the service line's duration.
QString withRecords()
{
    return QStringLiteral(R"(
WITH par AS (SELECT ?::bigint[] AS ents, ?::char(3) AS cur, ?::date AS m0,
                    (?::date + interval '11 months')::date AS m1, ?::int AS lag,
                    ?::numeric AS dur0, ?::numeric AS tmx, ?::numeric[] AS pk),
fx AS (SELECT le.id AS eid, le.functional_currency AS fc,
              analytics_fx_rate(le.functional_currency, par.cur, current_date) AS rate
       FROM legal_entities le, par WHERE le.id = ANY(par.ents)),
dur AS (SELECT * FROM unnest(?::bigint[], ?::numeric[]) AS d(sl, months)),
mp AS (SELECT * FROM unnest(?::bigint[], ?::numeric[]) AS m(id, p)),
tm AS (SELECT DISTINCT contract_id FROM contract_lines WHERE billing_model = 'time_and_materials'),
bl AS (SELECT f.month, f.contract_id, f.legal_entity_id, sum(f.functional) AS functional
       FROM analytics_live_forecast f, par
       WHERE f.legal_entity_id = ANY(par.ents) AND f.month BETWEEN par.m0 AND par.m1
       GROUP BY 1, 2, 3),
deals AS (
    SELECT op.id, op.legal_entity_id, op.expected_value, op.currency,
           round(coalesce(mp.p, op.probability / 100), 4) AS p,
           date_trunc('month', greatest(coalesce(op.expected_close, current_date), current_date)
                               + par.lag)::date AS start,
           greatest(1, round(coalesce(d.months, par.dur0)))::int AS months
    FROM opportunities op CROSS JOIN par
    LEFT JOIN mp ON mp.id = op.id
    LEFT JOIN dur d ON d.sl = (SELECT min(s.service_line_id) FROM opportunity_service_lines s
                                WHERE s.opportunity_id = op.id)
    WHERE op.is_open AND op.legal_entity_id = ANY(par.ents)),
dm AS (SELECT dl.*, g::date AS month,
              par.pk[1 + (extract(year FROM age(g, par.m0)) * 12
                          + extract(month FROM age(g, par.m0)))::int] AS k
       FROM deals dl CROSS JOIN par
       CROSS JOIN LATERAL generate_series(dl.start, dl.start + (dl.months - 1) * interval '1 month',
                                          interval '1 month') AS g
       WHERE g::date BETWEEN par.m0 AND par.m1),
recs AS (
    SELECT * FROM (
        SELECT bl.month, 'backlog'::text AS part, 'contract'::text AS kind, bl.contract_id AS id,
               round(bl.functional * fx.rate, 2) AS amount, NULL::numeric AS p
        FROM bl JOIN fx ON fx.eid = bl.legal_entity_id
        UNION ALL
        SELECT bl.month, 'run_rate', 'contract', bl.contract_id,
               round(bl.functional * fx.rate * par.tmx, 2), NULL
        FROM bl JOIN tm ON tm.contract_id = bl.contract_id
        JOIN fx ON fx.eid = bl.legal_entity_id CROSS JOIN par
        UNION ALL
        SELECT dm.month, 'pipeline', 'opportunity', dm.id,
               round(dm.expected_value * analytics_fx_rate(dm.currency::char(3), fx.fc, current_date)
                     * fx.rate * dm.p * dm.k / dm.months, 2), dm.p
        FROM dm JOIN fx ON fx.eid = dm.legal_entity_id CROSS JOIN par) r
    WHERE r.amount IS NOT NULL))");
}

QVariantList recordBinds(const Inputs &in)
{
    db::PgArray ents, sl, months, opp, prob, realisation;
    for (double k : in.fit.pipelineRealisation)
        realisation.add(QString::number(k, 'f', 4));
    for (qint64 id : in.entityIds)
        ents.add(id);
    for (auto it = in.fit.durationBy.cbegin(); it != in.fit.durationBy.cend(); ++it) {
        sl.add(it.key());
        months.add(QString::number(it.value(), 'f', 1));
    }
    for (auto it = in.modelProbability.cbegin(); it != in.modelProbability.cend(); ++it) {
        opp.add(it.key());
        prob.add(it.value());
    }
    return {ents.literal(),
            in.currency,
            in.firstMonth,
            in.firstMonth,
            in.fit.lagDays,
            QString::number(in.fit.defaultDuration, 'f', 1),
            QString::number(in.fit.tmRatio - 1, 'f', 4),
            realisation.literal(),
            sl.literal(),
            months.literal(),
            opp.literal(),
            prob.literal()};
}

} // namespace

QList<MonthRow> months(QSqlDatabase db, const Inputs &in, QList<CapacityRow> &shortfalls)
{
    db::PgArray lo, hi;
    for (std::size_t k = 0; k < in.fit.p10.size(); ++k) {
        // The range always holds the expected value, even where the backtest was biased.
        lo.add(QString::number(std::min(0.0, in.fit.p10[k]), 'f', 4));
        hi.add(QString::number(std::max(0.0, in.fit.p90[k]), 'f', 4));
    }
    // Hours: required = planned assignments on the entities' projects (× their probability) +
    // the deals' effort by role × probability, placed like their revenue; available = the
    // capacity planner's rule (employee_range_capacity) for the entities' active employees.
    const QString sql = withRecords() + QStringLiteral(R"(,
ms AS (SELECT g::date AS month, (g + interval '1 month - 1 day')::date AS last, k
       FROM par, generate_series(par.m0, par.m1, interval '1 month') WITH ORDINALITY AS x(g, k)),
req AS (
    SELECT ms.month, e.job_role_id AS role,
           sum(a.hours_per_week * keel_weekdays(greatest(a.start_date, ms.month),
                                                least(a.end_date, ms.last)) / 5
               * a.probability / 100) AS h
    FROM assignments a JOIN projects pj ON pj.id = a.project_id
    JOIN employees e ON e.id = a.employee_id
    JOIN ms ON a.start_date <= ms.last AND a.end_date >= ms.month
    CROSS JOIN par WHERE pj.legal_entity_id = ANY(par.ents)
    GROUP BY 1, 2
    UNION ALL
    SELECT dm.month, ef.job_role_id, sum(ef.hours * dm.p * dm.k / dm.months)
    FROM dm JOIN opportunity_effort ef ON ef.opportunity_id = dm.id GROUP BY 1, 2),
avail AS (
    SELECT c.month, e.job_role_id AS role, sum(c.capacity_hours) AS h
    FROM (%1) c
    JOIN employees e ON e.id = c.employee_id CROSS JOIN par
    WHERE e.active AND e.legal_entity_id = ANY(par.ents) GROUP BY 1, 2),
byrole AS (
    SELECT coalesce(r.month, a.month) AS month, coalesce(r.role, a.role) AS role,
           round(coalesce(r.h, 0), 2) AS required, round(coalesce(a.h, 0), 2) AS available
    FROM (SELECT month, role, sum(h) AS h FROM req GROUP BY 1, 2) r
    FULL JOIN avail a ON a.month = r.month AND a.role = r.role),
sums AS (SELECT month, sum(amount) FILTER (WHERE part = 'backlog') AS b,
                sum(amount) FILTER (WHERE part = 'pipeline') AS pl,
                sum(amount) FILTER (WHERE part = 'run_rate') AS rr
         FROM recs GROUP BY 1),
q AS (SELECT * FROM unnest(?::numeric[], ?::numeric[]) WITH ORDINALITY AS q(lo, hi, k))
SELECT 'M', ms.month, coalesce(s.b, 0)::numeric(20, 2)::text,
       coalesce(s.pl, 0)::numeric(20, 2)::text, coalesce(s.rr, 0)::numeric(20, 2)::text,
       x.e::numeric(20, 2)::text, round(x.e * (1 + q.lo), 2)::numeric(20, 2)::text,
       round(x.e * (1 + q.hi), 2)::numeric(20, 2)::text,
       coalesce((SELECT sum(required) FROM byrole b WHERE b.month = ms.month), 0)::numeric(20, 2)::text,
       coalesce((SELECT sum(available) FROM byrole b WHERE b.month = ms.month), 0)::numeric(20, 2)::text,
       NOT EXISTS (SELECT 1 FROM byrole b WHERE b.month = ms.month AND b.required > b.available),
       NULL, NULL, NULL
FROM ms JOIN q ON q.k = ms.k LEFT JOIN sums s ON s.month = ms.month
CROSS JOIN LATERAL (SELECT coalesce(s.b, 0) + coalesce(s.pl, 0) + coalesce(s.rr, 0) AS e) x
UNION ALL
SELECT 'S', b.month, NULL, NULL, NULL, NULL, NULL, NULL, b.required::numeric(20, 2)::text,
       b.available::numeric(20, 2)::text, NULL, jr.code, jr.name,
       (b.required - b.available)::numeric(20, 2)::text
FROM byrole b JOIN job_roles jr ON jr.id = b.role WHERE b.required > b.available
ORDER BY 1, 2, 12)");
    QVariantList binds = recordBinds(in);
    // One call per month with its dates as values: called laterally, the planner cannot plan
    // employee_range_capacity for its dates and takes ~0.1 s a month instead of ~0.015 s.
    QStringList calls;
    for (int k = 0; k < 12; ++k) {
        const QDate m = in.firstMonth.addMonths(k);
        calls << QStringLiteral("SELECT ?::date AS month, * FROM employee_range_capacity(?::date, "
                                "?::date)");
        binds << m << m << m.addMonths(1).addDays(-1);
    }
    binds << lo.literal() << hi.literal();
    QSqlQuery q = db::query(db, sql.arg(calls.join(QStringLiteral(" UNION ALL "))), binds);
    QList<MonthRow> out;
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("M")) {
            MonthRow m;
            m.month = q.value(1).toDate();
            m.backlog = q.value(2).toString();
            m.pipeline = q.value(3).toString();
            m.runRate = q.value(4).toString();
            m.expected = q.value(5).toString();
            m.p10 = q.value(6).toString();
            m.p90 = q.value(7).toString();
            m.requiredHours = q.value(8).toString();
            m.availableHours = q.value(9).toString();
            m.capacityOk = q.value(10).toBool();
            out.append(m);
        } else {
            shortfalls.append({q.value(1).toDate(), q.value(11).toString(), q.value(12).toString(),
                               q.value(8).toString(), q.value(9).toString(),
                               q.value(13).toString()});
        }
    }
    return out;
}

QList<Record> records(QSqlDatabase db, const Inputs &in, QDate month, const QString &part,
                      QString &total)
{
    const QString sql = withRecords() + QStringLiteral(R"(
SELECT r.kind, r.id,
       CASE WHEN r.kind = 'contract' THEN (SELECT coalesce(c.number || ' ', '') || c.title
                                            FROM contracts c WHERE c.id = r.id)
            ELSE (SELECT o.name FROM opportunities o WHERE o.id = r.id) END,
       (SELECT a.name FROM accounts a WHERE a.id = CASE WHEN r.kind = 'contract'
            THEN (SELECT c.account_id FROM contracts c WHERE c.id = r.id)
            ELSE (SELECT o.account_id FROM opportunities o WHERE o.id = r.id) END),
       r.amount::numeric(20, 2)::text, r.p, (sum(r.amount) OVER ())::numeric(20, 2)::text
FROM recs r WHERE r.month = ? AND r.part = ?
ORDER BY r.amount DESC, r.id)");
    QVariantList binds = recordBinds(in);
    binds << month << part;
    QSqlQuery q = db::query(db, sql, binds);
    QList<Record> out;
    total = QStringLiteral("0.00");
    while (q.next()) {
        Record r;
        r.kind = q.value(0).toString();
        r.id = q.value(1).toLongLong();
        r.name = q.value(2).toString();
        r.account = q.value(3).toString();
        r.amount = q.value(4).toString();
        if (!q.value(5).isNull())
            r.probability = QString::number(q.value(5).toDouble(), 'f', 4);
        total = q.value(6).toString();
        out.append(r);
    }
    return out;
}

} // namespace keel::executive_forecast_store
