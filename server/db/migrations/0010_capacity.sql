-- Capacity versus demand, the bench and staffing suggestions (server/resourcing/capacity_*,
-- bench_*, staffing_*): helper functions over 0009's tables, same rules as
-- employee_week_capacity (working days Monday to Friday, a day's capacity is the weekly
-- capacity / 5, a public holiday or a full day of approved leave gives 0, partial approved leave
-- takes its hours off the day, never below 0).

-- Working days (Monday to Friday) in [p_from, p_to]; 0 when p_to < p_from. Closed form, no
-- series: whole weeks give 5 each, the remaining 0..6 days are counted from p_from's weekday.
CREATE FUNCTION keel_weekdays(p_from date, p_to date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_to < p_from THEN 0 ELSE
        5 * ((p_to - p_from + 1) / 7)
        + greatest(0, least(s + r, 5) - least(s, 5))
        + greatest(0, least(s + r - 7, 5))
    END
    FROM (SELECT extract(isodow FROM p_from)::integer - 1 AS s,
                 (p_to - p_from + 1) % 7 AS r) k
$$;

-- Available hours of every employee in [p_from, p_to]: the weekly capacity / 5 per working day
-- less what holidays and approved leave take, computed from the exception days only (holidays
-- of the employee's country and approved leave days in the range), not day by day.
CREATE FUNCTION employee_range_capacity(p_from date, p_to date)
RETURNS TABLE (employee_id bigint, capacity_hours numeric)
LANGUAGE sql STABLE AS $$
    WITH ex AS (
        SELECT e.id AS employee_id, h.date AS day, true AS holiday, false AS full_leave,
               0::numeric AS hours
        FROM holidays h
        JOIN employees e ON e.country = h.country
        WHERE h.date BETWEEN p_from AND p_to AND extract(isodow FROM h.date) < 6
        UNION ALL
        SELECT l.employee_id, d::date, false, l.hours_per_day IS NULL, coalesce(l.hours_per_day, 0)
        FROM employee_leave l
        CROSS JOIN LATERAL generate_series(greatest(l.start_date, p_from),
                                           least(l.end_date, p_to), interval '1 day') AS d
        WHERE l.status = 'approved' AND l.start_date <= p_to AND l.end_date >= p_from
          AND extract(isodow FROM d) < 6),
    exd AS (
        SELECT employee_id, day, bool_or(holiday OR full_leave) AS whole_day, sum(hours) AS hours
        FROM ex GROUP BY employee_id, day)
    SELECT e.id,
           round(e.weekly_capacity_hours / 5 * keel_weekdays(p_from, p_to)
                 - coalesce(sum(CASE WHEN x.day IS NULL THEN 0
                                     WHEN x.whole_day THEN e.weekly_capacity_hours / 5
                                     ELSE least(e.weekly_capacity_hours / 5, x.hours) END), 0), 2)
    FROM employees e
    LEFT JOIN exd x ON x.employee_id = e.id
    GROUP BY e.id, e.weekly_capacity_hours
$$;

-- Available hours of every employee per week (weeks from the Monday of p_from's week), the
-- same figures as 0009's employee_week_capacity, computed from the exception days only: the
-- weekly capacity less, per holiday or full day of approved leave, a day's capacity, and per
-- day of partial leave its hours (at most the day's capacity). Rounded to 2 places per week.
CREATE FUNCTION employee_weeks_available(p_from date, p_weeks integer)
RETURNS TABLE (employee_id bigint, week_start date, capacity_hours numeric)
LANGUAGE sql STABLE AS $$
    WITH r AS (
        SELECT date_trunc('week', p_from)::date AS first,
               date_trunc('week', p_from)::date + 7 * p_weeks - 1 AS last),
    ex AS (
        SELECT e.id AS employee_id, h.date AS day, true AS holiday, false AS full_leave,
               0::numeric AS hours
        FROM r, holidays h
        JOIN employees e ON e.country = h.country
        WHERE h.date BETWEEN r.first AND r.last AND extract(isodow FROM h.date) < 6
        UNION ALL
        SELECT l.employee_id, d::date, false, l.hours_per_day IS NULL, coalesce(l.hours_per_day, 0)
        FROM r, employee_leave l
        CROSS JOIN LATERAL generate_series(greatest(l.start_date, r.first),
                                           least(l.end_date, r.last), interval '1 day') AS d
        WHERE l.status = 'approved' AND l.start_date <= r.last AND l.end_date >= r.first
          AND extract(isodow FROM d) < 6),
    exd AS (
        SELECT employee_id, day, bool_or(holiday OR full_leave) AS whole_day, sum(hours) AS hours
        FROM ex GROUP BY employee_id, day),
    off AS (
        SELECT x.employee_id, date_trunc('week', x.day)::date AS week_start,
               sum(CASE WHEN x.whole_day THEN e.weekly_capacity_hours / 5
                        ELSE least(e.weekly_capacity_hours / 5, x.hours) END) AS hours
        FROM exd x JOIN employees e ON e.id = x.employee_id
        GROUP BY x.employee_id, date_trunc('week', x.day))
    SELECT e.id, w.ws, round(e.weekly_capacity_hours - coalesce(o.hours, 0), 2)
    FROM r CROSS JOIN employees e
    CROSS JOIN LATERAL (SELECT r.first + 7 * i AS ws FROM generate_series(0, p_weeks - 1) i) w
    LEFT JOIN off o ON o.employee_id = e.id AND o.week_start = w.ws
$$;

-- Assignments overlapping a range, per employee.
CREATE INDEX IF NOT EXISTS assignments_kind_range_idx ON assignments (kind, start_date, end_date);
CREATE INDEX IF NOT EXISTS employee_leave_approved_idx ON employee_leave (start_date, end_date)
    WHERE status = 'approved';
