-- analytics_people (server/analytics/README.md "People metrics"): the person_month aggregate
-- behind utilisation and bench, and the statement triggers that mark its partitions stale.

-- One row per employee and month in the employee's own legal entity (not the projects'):
-- capacity (weekly capacity / 5 per working day), public holidays and approved leave taken off
-- it, the available hours that leaves (employee_range_capacity of 0010, the one rule), and the
-- approved or invoiced hours recorded that month. target_hours = available × target % / 100, so
-- a slice's target is sum(target_hours) / sum(available_hours).
CREATE TABLE analytics_person_month (
    legal_entity_id    bigint NOT NULL REFERENCES legal_entities (id),
    month              date NOT NULL CHECK (extract(day FROM month) = 1),
    employee_id        bigint NOT NULL,
    practice_id        bigint,
    capacity_hours     numeric(10, 2) NOT NULL,
    holiday_hours      numeric(10, 2) NOT NULL,
    leave_hours        numeric(10, 2) NOT NULL,
    available_hours    numeric(10, 2) NOT NULL,
    billable_hours     numeric(10, 2) NOT NULL,
    non_billable_hours numeric(10, 2) NOT NULL,
    target_pct         numeric(5, 2) NOT NULL,
    target_hours       numeric(14, 4) NOT NULL,
    PRIMARY KEY (legal_entity_id, month, employee_id)
);
CREATE INDEX analytics_person_month_employee_idx ON analytics_person_month (employee_id, month);

-- The partitions built so far, empty ones included: a reader builds the partitions of its
-- filter that are missing here (a new month nobody has recorded time in yet still has
-- capacity), and a change to an employee or a holiday marks the built partitions it affects.
CREATE TABLE analytics_person_month_partitions (
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    built_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (legal_entity_id, month)
);

-- Counted time by person and day (rebuilds, a person's drill-down), and billable time in the
-- drill-down's order (day, id) so a page of a whole year stops after its rows.
CREATE INDEX time_entries_counted_idx ON time_entries (employee_id, work_date)
    INCLUDE (hours, billable) WHERE status IN ('approved', 'invoiced');
CREATE INDEX time_entries_billable_day_idx ON time_entries (work_date, id)
    WHERE billable AND status IN ('approved', 'invoiced');

-- Time: only approved or invoiced entries count, so only rows in those states before or after
-- the statement mark the employee's entity and the entry's month; an update marks only rows whose
-- counted hours changed (invoicing approved time changes nothing here).
CREATE FUNCTION analytics_people_time_marks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- EXECUTE plans the join of the two transition tables with their real sizes; a
        -- cached plan from a one-row update would nest-loop a billing run's thousands.
        EXECUTE $q$ SELECT analytics_mark_stale('person_month', array_agg(e.legal_entity_id),
                                     array_agg(c.work_date))
           FROM old_rows o JOIN new_rows n ON n.id = o.id
          CROSS JOIN LATERAL (VALUES (o.employee_id, o.work_date), (n.employee_id, n.work_date))
                AS c(employee_id, work_date)
           JOIN employees e ON e.id = c.employee_id
          WHERE (o.status IN ('approved', 'invoiced') OR n.status IN ('approved', 'invoiced'))
            AND ((o.status IN ('approved', 'invoiced')) <> (n.status IN ('approved', 'invoiced'))
                 OR o.hours <> n.hours OR o.billable <> n.billable
                 OR o.work_date <> n.work_date OR o.employee_id <> n.employee_id) $q$;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM analytics_mark_stale('person_month', array_agg(e.legal_entity_id),
                                     array_agg(o.work_date))
           FROM old_rows o JOIN employees e ON e.id = o.employee_id
          WHERE o.status IN ('approved', 'invoiced');
    ELSE
        PERFORM analytics_mark_stale('person_month', array_agg(e.legal_entity_id),
                                     array_agg(n.work_date))
           FROM new_rows n JOIN employees e ON e.id = n.employee_id
          WHERE n.status IN ('approved', 'invoiced');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_people_time_ins AFTER INSERT ON time_entries
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_time_marks();
CREATE TRIGGER analytics_people_time_upd AFTER UPDATE ON time_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_time_marks();
CREATE TRIGGER analytics_people_time_del AFTER DELETE ON time_entries
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_time_marks();

-- Leave: approved leave before or after the statement marks every month it touches.
CREATE FUNCTION analytics_people_leave_marks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM analytics_mark_stale('person_month', array_agg(e.legal_entity_id),
                                     array_agg(m::date))
           FROM old_rows o JOIN employees e ON e.id = o.employee_id
          CROSS JOIN LATERAL generate_series(date_trunc('month', o.start_date), o.end_date,
                                             interval '1 month') AS m
          WHERE o.status = 'approved';
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM analytics_mark_stale('person_month', array_agg(e.legal_entity_id),
                                     array_agg(m::date))
           FROM new_rows n JOIN employees e ON e.id = n.employee_id
          CROSS JOIN LATERAL generate_series(date_trunc('month', n.start_date), n.end_date,
                                             interval '1 month') AS m
          WHERE n.status = 'approved';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_people_leave_ins AFTER INSERT ON employee_leave
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_leave_marks();
CREATE TRIGGER analytics_people_leave_upd AFTER UPDATE ON employee_leave
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_leave_marks();
CREATE TRIGGER analytics_people_leave_del AFTER DELETE ON employee_leave
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_leave_marks();

-- Holidays: the holiday's month in every entity employing someone in that country.
CREATE FUNCTION analytics_people_holiday_marks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM analytics_mark_stale('person_month', array_agg(c.legal_entity_id),
                                     array_agg(o.date))
           FROM old_rows o
           JOIN (SELECT DISTINCT legal_entity_id, country FROM employees) c
             ON c.country = o.country;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM analytics_mark_stale('person_month', array_agg(c.legal_entity_id),
                                     array_agg(n.date))
           FROM new_rows n
           JOIN (SELECT DISTINCT legal_entity_id, country FROM employees) c
             ON c.country = n.country;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_people_holiday_ins AFTER INSERT ON holidays
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_holiday_marks();
CREATE TRIGGER analytics_people_holiday_upd AFTER UPDATE ON holidays
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_holiday_marks();
CREATE TRIGGER analytics_people_holiday_del AFTER DELETE ON holidays
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_holiday_marks();

-- Employees: capacity, target, practice, entity, country and active have no effective dates, so
-- a change rewrites the person's history. A new, removed or changed person marks every built
-- partition of their entity (before and after), which the next reader rebuilds.
CREATE FUNCTION analytics_people_employee_marks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entities bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT legal_entity_id) INTO v_entities FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT legal_entity_id) INTO v_entities FROM old_rows;
    ELSE
        EXECUTE $q$ SELECT array_agg(DISTINCT x.e)
          FROM old_rows o JOIN new_rows n ON n.id = o.id
         CROSS JOIN LATERAL (VALUES (o.legal_entity_id), (n.legal_entity_id)) AS x(e)
         WHERE (o.legal_entity_id, o.practice_id, o.weekly_capacity_hours,
                o.utilisation_target_pct, o.country, o.active)
               IS DISTINCT FROM
               (n.legal_entity_id, n.practice_id, n.weekly_capacity_hours,
                n.utilisation_target_pct, n.country, n.active) $q$ INTO v_entities;
    END IF;
    IF v_entities IS NOT NULL THEN
        PERFORM analytics_mark_stale('person_month', array_agg(p.legal_entity_id),
                                     array_agg(p.month))
           FROM analytics_person_month_partitions p
          WHERE p.legal_entity_id = ANY(v_entities);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_people_employee_ins AFTER INSERT ON employees
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_employee_marks();
CREATE TRIGGER analytics_people_employee_upd AFTER UPDATE ON employees
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_employee_marks();
CREATE TRIGGER analytics_people_employee_del AFTER DELETE ON employees
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_people_employee_marks();
