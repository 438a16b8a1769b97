#include "demo_people.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace keel {

namespace {

// Public holidays 2025–2027: US federal, England & Wales bank holidays, German national ones.
const char *const Holidays =
    "('US','2025-01-01','New Year''s Day'),('US','2025-01-20','Martin Luther King Jr. Day'),"
    "('US','2025-02-17','Presidents'' Day'),('US','2025-05-26','Memorial Day'),"
    "('US','2025-06-19','Juneteenth'),('US','2025-07-04','Independence Day'),"
    "('US','2025-09-01','Labor Day'),('US','2025-10-13','Columbus Day'),"
    "('US','2025-11-11','Veterans Day'),('US','2025-11-27','Thanksgiving Day'),"
    "('US','2025-12-25','Christmas Day'),"
    "('US','2026-01-01','New Year''s Day'),('US','2026-01-19','Martin Luther King Jr. Day'),"
    "('US','2026-02-16','Presidents'' Day'),('US','2026-05-25','Memorial Day'),"
    "('US','2026-06-19','Juneteenth'),('US','2026-07-03','Independence Day (observed)'),"
    "('US','2026-09-07','Labor Day'),('US','2026-10-12','Columbus Day'),"
    "('US','2026-11-11','Veterans Day'),('US','2026-11-26','Thanksgiving Day'),"
    "('US','2026-12-25','Christmas Day'),"
    "('US','2027-01-01','New Year''s Day'),('US','2027-01-18','Martin Luther King Jr. Day'),"
    "('US','2027-02-15','Presidents'' Day'),('US','2027-05-31','Memorial Day'),"
    "('US','2027-06-18','Juneteenth (observed)'),('US','2027-07-05','Independence Day "
    "(observed)'),('US','2027-09-06','Labor Day'),('US','2027-10-11','Columbus Day'),"
    "('US','2027-11-11','Veterans Day'),('US','2027-11-25','Thanksgiving Day'),"
    "('US','2027-12-24','Christmas Day (observed)'),"
    "('GB','2025-01-01','New Year''s Day'),('GB','2025-04-18','Good Friday'),"
    "('GB','2025-04-21','Easter Monday'),('GB','2025-05-05','Early May bank holiday'),"
    "('GB','2025-05-26','Spring bank holiday'),('GB','2025-08-25','Summer bank holiday'),"
    "('GB','2025-12-25','Christmas Day'),('GB','2025-12-26','Boxing Day'),"
    "('GB','2026-01-01','New Year''s Day'),('GB','2026-04-03','Good Friday'),"
    "('GB','2026-04-06','Easter Monday'),('GB','2026-05-04','Early May bank holiday'),"
    "('GB','2026-05-25','Spring bank holiday'),('GB','2026-08-31','Summer bank holiday'),"
    "('GB','2026-12-25','Christmas Day'),('GB','2026-12-28','Boxing Day (substitute day)'),"
    "('GB','2027-01-01','New Year''s Day'),('GB','2027-03-26','Good Friday'),"
    "('GB','2027-03-29','Easter Monday'),('GB','2027-05-03','Early May bank holiday'),"
    "('GB','2027-05-31','Spring bank holiday'),('GB','2027-08-30','Summer bank holiday'),"
    "('GB','2027-12-27','Christmas Day (substitute day)'),('GB','2027-12-28','Boxing Day "
    "(substitute day)'),"
    "('DE','2025-01-01','Neujahr'),('DE','2025-04-18','Karfreitag'),"
    "('DE','2025-04-21','Ostermontag'),('DE','2025-05-01','Tag der Arbeit'),"
    "('DE','2025-05-29','Christi Himmelfahrt'),('DE','2025-06-09','Pfingstmontag'),"
    "('DE','2025-10-03','Tag der Deutschen Einheit'),('DE','2025-12-25','1. Weihnachtstag'),"
    "('DE','2025-12-26','2. Weihnachtstag'),"
    "('DE','2026-01-01','Neujahr'),('DE','2026-04-03','Karfreitag'),"
    "('DE','2026-04-06','Ostermontag'),('DE','2026-05-01','Tag der Arbeit'),"
    "('DE','2026-05-14','Christi Himmelfahrt'),('DE','2026-05-25','Pfingstmontag'),"
    "('DE','2026-10-03','Tag der Deutschen Einheit'),('DE','2026-12-25','1. Weihnachtstag'),"
    "('DE','2026-12-26','2. Weihnachtstag'),"
    "('DE','2027-01-01','Neujahr'),('DE','2027-03-26','Karfreitag'),"
    "('DE','2027-03-29','Ostermontag'),('DE','2027-05-01','Tag der Arbeit'),"
    "('DE','2027-05-06','Christi Himmelfahrt'),('DE','2027-05-17','Pfingstmontag'),"
    "('DE','2027-10-03','Tag der Deutschen Einheit'),('DE','2027-12-25','1. Weihnachtstag'),"
    "('DE','2027-12-26','2. Weihnachtstag')";

// Set-based steps; "pseudo-random" choices are arithmetic on ids, so the same firm always gets
// the same people data.
QStringList steps()
{
    return {
        QStringLiteral("INSERT INTO holidays (country, date, name) SELECT c, d::date, n FROM "
                       "(VALUES %1) AS h (c, d, n) ON CONFLICT (country, date) DO NOTHING")
            .arg(QLatin1String(Holidays)),

        // One employee per user: job role from the user's grants (consultants spread over the
        // career ladder), 1 in 8 part-time (32 h), the entity's standard bill rate for the role.
        QStringLiteral(
            "INSERT INTO employees (user_id, legal_entity_id, country, city, practice_id, "
            "job_role_id, grade, weekly_capacity_hours, utilisation_target_pct, bill_rate, "
            "bill_rate_currency) "
            "SELECT u.id, u.legal_entity_id, le.country, "
            "  (CASE le.country WHEN 'US' THEN ARRAY['New York', 'Chicago', 'Austin'] "
            "   WHEN 'GB' THEN ARRAY['London', 'Manchester', 'Edinburgh'] "
            "   ELSE ARRAY['Berlin', 'Munich', 'Frankfurt'] END)[1 + u.id % 3], "
            "  u.practice_id, jr.id, "
            "  CASE jr.code WHEN 'ANALYST' THEN 'G1' WHEN 'CONSULTANT' THEN 'G2' "
            "   WHEN 'SENIOR_CONSULTANT' THEN 'G3' WHEN 'MANAGER' THEN 'G4' "
            "   WHEN 'ARCHITECT' THEN 'G4' ELSE 'G5' END, "
            "  CASE WHEN u.id % 8 = 5 THEN 32 ELSE 40 END, "
            "  CASE WHEN r.job IN ('finance', 'controller', 'admin', 'sales', 'executive', "
            "   'sales_director') THEN 0 WHEN jr.code IN ('MANAGER', 'PRINCIPAL') THEN 60 "
            "   WHEN jr.code = 'ANALYST' THEN 85 ELSE 80 END, "
            "  rc.hourly_rate, CASE WHEN rc.hourly_rate IS NOT NULL THEN le.functional_currency "
            "  END "
            "FROM users u JOIN legal_entities le ON le.id = u.legal_entity_id "
            "CROSS JOIN LATERAL (SELECT CASE "
            "  WHEN bool_or(ur.role = 'project_manager') THEN 'project_manager' "
            "  WHEN bool_or(ur.role = 'consultant') THEN 'consultant' "
            "  ELSE min(ur.role) END AS job FROM user_roles ur WHERE ur.user_id = u.id) r "
            "JOIN job_roles jr ON jr.code = CASE "
            "  WHEN r.job = 'project_manager' OR r.job = 'resource_manager' THEN 'MANAGER' "
            "  WHEN r.job IN ('executive', 'sales_director', 'controller') THEN 'PRINCIPAL' "
            "  WHEN r.job = 'consultant' THEN (ARRAY['ANALYST', 'ANALYST', 'ANALYST', "
            "   'ANALYST', 'CONSULTANT', 'CONSULTANT', 'CONSULTANT', 'CONSULTANT', "
            "   'CONSULTANT', 'CONSULTANT', 'CONSULTANT', 'SENIOR_CONSULTANT', "
            "   'SENIOR_CONSULTANT', 'SENIOR_CONSULTANT', 'SENIOR_CONSULTANT', "
            "   'SENIOR_CONSULTANT', 'ARCHITECT', 'ARCHITECT', 'PRINCIPAL', "
            "   'MANAGER'])[1 + (u.id * 2654435761 % 4294967296) / 214748365] "
            "  ELSE 'ANALYST' END "
            "LEFT JOIN LATERAL (SELECT rr.hourly_rate FROM rate_card_rates rr WHERE "
            "  rr.legal_entity_id = u.legal_entity_id AND rr.currency = le.functional_currency "
            "  AND rr.job_role_id = jr.id AND rr.valid_from <= DATE '2026-11-15' AND "
            "  (rr.valid_to IS NULL OR rr.valid_to >= DATE '2026-11-15') LIMIT 1) rc ON true "
            "ORDER BY u.id"),

        // Line managers: the first manager of the same entity and practice (managers report
        // to the first principal of their entity).
        QStringLiteral(
            "WITH m AS (SELECT e.legal_entity_id, e.practice_id, min(e.id) AS id FROM employees "
            "e JOIN job_roles jr ON jr.id = e.job_role_id WHERE jr.code = 'MANAGER' GROUP BY "
            "1, 2), p AS (SELECT e.legal_entity_id, min(e.id) AS id FROM employees e JOIN "
            "job_roles jr ON jr.id = e.job_role_id WHERE jr.code = 'PRINCIPAL' GROUP BY 1) "
            "UPDATE employees e SET manager_id = CASE WHEN m.id IS NOT NULL AND m.id <> e.id "
            "THEN m.id WHEN p.id <> e.id THEN p.id END FROM employees x LEFT JOIN m ON "
            "m.legal_entity_id = x.legal_entity_id AND m.practice_id IS NOT DISTINCT FROM "
            "x.practice_id LEFT JOIN p ON p.legal_entity_id = x.legal_entity_id WHERE x.id = "
            "e.id"),

        // Cost rates: 2025 and from 2026 on (open-ended), from the role's standard cost with a
        // personal spread of -10 % … +9 %, in the entity's currency.
        QStringLiteral(
            "INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, valid_from, "
            "valid_to) SELECT e.id, le.functional_currency, round(coalesce(c.hourly_cost, 60) * "
            "(0.90 + (e.id * 37 % 20) / 100.0) * v.factor, 2), v.f::date, v.t::date "
            "FROM employees e JOIN legal_entities le ON le.id = e.legal_entity_id "
            "CROSS JOIN (VALUES (0.96, '2025-01-01', '2025-12-31'), (1.00, '2026-01-01', "
            "NULL)) AS v (factor, f, t) "
            "LEFT JOIN LATERAL (SELECT jc.hourly_cost FROM job_role_costs jc WHERE "
            "jc.legal_entity_id = e.legal_entity_id AND jc.currency = le.functional_currency "
            "AND jc.job_role_id = e.job_role_id ORDER BY jc.valid_from DESC LIMIT 1) c ON true "
            "ORDER BY e.id, v.f"),

        // 3–6 skills each, from the practice's field first, levels 1–5.
        QStringLiteral(
            "INSERT INTO employee_skills (employee_id, skill_id, level) "
            "SELECT employee_id, skill_id, level FROM (SELECT e.id AS employee_id, s.id AS "
            "skill_id, 1 + (e.id * 13 + s.id * 7) % 5 AS level, 3 + e.id % 4 AS n, "
            "row_number() OVER (PARTITION BY e.id ORDER BY (s.category = ANY(CASE p.code "
            "WHEN 'CLOUD' THEN ARRAY['Cloud'] WHEN 'DATA' THEN ARRAY['Data', 'AI'] WHEN "
            "'APPS' THEN ARRAY['Engineering'] ELSE ARRAY['Delivery', 'Data'] END)) DESC, "
            "(e.id * 31 + s.id * 17) % 101, s.id) AS rn FROM employees e LEFT JOIN practices "
            "p ON p.id = e.practice_id CROSS JOIN skills s WHERE e.practice_id IS NOT NULL) x "
            "WHERE rn <= n ORDER BY employee_id, skill_id"),

        // A certification for every third person with skills, in their best skill; some have
        // expired by the demo's today (2026-11-15).
        QStringLiteral(
            "INSERT INTO employee_certifications (employee_id, name, issuer, skill_id, "
            "issued_on, expires_on) SELECT b.employee_id, s.name || ' Certified Professional', "
            "CASE s.category WHEN 'Cloud' THEN 'Cloud Vendor Academy' WHEN 'Delivery' THEN "
            "'PeopleCert' ELSE 'Keel Academy' END, s.id, DATE '2022-06-01' + ((b.employee_id * "
            "11) % 900)::int, DATE '2022-06-01' + ((b.employee_id * 11) % 900)::int + 1095 FROM "
            "(SELECT "
            "DISTINCT ON (es.employee_id) es.employee_id, es.skill_id FROM employee_skills es "
            "WHERE es.employee_id % 3 = 0 ORDER BY es.employee_id, es.level DESC, es.skill_id) "
            "b JOIN skills s ON s.id = b.skill_id ORDER BY b.employee_id"),

        // Leave: a summer week (approved) for every fifth person, an approved afternoon off
        // (4 h) for every 13th, and a requested December week for every 11th.
        QStringLiteral(
            "INSERT INTO employee_leave (employee_id, start_date, end_date, hours_per_day, "
            "leave_type, status, created_by) "
            "SELECT e.id, d, d + 4, NULL::numeric, 'vacation', 'approved', e.user_id FROM "
            "employees e CROSS JOIN LATERAL (SELECT DATE '2026-07-06' + (7 * (e.id % 8))::int AS "
            "d) x "
            "WHERE e.id % 5 = 0 "
            "UNION ALL SELECT e.id, d, d, 4, 'other', 'approved', e.user_id FROM employees e "
            "CROSS JOIN LATERAL (SELECT DATE '2026-11-23' + (7 * (e.id % 6) + e.id % 5)::int AS d) "
            "x "
            "WHERE e.id % 13 = 0 "
            "UNION ALL SELECT e.id, DATE '2026-12-14' + (7 * (e.id % 2))::int, DATE '2026-12-18' + "
            "(7 * "
            "(e.id % 2))::int, NULL, 'vacation', 'requested', e.user_id FROM employees e WHERE "
            "e.id % "
            "11 = 0 ORDER BY 1, 2"),

        // Staffing: every resource request of a project that has started gets a person of the
        // request's role in the project's entity (round robin over the consultants of that
        // role), at the request's hours per week (at most 24), for the request's dates.
        // Specialists work across the group: one architect or senior consultant request in ten
        // is staffed from another entity (US projects from the UK or DE, UK from DE, DE from
        // the UK), which the close charges as intercompany work. Such a request keeps its place
        // in its own entity's round robin, so every other assignment stays as it was.
        QStringLiteral(
            "WITH req AS (SELECT r.id, r.project_id, CASE WHEN jr.code IN ('ARCHITECT', "
            "'SENIOR_CONSULTANT') AND r.id % 10 = 3 THEN (SELECT x.id FROM legal_entities x "
            "WHERE x.code = CASE le.code WHEN 'US' THEN CASE WHEN r.id % 20 = 3 THEN 'UK' ELSE "
            "'DE' END WHEN 'UK' THEN 'DE' ELSE 'UK' END) END AS other_entity_id, "
            "r.legal_entity_id, r.job_role_id, "
            "r.start_date, r.end_date, r.hours_per_week, row_number() OVER (PARTITION BY "
            "r.legal_entity_id, r.job_role_id ORDER BY r.start_date, r.id) - 1 AS k FROM "
            "resource_requests r JOIN projects p ON p.id = r.project_id JOIN job_roles jr ON "
            "jr.id = r.job_role_id JOIN legal_entities le ON le.id = r.legal_entity_id WHERE "
            "r.kind = 'hard' AND p.status <> 'planned'), "
            "pool AS (SELECT e.id, e.legal_entity_id, e.job_role_id, row_number() OVER "
            "(PARTITION BY e.legal_entity_id, e.job_role_id ORDER BY e.id) - 1 AS i, count(*) "
            "OVER (PARTITION BY e.legal_entity_id, e.job_role_id) AS n FROM employees e WHERE "
            "EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = e.user_id AND ur.role = "
            "'consultant')) "
            "INSERT INTO assignments (employee_id, project_id, request_id, start_date, "
            "end_date, hours_per_week, kind, probability) SELECT pool.id, req.project_id, "
            "req.id, req.start_date, req.end_date, least(req.hours_per_week, 24), 'hard', 100 "
            "FROM req JOIN pool ON pool.legal_entity_id = coalesce(req.other_entity_id, "
            "req.legal_entity_id) AND "
            "pool.job_role_id = req.job_role_id AND pool.i = req.k % pool.n ORDER BY req.id"),

        // Where the round robin booked someone beyond their weekly capacity, the assignment is
        // flagged as a confirmed over-allocation (confirmed by the demo resource manager).
        QStringLiteral(
            "WITH w AS (SELECT (DATE '2024-12-30' + 7 * n) AS ws FROM generate_series(0, 160) "
            "n), over AS (SELECT a.employee_id, w.ws FROM assignments a JOIN w ON a.start_date "
            "<= w.ws + 4 AND a.end_date >= w.ws JOIN employees e ON e.id = a.employee_id GROUP "
            "BY a.employee_id, w.ws, e.weekly_capacity_hours HAVING sum(a.hours_per_week * "
            "greatest(0, least(a.end_date, w.ws + 4) - greatest(a.start_date, w.ws) + 1) / 5) > "
            "e.weekly_capacity_hours) "
            "UPDATE assignments a SET overallocated = true, confirmed_by = (SELECT id FROM users "
            "WHERE username = 'rm') WHERE EXISTS (SELECT 1 FROM over o WHERE o.employee_id = "
            "a.employee_id AND o.ws + 4 >= a.start_date AND o.ws <= a.end_date)"),

        QStringLiteral("ANALYZE employees, employee_cost_rates, employee_skills, "
                       "employee_certifications, holidays, employee_leave, assignments, "
                       "resource_request_skills"),
    };
}

} // namespace

bool loadDemoPeople(QSqlDatabase &db, DemoPeopleCounts *counts, QString *error)
{
    QSqlQuery q(db);
    for (const QString &sql : steps()) {
        if (!q.exec(sql)) {
            if (error)
                *error = QStringLiteral("Loading people: %1").arg(q.lastError().text());
            return false;
        }
    }
    if (counts) {
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM employees), (SELECT count(*) "
                                   "FROM assignments)")) ||
            !q.next()) {
            if (error)
                *error = QStringLiteral("Loading people: %1").arg(q.lastError().text());
            return false;
        }
        counts->employees = q.value(0).toInt();
        counts->assignments = q.value(1).toInt();
    }
    return true;
}

} // namespace keel
