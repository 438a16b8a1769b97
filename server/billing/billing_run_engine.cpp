#include "billing_run_engine.h"

#include "billing_rates.h"
#include "billing_run_retainer.h"
#include "db/database.h"
#include "db/pg_array.h"
#include "tax_rules.h"

#include <QSqlQuery>

namespace keel {

namespace {

QSqlQuery sql(QSqlDatabase db, const QString &text, const QVariantList &binds = {})
{
    return db::query(db, text, binds);
}

// DDL and ANALYZE: statements PostgreSQL does not prepare.
void ddl(QSqlDatabase db, const QString &text)
{
    db::exec(db, text);
}

Decimal dec(const QVariant &v)
{
    return Decimal::parse(v.toString()).valueOr(Decimal());
}

} // namespace

BillingRunCounts BillingRunEngine::bill(const Progress &progress)
{
    const auto step = [&](int percent, const char *what) {
        if (progress)
            progress(percent, QString::fromLatin1(what));
    };
    step(5, "contracts");
    contracts();
    step(10, "approved time at its rates");
    timeCandidates();
    step(35, "not-to-exceed caps");
    caps();
    step(45, "retainer drawdown");
    retainerDrawdown();
    step(55, "time lines");
    timeLines();
    step(62, "expenses, milestones, fees and subscriptions");
    otherLines();
    step(72, "invoices");
    invoices();
    step(82, "exceptions");
    exceptions();
    step(90, "billing sources");
    sources();
    coveredByIssuedFees();
    return counts();
}

void BillingRunEngine::lockEntity()
{
    sql(m_db,
        QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('billing_run:' || ?, 0))"),
        {QString::number(m_s.legalEntityId)});
    // For the rest of the transaction: the statements are few and big, so JIT compilation costs
    // more than it saves (about a second at 35,000 entries), and their sorts and hashes fit in
    // memory.
    sql(m_db, QStringLiteral("SELECT set_config('jit', 'off', true), "
                             "set_config('work_mem', '64MB', true)"));
    // A second run in the same transaction (the demo loader, month after month) starts clean.
    QSqlQuery left =
        sql(m_db, QStringLiteral("SELECT to_regclass('pg_temp.br_contracts') IS NOT NULL"));
    if (left.next() && left.value(0).toBool())
        ddl(m_db, QStringLiteral("DROP TABLE IF EXISTS pg_temp.br_contracts, pg_temp.br_time, "
                                 "pg_temp.br_lines, pg_temp.br_invoices, pg_temp.br_exceptions"));
}

void BillingRunEngine::contracts()
{
    QSqlQuery q =
        sql(m_db, QStringLiteral(R"(
SELECT c.id, a.country, a.tax_profile FROM contracts c JOIN accounts a ON a.id = c.account_id
WHERE c.legal_entity_id = ? AND c.status IN ('signed', 'amended', 'completed', 'terminated')
  AND (? = 0 OR c.account_id = ?) AND (? = 0 OR c.id = ?)
ORDER BY c.id)"),
            {m_s.legalEntityId, m_s.accountId, m_s.accountId, m_s.contractId, m_s.contractId});
    db::PgArray ids, codes;
    while (q.next()) {
        ids.add(q.value(0).toLongLong());
        codes.add(
            tax_rules::codeFor(m_s.entityCountry, q.value(1).toString(), q.value(2).toString()));
    }
    ddl(m_db, QStringLiteral(R"(
CREATE TEMP TABLE br_contracts (
    contract_id   bigint PRIMARY KEY,
    account_id    bigint NOT NULL,
    currency      text NOT NULL,
    invoice_split text NOT NULL,
    terms         integer NOT NULL,
    tax_code      text NOT NULL,
    tax_rate      numeric NOT NULL,
    main_project  bigint,
    retainer_line bigint,
    tm_line       bigint,
    rate_items    boolean NOT NULL
) ON COMMIT DROP)"));
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_contracts
SELECT c.id AS contract_id, c.account_id, c.currency::text AS currency, c.invoice_split,
       a.payment_terms_days AS terms, u.tax_code, tc.rate AS tax_rate,
       (SELECT min(p.id) FROM projects p WHERE p.contract_id = c.id) AS main_project,
       (SELECT l.id FROM contract_lines l WHERE l.contract_id = c.id
          AND l.billing_model = 'retainer' ORDER BY l.line_no LIMIT 1) AS retainer_line,
       (SELECT l.id FROM contract_lines l WHERE l.contract_id = c.id
          AND l.billing_model = 'time_and_materials' ORDER BY l.line_no LIMIT 1) AS tm_line,
       EXISTS (SELECT 1 FROM contract_line_items i WHERE i.contract_id = c.id
               AND i.kind = 'rate') AS rate_items
FROM unnest(?::bigint[], ?::text[]) AS u (contract_id, tax_code)
JOIN contracts c ON c.id = u.contract_id
JOIN accounts a ON a.id = c.account_id
JOIN tax_codes tc ON tc.code = u.tax_code)"),
        {ids.literal(), codes.literal()});
    ddl(m_db, QStringLiteral("ANALYZE br_contracts"));
}

void BillingRunEngine::timeCandidates()
{
    // What each approved billable entry has left to bill: its hours less what active
    // billing_sources rows already claim (a partly billed entry has parts on earlier runs).
    // Time goes to the contract's retainer when it has one, else to its time-and-materials
    // line; contracts billed otherwise (fixed fee, milestones, subscriptions) do not bill hours.
    ddl(m_db, QStringLiteral(R"(
CREATE TEMP TABLE br_time (
    key        text NOT NULL,
    project_id bigint NOT NULL,
    work_date  date NOT NULL,
    contract_id bigint NOT NULL,
    account_id bigint NOT NULL,
    currency   text NOT NULL,
    role_id    bigint NOT NULL,
    hours      numeric(14, 2) NOT NULL,
    parts      integer NOT NULL,
    model      text NOT NULL,
    line_id    bigint,
    rate       numeric(20, 6),
    billed     numeric(14, 2) NOT NULL,
    covered    numeric(14, 2) NOT NULL,
    held       numeric(14, 2) NOT NULL,
    norate     numeric(14, 2) NOT NULL,
    fee_key    text -- the retainer_period source of the fee line the entry draws on
) ON COMMIT DROP)"));
    sql(m_db,
        QStringLiteral(R"(
INSERT INTO br_time
SELECT e.key, e.project_id, e.work_date, e.contract_id, e.account_id, e.currency, e.role_id,
       e.hours, e.parts, e.model,
       CASE WHEN e.model = 'tm' THEN coalesce(r.item_line, e.line_id) ELSE e.line_id END, r.rate,
       -- Billed whole until a cap or the retainer drawdown says otherwise.
       CASE WHEN e.model = 'tm' AND r.rate IS NOT NULL THEN e.hours ELSE 0 END, 0, 0,
       CASE WHEN e.model = 'tm' AND r.rate IS NULL THEN e.hours ELSE 0 END,
       CASE WHEN e.model = 'retainer'
            THEN e.line_id || ':' || to_char(date_trunc('month', e.work_date), 'YYYY-MM-DD') END
FROM (
    SELECT te.id::text AS key, te.project_id, te.work_date, bc.contract_id, bc.account_id,
           bc.currency, coalesce(t.job_role_id, em.job_role_id) AS role_id,
           (te.hours - coalesce(cl.claimed, 0))::numeric(14, 2) AS hours,
           coalesce(cl.parts, 0)::integer AS parts,
           CASE WHEN bc.retainer_line IS NOT NULL THEN 'retainer' ELSE 'tm' END AS model,
           coalesce(bc.retainer_line, bc.tm_line) AS line_id, bc.rate_items
    FROM br_contracts bc
    JOIN projects p ON p.contract_id = bc.contract_id
    JOIN time_entries te ON te.project_id = p.id AND te.status = 'approved' AND te.billable
                        AND te.work_date <= ?
    JOIN employees em ON em.id = te.employee_id
    LEFT JOIN project_tasks t ON t.id = te.task_id
    LEFT JOIN LATERAL (
        SELECT sum(bs.hours) AS claimed, max(bs.part) AS parts FROM billing_sources bs
        WHERE bs.source_kind = 'time_entry' AND bs.source_key = te.id::text
          AND bs.released_at IS NULL) cl ON true
    WHERE (bc.retainer_line IS NOT NULL OR bc.tm_line IS NOT NULL)
      AND te.hours - coalesce(cl.claimed, 0) <> 0) e)") +
            billing_rates::joins(),
        {m_s.periodEnd, m_s.legalEntityId});
    ddl(m_db, QStringLiteral("ANALYZE br_time"));
}

void BillingRunEngine::caps()
{
    // Entries in work-date order fill what is left under each line's cap (cumulative over every
    // invoice of the line, net of credit notes); the entry that crosses it is billed for the
    // whole hundredths of an hour that still fit, the rest is held. Only the rows that change
    // are written.
    sql(m_db, QStringLiteral(R"(
WITH caps AS (
    SELECT l.id, l.not_to_exceed - keel_contract_line_billed(l.id) AS room
    FROM contract_lines l
    WHERE l.not_to_exceed IS NOT NULL
      AND l.id IN (SELECT DISTINCT line_id FROM br_time WHERE model = 'tm')),
o AS (
    SELECT b.key, b.hours, b.rate, c.room,
           sum(b.hours * b.rate) OVER (PARTITION BY b.line_id ORDER BY b.work_date, b.key) AS cum
    FROM br_time b JOIN caps c ON c.id = b.line_id
    WHERE b.model = 'tm' AND b.rate IS NOT NULL),
x AS (
    SELECT o.key, CASE
        WHEN o.cum <= o.room THEN o.hours
        WHEN o.cum - o.hours * o.rate >= o.room OR o.rate <= 0 THEN 0
        ELSE trunc((o.room - (o.cum - o.hours * o.rate)) / o.rate, 2) END AS billed
    FROM o)
UPDATE br_time b
SET billed = x.billed, held = b.hours - x.billed
FROM x
WHERE x.key = b.key AND x.billed <> b.hours)"));
}

void BillingRunEngine::retainerDrawdown()
{
    QSqlQuery q = sql(m_db, QStringLiteral(R"(
SELECT line_id, date_trunc('month', work_date)::date, sum(hours)::text
FROM br_time WHERE model = 'retainer' GROUP BY 1, 2)"));
    QList<billing_retainer::Month> candidates;
    db::PgArray lineIds;
    QSet<qint64> seen;
    while (q.next()) {
        candidates.append({q.value(0).toLongLong(), q.value(1).toDate(), dec(q.value(2))});
        if (!seen.contains(candidates.last().lineId)) {
            seen.insert(candidates.last().lineId);
            lineIds.add(candidates.last().lineId);
        }
    }
    if (candidates.isEmpty())
        return;
    QList<billing_retainer::Line> lines;
    q = sql(m_db, QStringLiteral(R"(
SELECT id, coalesce(drawdown_hours, 0)::text, rollover = 'next_period',
       date_trunc('month', start_date)::date, date_trunc('month', end_date)::date
FROM contract_lines WHERE id = ANY (?::bigint[]))"),
            {lineIds.literal()});
    while (q.next())
        lines.append({q.value(0).toLongLong(), dec(q.value(1)), q.value(2).toBool(),
                      q.value(3).isNull() ? QDate(1, 1, 1) : q.value(3).toDate(),
                      q.value(4).toDate()});
    // Hours earlier runs drew per month: the claims at amount 0 on that month's fee line.
    QList<billing_retainer::Month> drawn;
    q = sql(m_db, QStringLiteral(R"(
SELECT il.contract_line_id, il.service_start, sum(bs.hours)::text
FROM invoice_lines il JOIN billing_sources bs ON bs.invoice_line_id = il.id
WHERE il.kind = 'retainer_fee' AND il.contract_line_id = ANY (?::bigint[])
  AND bs.source_kind = 'time_entry' AND bs.released_at IS NULL
GROUP BY 1, 2)"),
            {lineIds.literal()});
    while (q.next())
        drawn.append({q.value(0).toLongLong(), q.value(1).toDate(), dec(q.value(2))});

    db::PgArray roomLine, roomMonth, roomHours;
    for (const auto &r : billing_retainer::rooms(lines, drawn, candidates)) {
        roomLine.add(r.lineId);
        roomMonth.add(r.month);
        roomHours.add(r.hours.toString());
    }
    sql(m_db, QStringLiteral(R"(
WITH a AS (SELECT * FROM unnest(?::bigint[], ?::date[], ?::numeric[]) AS a (line_id, month, room)),
o AS (
    SELECT b.key, b.hours, coalesce(a.room, 0) AS room,
           sum(b.hours) OVER (PARTITION BY b.line_id, date_trunc('month', b.work_date)
                              ORDER BY b.work_date, b.key) AS cum
    FROM br_time b
    LEFT JOIN a ON a.line_id = b.line_id AND a.month = date_trunc('month', b.work_date)::date
    WHERE b.model = 'retainer')
UPDATE br_time b
SET covered = x.covered,
    billed = CASE WHEN b.rate IS NULL THEN 0 ELSE b.hours - x.covered END,
    norate = CASE WHEN b.rate IS NULL THEN b.hours - x.covered ELSE 0 END
FROM (SELECT o.key, CASE WHEN o.cum <= o.room THEN o.hours
                         WHEN o.cum - o.hours >= o.room THEN 0
                         ELSE o.room - (o.cum - o.hours) END AS covered
      FROM o) x
WHERE x.key = b.key)"),
        {roomLine.literal(), roomMonth.literal(), roomHours.literal()});
}

void BillingRunEngine::timeLines()
{
    // Caps and drawdown moved hours between billed, covered and held: plans need to know.
    ddl(m_db, QStringLiteral("ANALYZE br_time (billed, covered, held, norate)"));
    ddl(m_db, QStringLiteral(R"(
CREATE TEMP TABLE br_lines (
    lkey             bigserial,
    contract_id      bigint NOT NULL,
    project_id       bigint,
    inv_project      bigint,
    kind             text NOT NULL,
    contract_line_id bigint,
    job_role_id      bigint,
    description      text NOT NULL,
    quantity         numeric(14, 2) NOT NULL,
    unit             text NOT NULL,
    unit_price       numeric(20, 6) NOT NULL,
    amount           numeric(20, 4) NOT NULL,
    tax_amount       numeric(20, 4),
    timing           text NOT NULL,
    service_start    date,
    service_end      date,
    sort_rank        integer NOT NULL,
    src_kind         text,
    src_key          text,
    line_no          integer,
    invoice_id       bigint,
    line_id          bigint
) ON COMMIT DROP)"));
    // One line per (project, role, rate): quantity = hours, amount rounded once per line.
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_lines (contract_id, project_id, kind, contract_line_id, job_role_id, description,
                      quantity, unit, unit_price, amount, timing, service_start, service_end,
                      sort_rank)
SELECT b.contract_id, b.project_id, CASE b.model WHEN 'tm' THEN 'time' ELSE 'retainer_overage' END,
       b.line_id, b.role_id,
       left(CASE b.model WHEN 'tm' THEN '' ELSE 'Retainer overage: ' END || jr.name || ' — '
            || p.name, 500),
       sum(b.billed), 'hours', b.rate, round(sum(b.billed) * b.rate, 2), 'arrears',
       min(b.work_date), max(b.work_date), CASE b.model WHEN 'tm' THEN 50 ELSE 35 END
FROM br_time b JOIN job_roles jr ON jr.id = b.role_id JOIN projects p ON p.id = b.project_id
WHERE b.billed <> 0
GROUP BY b.contract_id, b.project_id, b.model, b.line_id, b.role_id, b.rate, jr.name, p.name)"));
}

void BillingRunEngine::otherLines()
{
    const QVariantList ends{m_s.periodEnd};
    // Expenses: converted into the contract currency (the functional amount when that is the
    // contract's currency, else the expense date's rate to 6 places, rounded once), then the
    // markup, rounded once more.
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_lines (contract_id, project_id, kind, description, quantity, unit, unit_price,
                      amount, timing, service_start, service_end, sort_rank, src_kind, src_key)
SELECT bc.contract_id, x.project_id, 'expense',
       left(cat.name || ': ' || x.description || ' (' || to_char(x.expense_date, 'YYYY-MM-DD')
            || ')', 500),
       1, 'each', m.amount, m.amount, 'arrears', x.expense_date, x.expense_date, 60, 'expense',
       x.id::text
FROM br_contracts bc
JOIN projects p ON p.contract_id = bc.contract_id
JOIN expenses x ON x.project_id = p.id AND x.status = 'approved' AND x.billable
               AND x.expense_date <= ?
JOIN expense_categories cat ON cat.id = x.category_id
CROSS JOIN LATERAL (
    SELECT CASE WHEN x.currency = bc.currency THEN round(x.amount, 2)
                WHEN x.functional_currency = bc.currency THEN round(x.functional_amount, 2)
                ELSE round(x.amount * (
                    SELECT round(f.rate, 6) FROM fx_rates f
                    WHERE f.from_currency = x.currency AND f.to_currency = bc.currency
                      AND f.rate_date <= x.expense_date
                    ORDER BY f.rate_date DESC LIMIT 1), 2) END AS converted) c
CROSS JOIN LATERAL (SELECT round(c.converted * (100 + x.markup_pct) / 100, 2) AS amount) m
WHERE c.converted IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM billing_sources bs WHERE bs.source_kind = 'expense'
                  AND bs.source_key = x.id::text AND bs.released_at IS NULL))"),
        ends);
    // Milestones accepted (or marked billable) by the period's end.
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_lines (contract_id, project_id, kind, contract_line_id, description, quantity,
                      unit, unit_price, amount, timing, service_start, service_end, sort_rank,
                      src_kind, src_key)
SELECT bc.contract_id, ms.project_id, 'milestone', ms.contract_line_id,
       left('Milestone: ' || ms.name, 500), 1, 'each', c.amount, c.amount, 'arrears',
       coalesce(ms.actual_date, ms.planned_date), coalesce(ms.actual_date, ms.planned_date), 20,
       'milestone', ms.id::text
FROM br_contracts bc
JOIN projects p ON p.contract_id = bc.contract_id
JOIN project_milestones ms ON ms.project_id = p.id AND ms.state IN ('accepted', 'billable')
                          AND coalesce(ms.actual_date, ms.planned_date) <= ?
CROSS JOIN LATERAL (
    SELECT CASE WHEN ms.currency = bc.currency THEN round(ms.amount, 2)
                ELSE round(ms.amount * (
                    SELECT round(f.rate, 6) FROM fx_rates f
                    WHERE f.from_currency = ms.currency AND f.to_currency = bc.currency
                      AND f.rate_date <= coalesce(ms.actual_date, ms.planned_date)
                    ORDER BY f.rate_date DESC LIMIT 1), 2) END AS amount) c
WHERE c.amount IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM billing_sources bs WHERE bs.source_kind = 'milestone'
                  AND bs.source_key = ms.id::text AND bs.released_at IS NULL))"),
        ends);
    // Fixed-fee schedule items due by the period's end.
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_lines (contract_id, project_id, kind, contract_line_id, description, quantity,
                      unit, unit_price, amount, timing, service_start, service_end, sort_rank,
                      src_kind, src_key)
SELECT bc.contract_id, bc.main_project, 'fixed_fee', i.line_id,
       left(l.description || coalesce(' — ' || i.name, '') || ' (due '
            || to_char(i.due_date, 'YYYY-MM-DD') || ')', 500),
       1, 'each', i.amount, round(i.amount, 2), 'arrears', i.due_date, i.due_date, 10,
       'schedule_item', i.id::text
FROM br_contracts bc
JOIN contract_line_items i ON i.contract_id = bc.contract_id AND i.kind = 'schedule'
                          AND i.due_date <= ?
JOIN contract_lines l ON l.id = i.line_id AND l.billing_model = 'fixed_fee'
WHERE NOT EXISTS (SELECT 1 FROM billing_sources bs WHERE bs.source_kind = 'schedule_item'
                  AND bs.source_key = i.id::text AND bs.released_at IS NULL))"),
        ends);
    // Retainer fees, billed ahead: every month of the line up to the one after the period that
    // no earlier run billed (the next month ahead; a month a run missed is caught up). A completed
    // or terminated contract's months before the period (and not after its end) were delivered
    // and are billed in arrears; nothing ahead. A replayed history sees contracts as they ended,
    // so without this their past months would never be billed.
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_lines (contract_id, project_id, kind, contract_line_id, description, quantity,
                      unit, unit_price, amount, timing, service_start, service_end, sort_rank,
                      src_kind, src_key)
SELECT bc.contract_id, bc.main_project, 'retainer_fee', l.id,
       left(l.description || ' — ' || to_char(g.m, 'FMMonth YYYY'), 500), 1, 'month',
       l.monthly_amount, round(l.monthly_amount, 2), 'ahead', g.m,
       (g.m + interval '1 month' - interval '1 day')::date, 30, 'retainer_period',
       l.id || ':' || to_char(g.m, 'YYYY-MM-DD')
FROM br_contracts bc
JOIN contracts live ON live.id = bc.contract_id
                   AND live.status IN ('signed', 'amended', 'completed', 'terminated')
JOIN contract_lines l ON l.contract_id = bc.contract_id AND l.billing_model = 'retainer'
                     AND l.monthly_amount IS NOT NULL AND l.start_date IS NOT NULL
CROSS JOIN LATERAL (
    SELECT gs::date AS m FROM generate_series(
        date_trunc('month', l.start_date),
        least(date_trunc('month', coalesce(l.end_date, ?::date + interval '1 month')),
              ?::date + interval '1 month'),
        interval '1 month') gs) g
WHERE (live.status IN ('signed', 'amended') OR (g.m < ?::date AND g.m <= live.end_date))
  AND NOT EXISTS (SELECT 1 FROM billing_sources bs WHERE bs.source_kind = 'retainer_period'
                  AND bs.source_key = l.id || ':' || to_char(g.m, 'YYYY-MM-DD')
                  AND bs.released_at IS NULL))"),
        {m_s.periodStart, m_s.periodStart, m_s.periodStart});
    // Subscriptions, billed ahead: each service period (month, quarter, year counted from the
    // line's start_date) that starts by the period's end and that no earlier run billed. As with
    // retainer fees, a completed or terminated contract is billed in arrears for the service
    // periods that started before the period and before it ended, never for periods ahead.
    sql(m_db, QStringLiteral(R"(
INSERT INTO br_lines (contract_id, project_id, kind, contract_line_id, description, quantity,
                      unit, unit_price, amount, timing, service_start, service_end, sort_rank,
                      src_kind, src_key)
SELECT bc.contract_id, bc.main_project, 'subscription', l.id,
       left(l.description || ' — ' || to_char(s.first, 'YYYY-MM-DD') || ' to '
            || to_char(s.last, 'YYYY-MM-DD'), 500),
       1, 'each', l.fee_per_period, round(l.fee_per_period, 2), 'ahead', s.first, s.last, 40,
       'subscription_period', l.id || ':' || to_char(s.first, 'YYYY-MM-DD')
FROM br_contracts bc
JOIN contracts live ON live.id = bc.contract_id
                   AND live.status IN ('signed', 'amended', 'completed', 'terminated')
JOIN contract_lines l ON l.contract_id = bc.contract_id AND l.billing_model = 'subscription'
                     AND l.fee_per_period IS NOT NULL AND l.start_date IS NOT NULL
CROSS JOIN LATERAL (SELECT CASE l.period WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END
                           AS months) st
CROSS JOIN LATERAL generate_series(0, greatest(0,
        ((extract(year FROM ?::date) - extract(year FROM l.start_date)) * 12
         + extract(month FROM ?::date) - extract(month FROM l.start_date))::integer
        / st.months)) k
CROSS JOIN LATERAL (
    SELECT (l.start_date + make_interval(months => k * st.months))::date AS first,
           least((l.start_date + make_interval(months => (k + 1) * st.months)
                  - interval '1 day')::date, coalesce(l.end_date, 'infinity'::date)) AS last) s
WHERE s.first <= ? AND (l.end_date IS NULL OR s.first <= l.end_date)
  AND (live.status IN ('signed', 'amended') OR (s.first < ?::date AND s.first <= live.end_date))
  AND NOT EXISTS (SELECT 1 FROM billing_sources bs WHERE bs.source_kind = 'subscription_period'
                  AND bs.source_key = l.id || ':' || to_char(s.first, 'YYYY-MM-DD')
                  AND bs.released_at IS NULL))"),
        {m_s.periodEnd, m_s.periodEnd, m_s.periodEnd, m_s.periodStart});
}

void BillingRunEngine::invoices()
{
    ddl(m_db, QStringLiteral("ANALYZE br_lines"));
    // One invoice per contract, or per project when the contract splits; line numbers in a
    // fixed order (fees, milestones, retainer, subscriptions, time, expenses); tax per line.
    sql(m_db, QStringLiteral(R"(
UPDATE br_lines l
SET inv_project = CASE WHEN bc.invoice_split = 'project' THEN l.project_id END,
    tax_amount = round(l.amount * bc.tax_rate / 100, 2)
FROM br_contracts bc WHERE bc.contract_id = l.contract_id)"));
    ddl(m_db, QStringLiteral("CREATE TEMP TABLE br_invoices (id bigint, contract_id bigint, "
                             "project_id bigint) ON COMMIT DROP"));
    sql(m_db, QStringLiteral(R"(
WITH ins AS (
    INSERT INTO invoices (legal_entity_id, account_id, contract_id, project_id, billing_run_id,
                          period_start, period_end, invoice_date, due_date, currency, tax_code,
                          subtotal, tax_total, total, created_by)
    SELECT ?, bc.account_id, g.contract_id, g.inv_project, ?, ?, ?, ?::date,
           ?::date + bc.terms, bc.currency, bc.tax_code, g.subtotal, g.tax, g.subtotal + g.tax, ?
    FROM (SELECT contract_id, inv_project, sum(amount) AS subtotal, sum(tax_amount) AS tax
          FROM br_lines GROUP BY contract_id, inv_project) g
    JOIN br_contracts bc ON bc.contract_id = g.contract_id
    ORDER BY g.contract_id, g.inv_project NULLS FIRST
    RETURNING id, contract_id, project_id)
INSERT INTO br_invoices SELECT id, contract_id, project_id FROM ins)"),
        {m_s.legalEntityId, m_s.runId, m_s.periodStart, m_s.periodEnd, m_s.invoiceDate,
         m_s.invoiceDate, m_s.userId});
    sql(m_db, QStringLiteral(R"(
UPDATE br_lines l SET line_no = n.rn, invoice_id = n.invoice_id
FROM (SELECT l.lkey, bi.id AS invoice_id,
             row_number() OVER (PARTITION BY bi.id
                                ORDER BY l.sort_rank, l.project_id, l.description,
                                         l.service_start, l.src_key, l.lkey) AS rn
      FROM br_lines l
      JOIN br_invoices bi ON bi.contract_id = l.contract_id
                         AND bi.project_id IS NOT DISTINCT FROM l.inv_project) n
WHERE n.lkey = l.lkey)"));
    sql(m_db, QStringLiteral(R"(
WITH ins AS (
    INSERT INTO invoice_lines (invoice_id, line_no, kind, contract_line_id, project_id,
                               job_role_id, description, quantity, unit, unit_price,
                               gross_amount, amount, tax_rate, tax_amount, timing,
                               service_start, service_end)
    SELECT l.invoice_id, l.line_no, l.kind, l.contract_line_id, l.project_id, l.job_role_id,
           l.description, l.quantity, l.unit, l.unit_price, l.amount, l.amount, bc.tax_rate,
           l.tax_amount, l.timing, l.service_start, l.service_end
    FROM br_lines l JOIN br_contracts bc ON bc.contract_id = l.contract_id
    ORDER BY l.invoice_id, l.line_no
    RETURNING id, invoice_id, line_no)
UPDATE br_lines l SET line_id = ins.id
FROM ins WHERE ins.invoice_id = l.invoice_id AND ins.line_no = l.line_no)"));
}

void BillingRunEngine::exceptions()
{
    ddl(m_db, QStringLiteral("CREATE TEMP TABLE br_exceptions (id bigint, contract_id bigint, "
                             "contract_line_id bigint, kind text) ON COMMIT DROP"));
    sql(m_db, QStringLiteral(R"(
WITH x AS (
    SELECT contract_id, line_id, 'cap_exceeded' AS kind, sum(held) AS hours,
           sum(round(held * rate, 2)) AS amount
    FROM br_time WHERE held <> 0 GROUP BY contract_id, line_id
    UNION ALL
    SELECT contract_id, line_id, 'no_rate', sum(norate), 0
    FROM br_time WHERE norate <> 0 GROUP BY contract_id, line_id),
ins AS (
    INSERT INTO billing_exceptions (legal_entity_id, billing_run_id, contract_id,
                                    contract_line_id, kind, hours, amount, currency, detail)
    SELECT ?, ?, x.contract_id, x.line_id, x.kind, x.hours, x.amount, bc.currency,
           left(CASE x.kind
               WHEN 'cap_exceeded' THEN 'Not-to-exceed cap of ' || l.not_to_exceed::numeric(20, 2)
                    || ' ' || bc.currency || ' reached on "' || l.description || '": '
                    || x.hours || ' h (' || x.amount::numeric(20, 2) || ' ' || bc.currency
                    || ') held for a write-off or a change order'
               ELSE 'No bill rate for ' || x.hours || ' h on "' || coalesce(l.description, '')
                    || '": add a rate (contract, client override or rate card), then release'
           END, 2000)
    FROM x JOIN br_contracts bc ON bc.contract_id = x.contract_id
    LEFT JOIN contract_lines l ON l.id = x.line_id
    ORDER BY x.contract_id, x.kind
    RETURNING id, contract_id, contract_line_id, kind)
INSERT INTO br_exceptions SELECT id, contract_id, contract_line_id, kind FROM ins)"),
        {m_s.legalEntityId, m_s.runId});
}

void BillingRunEngine::sources()
{
    // Lines of one source each: expenses, milestones, schedule items, fee periods.
    sql(m_db, QStringLiteral(R"(
INSERT INTO billing_sources (source_kind, source_key, invoice_id, invoice_line_id, amount)
SELECT src_kind, src_key, invoice_id, line_id, amount FROM br_lines
WHERE src_kind IS NOT NULL)"));
    // Time, part by part: billed on a line, drawn from the retainer's fee line of the month the
    // hours were worked, held beyond a cap, held for want of a rate. Each part takes the next
    // part number of its entry.
    sql(m_db, QStringLiteral(R"(
INSERT INTO billing_sources (source_kind, source_key, part, invoice_id, invoice_line_id,
                             billing_exception_id, hours, amount)
SELECT 'time_entry', c.key, c.part, c.invoice_id, c.line_id, c.exception_id, c.hours, c.amount
FROM (
    SELECT b.key, b.parts + 1 AS part, l.invoice_id, l.line_id, NULL::bigint AS exception_id,
           b.billed AS hours, round(b.billed * b.rate, 2) AS amount
    FROM br_time b
    JOIN br_lines l ON l.contract_id = b.contract_id AND l.project_id = b.project_id
                   AND l.kind = CASE b.model WHEN 'tm' THEN 'time' ELSE 'retainer_overage' END
                   AND l.contract_line_id = b.line_id AND l.job_role_id = b.role_id
                   AND l.unit_price = b.rate AND l.src_kind IS NULL
    WHERE b.billed <> 0
    UNION ALL
    SELECT b.key, b.parts + 1 + (b.billed <> 0)::integer, fee.invoice_id, fee.invoice_line_id,
           NULL, b.covered, 0
    FROM br_time b
    -- One index probe per entry: the fee rows of this run are too new for the statistics.
    CROSS JOIN LATERAL (
        SELECT f.invoice_id, f.invoice_line_id FROM billing_sources f
        WHERE f.source_kind = 'retainer_period' AND f.source_key = b.fee_key
          AND f.released_at IS NULL
        LIMIT 1) fee
    WHERE b.covered <> 0
    UNION ALL
    SELECT b.key, b.parts + 1 + (b.billed <> 0)::integer + (b.covered <> 0)::integer, NULL, NULL,
           x.id, b.held, round(b.held * b.rate, 2)
    FROM br_time b
    JOIN br_exceptions x ON x.contract_id = b.contract_id AND x.kind = 'cap_exceeded'
                        AND x.contract_line_id IS NOT DISTINCT FROM b.line_id
    WHERE b.held <> 0
    UNION ALL
    SELECT b.key, b.parts + 1 + (b.billed <> 0)::integer + (b.covered <> 0)::integer
                  + (b.held <> 0)::integer, NULL, NULL, x.id, b.norate, 0
    FROM br_time b
    JOIN br_exceptions x ON x.contract_id = b.contract_id AND x.kind = 'no_rate'
                        AND x.contract_line_id IS NOT DISTINCT FROM b.line_id
    WHERE b.norate <> 0) c)"));
}

void BillingRunEngine::coveredByIssuedFees()
{
    // Hours drawn whole from a retainer month whose fee invoice is already issued have no issue
    // left to come: they are invoiced now, by that invoice, as its issue would have done.
    sql(m_db, QStringLiteral(R"(
UPDATE time_entries te
SET status = 'invoiced', invoice_id = fee.invoice_id, updated_at = now(), version = te.version + 1
FROM br_time b
CROSS JOIN LATERAL (
    SELECT f.invoice_id FROM billing_sources f
    JOIN invoices i ON i.id = f.invoice_id AND i.number IS NOT NULL
    WHERE f.source_kind = 'retainer_period' AND f.source_key = b.fee_key
      AND f.released_at IS NULL
    LIMIT 1) fee
WHERE b.model = 'retainer' AND b.parts = 0 AND b.covered = b.hours AND b.covered <> 0
  AND te.id = b.key::uuid AND te.status = 'approved')"));
}

BillingRunCounts BillingRunEngine::counts()
{
    QSqlQuery q = sql(m_db, QStringLiteral("SELECT (SELECT count(*) FROM br_invoices), "
                                           "(SELECT count(*) FROM br_lines), "
                                           "(SELECT count(*) FROM br_exceptions)"));
    q.next();
    return {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt()};
}

} // namespace keel
