#pragma once

// Resourcing data for bench_capacity and bench_staffing when the demo firm a load-demo gives has
// no employees yet (its people generator not wired in): one employee per demo user (role,
// practice, capacity and target spread deterministically), three skills each, cost rates in the
// entity's currency, public holidays per country, approved leave, a hard and a soft assignment
// per person on the demo projects and 150 open resource requests with skills, all from the
// Monday of the current week. Set-based, then ANALYZE. Returns whether it seeded anything.
#include "bench_support.h"
#include "db/database.h"
#include "test_database.h"

#include <QSqlQuery>

namespace keel::bench {

inline bool seedResourcingIfMissing(const keel::test::TestDatabase &database)
{
    QSqlQuery count =
        keel::db::query(database.sql(), QStringLiteral("SELECT count(*) FROM employees"), {});
    count.next();
    if (count.value(0).toInt() > 0)
        return false;
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS "
            "n FROM practices), "
            "r AS (SELECT id, row_number() OVER (ORDER BY sort_order, id) - 1 AS k, count(*) "
            "OVER () AS n FROM job_roles), "
            "u AS (SELECT u.id, u.legal_entity_id, le.country, row_number() OVER (ORDER BY u.id) "
            "- 1 AS k FROM users u JOIN legal_entities le ON le.id = u.legal_entity_id) "
            "INSERT INTO employees (user_id, legal_entity_id, country, practice_id, job_role_id, "
            "weekly_capacity_hours, utilisation_target_pct) SELECT u.id, u.legal_entity_id, "
            "u.country, p.id, r.id, CASE WHEN u.k % 10 = 0 THEN 32 ELSE 40 END, 70 + (u.k % 4) "
            "* 5 FROM u JOIN p ON p.k = u.k % p.n JOIN r ON r.k = (u.k * 7) % r.n;"
            "WITH e AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM employees), "
            "s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n "
            "FROM skills) "
            "INSERT INTO employee_skills (employee_id, skill_id, level) SELECT e.id, s.id, 1 + "
            "(e.k + j) % 5 FROM e CROSS JOIN generate_series(0, 2) j JOIN s ON s.k = (e.k * 3 + "
            "j * 5) % s.n ON CONFLICT DO NOTHING;"
            "INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, valid_from) "
            "SELECT e.id, le.functional_currency, 35 + e.id % 50, DATE '2020-01-01' FROM "
            "employees e JOIN legal_entities le ON le.id = e.legal_entity_id;"
            "INSERT INTO holidays (country, date, name) SELECT DISTINCT le.country, "
            "make_date(y, m, d), 'Bench holiday' FROM legal_entities le, generate_series(2025, "
            "2029) y, (VALUES (1, 1), (4, 18), (5, 5), (8, 25), (12, 25), (12, 26)) v(m, d) "
            "ON CONFLICT DO NOTHING;"
            "INSERT INTO employee_leave (employee_id, start_date, end_date, status) SELECT e.id, "
            "b + (e.id::int * 13 + j * 70) % 180, b + (e.id::int * 13 + j * 70) % 180 + 4, "
            "'approved' FROM "
            "employees e, generate_series(0, 1) j, (SELECT date_trunc('week', current_date)::date "
            "AS b) bb;"
            "WITH e AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM "
            "employees), "
            "pr AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n "
            "FROM projects), bb AS (SELECT date_trunc('week', current_date)::date AS b) "
            "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
            "hours_per_week, kind, probability) SELECT e.id, pr.id, b + (e.k * 11 + j * 40) % "
            "120, b + (e.k * 11 + j * 40) % 120 + 90, CASE j WHEN 0 THEN 24 ELSE 10 END, CASE j "
            "WHEN 0 THEN 'hard' ELSE 'soft' END, CASE j WHEN 0 THEN 100 ELSE 50 END FROM e CROSS "
            "JOIN generate_series(0, 1) j JOIN pr ON pr.k = (e.k * 3 + j) % pr.n CROSS JOIN bb;"
            "WITH pr AS (SELECT id, legal_entity_id, row_number() OVER (ORDER BY id) - 1 AS k, "
            "count(*) OVER () AS n FROM projects), r AS (SELECT id, row_number() OVER (ORDER BY "
            "sort_order, id) - 1 AS k, count(*) OVER () AS n FROM job_roles), "
            "bb AS (SELECT date_trunc('week', current_date)::date AS b) "
            "INSERT INTO resource_requests (legal_entity_id, project_id, job_role_id, "
            "hours_per_week, total_hours, start_date, end_date, kind, probability) SELECT "
            "pr.legal_entity_id, pr.id, r.id, 10 + (i % 4) * 10, 0, b + (i * 7) % 150, b + (i * "
            "7) % 150 + 60, CASE WHEN i % 2 = 0 THEN 'hard' ELSE 'soft' END, CASE WHEN i % 2 = 0 "
            "THEN 100 ELSE 30 + (i % 7) * 10 END FROM generate_series(0, 149) i JOIN pr ON pr.k "
            "= i % pr.n JOIN r ON r.k = i % r.n CROSS JOIN bb;"
            "WITH q AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "
            "resource_requests), s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, "
            "count(*) OVER () AS n FROM skills) "
            "INSERT INTO resource_request_skills (request_id, skill_id, min_level) SELECT q.id, "
            "s.id, 1 + q.k % 4 FROM q JOIN s ON s.k = (q.k * 5) % s.n ON CONFLICT DO NOTHING;"
            "ANALYZE"));
    return true;
}

} // namespace keel::bench
