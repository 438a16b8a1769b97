#include "sales_relations.h"

#include "crm/sales_rules.h"
#include "db/pg_array.h"

namespace keel {

namespace {

// The rate from a record's currency into its entity's functional currency on a day: the latest
// on or before it (as ledger/fx_rates.h reads it, six places), 1 in the same currency.
QString rateInto(const QString &currency, const QString &functional, const QString &day)
{
    return QStringLiteral("CASE WHEN %1::text = %2::text THEN 1::numeric ELSE (SELECT "
                          "round(x.rate, 6) FROM fx_rates x WHERE x.from_currency = %1::char(3) "
                          "AND x.to_currency = %2::char(3) AND x.rate_date <= %3 ORDER BY "
                          "x.rate_date DESC LIMIT 1) END")
        .arg(currency, functional, day);
}

QString missingRate(const QString &currency, const QString &functional, const QString &day)
{
    return QStringLiteral("CASE WHEN r.rate IS NULL THEN %1::text || '→' || %2::text || "
                          "' on or before ' || (%3)::text END")
        .arg(currency, functional, day);
}

QString moneyJson(const QString &amount, const QString &currency)
{
    return QStringLiteral("json_build_object('amount', round(%1, 2)::text, 'currency', %2)")
        .arg(amount, currency);
}

const QString kStageColumns =
    QStringLiteral("s.code AS stage_code, s.name AS stage_name, s.sort_order AS stage_sort");

QStringList contractColumns()
{
    return {QLatin1String(Dimension::Practice), QLatin1String(Dimension::Client),
            QLatin1String(Dimension::Project), QStringLiteral("manager")};
}

QStringList opportunityColumns()
{
    return {QLatin1String(Dimension::Practice), QLatin1String(Dimension::Client),
            QStringLiteral("stage")};
}

// An opportunity's drill-down row.
QString opportunityItem(const QString &amount)
{
    return QStringLiteral("json_build_object('opportunity_id', o.id::text, 'opportunity', o.name, "
                          "'client', ac.name, 'entity', le.code, 'stage', s.name, "
                          "'probability', trim_scale(o.probability)::text, 'expected_close', "
                          "o.expected_close, 'value', %1, 'amount', %2)")
        .arg(moneyJson(QStringLiteral("o.expected_value"), QStringLiteral("o.currency")),
             moneyJson(amount, QStringLiteral("o.currency")));
}

const QString kOpportunityFrom =
    QStringLiteral(" FROM opportunities o JOIN opportunity_stages s ON s.id = o.stage_id "
                   "JOIN legal_entities le ON le.id = o.legal_entity_id "
                   "JOIN accounts ac ON ac.id = o.account_id ");

} // namespace

SalesRelation salesBookingsRelation(const MetricContext &c)
{
    const QString day = QStringLiteral("ev.day");
    SalesRelation r;
    r.columns = contractColumns();
    r.sql =
        QStringLiteral(
            "SELECT c.legal_entity_id, date_trunc('month', ev.day)::date AS month, c.practice_id, "
            "c.account_id AS client_id, pj.id AS project_id, ev.amount * r.rate AS amount, %1 AS "
            "missing, ev.kind AS rec_kind, ev.id AS rec_id, json_build_object('kind', ev.kind, "
            "'contract_id', c.id::text, 'contract', c.number, 'title', c.title, 'client', "
            "ac.name, 'entity', le.code, 'date', ev.day, 'value', %2, 'functional', %3) AS item "
            "FROM contracts c JOIN legal_entities le ON le.id = c.legal_entity_id "
            "JOIN accounts ac ON ac.id = c.account_id "
            "LEFT JOIN projects pj ON pj.contract_id = c.id "
            "CROSS JOIN LATERAL (SELECT 'contract'::text AS kind, c.id AS id, c.signature_date AS "
            "day, %4 AS amount UNION ALL SELECT 'change_order', co.id, %5, %6 FROM "
            "contract_change_orders co WHERE co.contract_id = c.id AND co.status = 'approved' "
            "AND co.decided_at IS NOT NULL) ev "
            "LEFT JOIN LATERAL (SELECT %7 AS rate) r ON true "
            "WHERE %8 AND c.legal_entity_id = ANY(?::bigint[])")
            .arg(missingRate(QStringLiteral("c.currency"), QStringLiteral("le.functional_currency"),
                             day),
                 moneyJson(QStringLiteral("ev.amount"), QStringLiteral("c.currency")),
                 moneyJson(QStringLiteral("ev.amount * r.rate"),
                           QStringLiteral("le.functional_currency")),
                 sales_rules::bookedAtSignature(), sales_rules::changeOrderBookedOn(),
                 sales_rules::changeOrderDelta(),
                 rateInto(QStringLiteral("c.currency"), QStringLiteral("le.functional_currency"),
                          day),
                 sales_rules::contractBooks());
    r.binds = {c.entityArray()};
    return r;
}

SalesRelation salesBacklogRelation(const MetricContext &c, QDate first, QDate last)
{
    const QString monthEnd =
        QStringLiteral("(b.month + interval '1 month' - interval '1 day')::date");
    SalesRelation r;
    r.columns = contractColumns();
    r.balance = true;
    // Every change to a contract's balance is a delta in its month: what it signed (at
    // signature, then each approved change order) and what each recognition added to its
    // obligation's cumulative revenue (recognised to date at a month end is the cumulative of
    // each obligation's latest period on or before it, the sum of these deltas). Deltas before
    // `first` fall into `first`; a running sum per contract over its months gives both sides at
    // each month end, the backlog their difference, never below zero.
    r.sql =
        QStringLiteral(
            "WITH bc AS MATERIALIZED (SELECT c.* FROM contracts c WHERE %1 AND c.legal_entity_id = "
            "ANY(?::bigint[]) AND c.signature_date < ?::date + interval '1 month'), "
            "ev AS (SELECT c.id AS contract_id, date_trunc('month', c.signature_date)::date AS "
            "month, %2 AS signed, 0::numeric AS recognised FROM bc c "
            "UNION ALL SELECT co.contract_id, date_trunc('month', %3)::date, %4, 0 FROM "
            "contract_change_orders co JOIN bc ON bc.id = co.contract_id WHERE co.status = "
            "'approved' AND co.decided_at IS NOT NULL "
            "UNION ALL SELECT rr.contract_id, rr.period_start, 0, rr.cumulative_revenue - "
            "coalesce(lag(rr.cumulative_revenue) OVER (PARTITION BY rr.obligation_id ORDER BY "
            "rr.period_start), 0) FROM revenue_recognitions rr JOIN bc ON bc.id = "
            "rr.contract_id), "
            "d AS (SELECT ev.contract_id, greatest(ev.month, ?::date) AS month, sum(ev.signed) AS "
            "signed, sum(ev.recognised) AS recognised FROM ev WHERE ev.month <= ? GROUP BY 1, 2), "
            "g AS (SELECT bc.id AS contract_id, gm::date AS month FROM bc CROSS JOIN "
            "generate_series(greatest(?::date, date_trunc('month', bc.signature_date)), ?::date, "
            "interval '1 month') gm), "
            "b AS MATERIALIZED (SELECT s.contract_id, s.month, s.signed, s.recognised, "
            "greatest(s.signed - s.recognised, 0) AS backlog FROM (SELECT g.contract_id, g.month, "
            "sum(coalesce(d.signed, 0)) OVER w AS signed, sum(coalesce(d.recognised, 0)) OVER w "
            "AS recognised FROM g LEFT JOIN d ON d.contract_id = g.contract_id AND d.month = "
            "g.month WINDOW w AS (PARTITION BY g.contract_id ORDER BY g.month)) s) "
            "SELECT c.legal_entity_id, b.month, c.practice_id, c.account_id AS client_id, pj.id "
            "AS project_id, b.backlog * r.rate AS amount, %5 AS missing, 'contract'::text AS "
            "rec_kind, c.id AS rec_id, json_build_object('contract_id', c.id::text, 'contract', "
            "c.number, 'title', c.title, 'client', ac.name, 'entity', le.code, 'status', "
            "c.status, 'end_date', c.end_date, 'signed', %6, 'recognised', %7, 'backlog', %8, "
            "'functional', %9) AS item "
            "FROM b JOIN contracts c ON c.id = b.contract_id "
            "JOIN legal_entities le ON le.id = c.legal_entity_id "
            "JOIN accounts ac ON ac.id = c.account_id "
            "LEFT JOIN projects pj ON pj.contract_id = c.id "
            "LEFT JOIN LATERAL (SELECT %10 AS rate) r ON true "
            "WHERE b.backlog > 0 AND NOT (c.status IN ('completed', 'terminated') AND "
            "c.end_date < %11)")
            .arg(sales_rules::contractBooks(), sales_rules::bookedAtSignature(),
                 sales_rules::changeOrderBookedOn(), sales_rules::changeOrderDelta(),
                 missingRate(QStringLiteral("c.currency"), QStringLiteral("le.functional_currency"),
                             monthEnd),
                 moneyJson(QStringLiteral("b.signed"), QStringLiteral("c.currency")),
                 moneyJson(QStringLiteral("b.recognised"), QStringLiteral("c.currency")),
                 moneyJson(QStringLiteral("b.backlog"), QStringLiteral("c.currency")),
                 moneyJson(QStringLiteral("b.backlog * r.rate"),
                           QStringLiteral("le.functional_currency")))
            .arg(rateInto(QStringLiteral("c.currency"), QStringLiteral("le.functional_currency"),
                          monthEnd),
                 monthEnd);
    r.binds = {c.entityArray(), last, first, last, first, last};
    return r;
}

SalesRelation salesClosedDealsRelation(const MetricContext &c)
{
    const QString day = sales_rules::closedOn();
    SalesRelation r;
    r.columns = opportunityColumns();
    r.sql = QStringLiteral("SELECT o.legal_entity_id, date_trunc('month', %1)::date AS month, "
                           "o.practice_id, o.account_id AS client_id, %2, s.is_won AS won, "
                           "o.expected_value * r.rate AS amount, %3 AS missing, "
                           "'opportunity'::text AS rec_kind, o.id AS rec_id, %4 AS item")
                .arg(day, kStageColumns,
                     missingRate(QStringLiteral("o.currency"),
                                 QStringLiteral("le.functional_currency"), day),
                     QStringLiteral("(%1::jsonb || jsonb_build_object('closed_on', %2, "
                                    "'outcome', CASE WHEN s.is_won THEN 'won' ELSE 'lost' END))")
                         .arg(opportunityItem(QStringLiteral("o.expected_value")), day)) +
            kOpportunityFrom + sales_rules::closedJoin() +
            QStringLiteral("LEFT JOIN LATERAL (SELECT %1 AS rate) r ON true "
                           "WHERE NOT o.is_open AND %2 AND o.legal_entity_id = ANY(?::bigint[])")
                .arg(rateInto(QStringLiteral("o.currency"),
                              QStringLiteral("le.functional_currency"), day),
                     sales_rules::closedStage());
    r.binds = {c.entityArray()};
    return r;
}

SalesRelation salesPipelineRelation(const MetricContext &c)
{
    const QString weighted = sales_rules::weightedValue();
    SalesRelation r;
    r.columns = opportunityColumns();
    r.sql =
        QStringLiteral("SELECT o.legal_entity_id, date_trunc('month', o.expected_close)::date "
                       "AS month, o.practice_id, o.account_id AS client_id, %1, "
                       "%2 * r.rate AS amount, %3 AS missing, 'opportunity'::text AS "
                       "rec_kind, o.id AS rec_id, %4 AS item")
            .arg(kStageColumns, weighted,
                 missingRate(QStringLiteral("o.currency"), QStringLiteral("le.functional_currency"),
                             QStringLiteral("current_date")),
                 opportunityItem(weighted)) +
        kOpportunityFrom +
        QStringLiteral("LEFT JOIN LATERAL (SELECT %1 AS rate) r ON true WHERE o.is_open AND "
                       "o.expected_close IS NOT NULL AND o.legal_entity_id = ANY(?::bigint[])")
            .arg(rateInto(QStringLiteral("o.currency"), QStringLiteral("le.functional_currency"),
                          QStringLiteral("current_date")));
    r.binds = {c.entityArray()};
    return r;
}

SalesRelation salesCapacityRelation(const MetricContext &c)
{
    const QString today = QStringLiteral("current_date");
    SalesRelation r;
    r.columns = {QLatin1String(Dimension::Practice)};
    // One row per entity, month, practice and bill-rate currency (the series has no records of
    // its own). An assignment covering the whole month takes the month's working days, counted
    // once per month (m is materialised so that they are).
    // Available hours are the people family's (analytics_person_month, employee_range_capacity's
    // rule, the one utilisation divides by). Soft assignments are not taken off: they hold people
    // for opportunities, which the pipeline itself counts.
    r.sql =
        QStringLiteral(
            "WITH m AS MATERIALIZED (SELECT g::date AS first, (g + interval '1 month' - interval "
            "'1 day')::date AS last, keel_weekdays(g::date, (g + interval '1 month' - interval '1 "
            "day')::date) "
            "AS days FROM generate_series(?::date, ?::date, interval '1 month') g), "
            "booked AS (SELECT m.first AS month, a.employee_id, sum(a.hours_per_week * "
            "CASE WHEN a.start_date <= m.first AND a.end_date >= m.last THEN m.days ELSE "
            "analytics_weekdays(greatest(a.start_date, m.first), least(a.end_date, m.last)) END) "
            "/ 5 "
            "AS "
            "hours FROM m JOIN assignments a ON a.kind = 'hard' AND a.start_date <= m.last AND "
            "a.end_date >= m.first GROUP BY 1, 2) "
            "SELECT cp.legal_entity_id, cp.month, cp.practice_id, cp.value * r.rate AS amount, %1 "
            "AS "
            "missing, 'capacity'::text AS rec_kind, 0::bigint AS rec_id, NULL::json AS item "
            "FROM (SELECT pm.legal_entity_id, pm.month, pm.practice_id, e.bill_rate_currency AS "
            "currency, sum(greatest(pm.available_hours - coalesce(b.hours, 0), 0) * "
            "e.bill_rate) AS value FROM analytics_person_month pm JOIN employees e ON e.id = "
            "pm.employee_id LEFT JOIN booked b ON b.employee_id = pm.employee_id AND b.month = "
            "pm.month WHERE e.active AND e.bill_rate IS NOT NULL AND pm.legal_entity_id = "
            "ANY(?::bigint[]) AND pm.month BETWEEN ? AND ? GROUP BY 1, 2, 3, 4) cp "
            "JOIN legal_entities le ON le.id = cp.legal_entity_id "
            "LEFT JOIN LATERAL (SELECT %2 AS rate) r ON true")
            .arg(missingRate(QStringLiteral("cp.currency"),
                             QStringLiteral("le.functional_currency"), today),
                 rateInto(QStringLiteral("cp.currency"), QStringLiteral("le.functional_currency"),
                          today));
    r.binds = {c.filter.from, c.filter.to, c.entityArray(), c.filter.from, c.filter.to};
    return r;
}

SalesRelation salesFunnelRelation(const MetricContext &c)
{
    SalesRelation r;
    r.columns = opportunityColumns();
    r.balance = true;
    r.sql =
        QStringLiteral("SELECT o.legal_entity_id, ?::date AS month, o.practice_id, "
                       "o.account_id AS client_id, %1, o.expected_value * r.rate AS amount, "
                       "%2 AS missing, 'opportunity'::text AS rec_kind, o.id AS rec_id, "
                       "%3 AS item")
            .arg(kStageColumns,
                 missingRate(QStringLiteral("o.currency"), QStringLiteral("le.functional_currency"),
                             QStringLiteral("current_date")),
                 opportunityItem(QStringLiteral("o.expected_value"))) +
        kOpportunityFrom +
        QStringLiteral("LEFT JOIN LATERAL (SELECT %1 AS rate) r ON true WHERE o.is_open AND "
                       "NOT %2 AND o.legal_entity_id = ANY(?::bigint[])")
            .arg(rateInto(QStringLiteral("o.currency"), QStringLiteral("le.functional_currency"),
                          QStringLiteral("current_date")),
                 sales_rules::closedStage());
    r.binds = {c.filter.to, c.entityArray()};
    return r;
}

} // namespace keel
