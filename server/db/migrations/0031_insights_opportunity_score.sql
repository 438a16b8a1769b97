-- Insights: opportunity_score (server/insights/opportunity_score_store.cpp). The capacity
-- feature sums, per deal and required role, the hard assignments of the entity's people in that
-- role: find those people by entity and role without scanning every employee.
CREATE INDEX insights_employees_entity_role_idx ON employees (legal_entity_id, job_role_id)
    WHERE active;
