-- Analytics, project family: realisation counts billed time only (server/analytics/README.md
-- "Project metrics"). Besides invoiced entries it counts the hours a cap exception held and
-- finance wrote off: the entry stays approved (nothing of it reached an invoice), so the write-off
-- itself, an update of billing_exceptions, must mark the months of the entries it held. The
-- time_entries triggers of 0025 already follow approved ↔ invoiced, and 0025's invoice triggers
-- an issue or a credit note.
CREATE FUNCTION analytics_project_exception_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_stale('project_month', array_agg(p.legal_entity_id),
                                 array_agg(te.work_date))
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN billing_sources bs ON bs.billing_exception_id = n.id
                             AND bs.source_kind = 'time_entry'
      JOIN time_entries te ON te.id = bs.source_key::uuid
      JOIN projects p ON p.id = te.project_id
     WHERE n.kind = 'cap_exceeded' AND n.status IS DISTINCT FROM o.status
       AND 'written_off' IN (n.status, o.status);
    RETURN NULL;
END $$;
CREATE TRIGGER analytics_project_exception_upd AFTER UPDATE ON billing_exceptions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_project_exception_stale();

-- Partitions built under 0025's rule (every approved entry counted) are rebuilt on their next read.
INSERT INTO analytics_stale_months (fact, legal_entity_id, month)
SELECT DISTINCT 'project_month', legal_entity_id, month FROM analytics_project_month
ON CONFLICT DO NOTHING;
