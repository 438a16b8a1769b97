-- Offline clients keep the projects, tasks, accounts, assignments and expense categories they
-- book against. A pull answers reference_changed when any of those changed since the cursor,
-- stamped like time entries with the writing transaction's id (keel_stamp_change_xid, 0012).
-- Only the columns a client shows or checks offline stamp an update: approvals add actuals to
-- project_tasks all day long and must not send every client back for its reference data.
ALTER TABLE projects ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX projects_change_idx ON projects (change_xid);
CREATE TRIGGER projects_change_xid BEFORE UPDATE ON projects FOR EACH ROW
    WHEN ((OLD.name, OLD.status, OLD.account_id, OLD.start_date, OLD.end_date)
          IS DISTINCT FROM (NEW.name, NEW.status, NEW.account_id, NEW.start_date, NEW.end_date))
    EXECUTE FUNCTION keel_stamp_change_xid();

ALTER TABLE project_tasks ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX project_tasks_change_idx ON project_tasks (change_xid);
CREATE TRIGGER project_tasks_change_xid BEFORE UPDATE ON project_tasks FOR EACH ROW
    WHEN ((OLD.name, OLD.status, OLD.billable) IS DISTINCT FROM (NEW.name, NEW.status, NEW.billable))
    EXECUTE FUNCTION keel_stamp_change_xid();

ALTER TABLE accounts ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX accounts_change_idx ON accounts (change_xid);
CREATE TRIGGER accounts_change_xid BEFORE UPDATE ON accounts FOR EACH ROW
    WHEN ((OLD.name, OLD.time_notes_required) IS DISTINCT FROM (NEW.name, NEW.time_notes_required))
    EXECUTE FUNCTION keel_stamp_change_xid();

ALTER TABLE assignments ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX assignments_employee_change_idx ON assignments (employee_id, change_xid);
CREATE TRIGGER assignments_change_xid BEFORE UPDATE ON assignments FOR EACH ROW
    EXECUTE FUNCTION keel_stamp_change_xid();

ALTER TABLE expense_categories ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER expense_categories_change_xid BEFORE UPDATE ON expense_categories FOR EACH ROW
    EXECUTE FUNCTION keel_stamp_change_xid();

-- A deleted assignment leaves no row to stamp: its employee (and, when it was moved to someone
-- else, the previous one) gets a removal row instead.
CREATE TABLE sync_reference_removals (
    employee_id bigint NOT NULL,
    change_xid  xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX sync_reference_removals_idx ON sync_reference_removals (employee_id, change_xid);

CREATE FUNCTION keel_assignment_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sync_reference_removals (employee_id) VALUES (OLD.employee_id);
    RETURN NULL;
END $$;
CREATE TRIGGER assignments_removed AFTER DELETE ON assignments FOR EACH ROW
    EXECUTE FUNCTION keel_assignment_removed();
CREATE TRIGGER assignments_moved AFTER UPDATE OF employee_id ON assignments FOR EACH ROW
    WHEN (OLD.employee_id IS DISTINCT FROM NEW.employee_id)
    EXECUTE FUNCTION keel_assignment_removed();
