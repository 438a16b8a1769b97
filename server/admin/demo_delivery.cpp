#include "demo_delivery.h"

#include "demo_sales.h"

#include <QDate>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace keel {

namespace {

// Set-based steps; "pseudo-random" choices are arithmetic on ids, so the same firm always gets
// the same delivery data. %1 is the demo's today (demoAsOf()).
QStringList steps()
{
    return {
        // One phase spanning the project for every project that has none.
        QStringLiteral(
            "INSERT INTO project_phases (project_id, seq, name, start_date, end_date, status) "
            "SELECT p.id, 1, 'Delivery', p.start_date, p.end_date, CASE WHEN p.status = "
            "'closed' THEN 'closed' ELSE 'open' END FROM projects p WHERE NOT EXISTS (SELECT 1 "
            "FROM project_phases ph WHERE ph.project_id = p.id) ORDER BY p.id"),

        // One billable task per budgeted role (latest budget version) in the first phase.
        // Actuals: budget × elapsed share of the project × a per-task spread of 90–110 %, at
        // the role's standard cost; the estimate to complete is the rest (plus 0–9 % overrun
        // on some started projects), nothing once the project is closed.
        QStringLiteral(
            "WITH bl AS (SELECT pv.project_id, b.job_role_id, sum(b.hours) AS hours FROM "
            "project_budget_lines b JOIN project_budget_versions pv ON pv.id = "
            "b.budget_version_id WHERE pv.budget_version = (SELECT max(budget_version) FROM "
            "project_budget_versions x WHERE x.project_id = pv.project_id) GROUP BY 1, 2), "
            "t AS (SELECT p.id AS project_id, p.legal_entity_id, p.currency, p.status, "
            "(SELECT min(ph.id) FROM project_phases ph WHERE ph.project_id = p.id AND ph.seq = "
            "(SELECT min(seq) FROM project_phases y WHERE y.project_id = p.id)) AS phase_id, "
            "bl.job_role_id, jr.name AS role_name, bl.hours, "
            "row_number() OVER (PARTITION BY p.id ORDER BY jr.sort_order, jr.id) AS seq, "
            "CASE WHEN p.status = 'closed' THEN 1 WHEN p.status = 'planned' THEN 0 ELSE "
            "least(1, greatest(0, (DATE '%1' - p.start_date)::numeric / (p.end_date - "
            "p.start_date + 1))) END * (0.90 + ((p.id * 7 + bl.job_role_id * 3) % 21) / 100.0) "
            "AS done FROM projects p JOIN bl ON bl.project_id = p.id JOIN job_roles jr ON "
            "jr.id = bl.job_role_id WHERE NOT EXISTS (SELECT 1 FROM project_tasks pt WHERE "
            "pt.project_id = p.id)), "
            "a AS (SELECT t.*, round(t.hours * t.done, 2) AS actual, coalesce((SELECT "
            "jc.hourly_cost FROM job_role_costs jc WHERE jc.job_role_id = t.job_role_id AND "
            "jc.legal_entity_id = t.legal_entity_id AND jc.currency = t.currency AND "
            "jc.valid_from <= DATE '%1' AND (jc.valid_to IS NULL OR jc.valid_to >= DATE '%1') "
            "ORDER BY jc.valid_from DESC LIMIT 1), 0) AS cost_rate FROM t), "
            "e AS (SELECT a.*, CASE WHEN a.status = 'closed' THEN 0 WHEN a.status = 'planned' "
            "THEN a.hours ELSE greatest(0, a.hours - a.actual) + round(a.hours * ((a.project_id % "
            "4) * 3) / 100.0, 2) END AS etc FROM "
            "a) "
            "INSERT INTO project_tasks (project_id, phase_id, seq, name, job_role_id, "
            "budget_hours, billable, status, actual_hours, actual_cost, etc_hours, etc_cost) "
            "SELECT project_id, phase_id, seq, role_name || ' delivery', job_role_id, hours, "
            "true, CASE WHEN status = 'closed' THEN 'closed' ELSE 'open' END, actual, "
            "round(actual * cost_rate, 2), etc, round(etc * cost_rate, 2) FROM e "
            "ORDER BY project_id, seq"),

        // Status reports for the last three months of the active (and paused) projects, by
        // their project manager: mostly green, some amber, a few red.
        QStringLiteral(
            "WITH m AS (SELECT k, (date_trunc('month', DATE '%1') - make_interval(months => "
            "k))::date AS ms FROM generate_series(0, 2) k), "
            "r AS (SELECT p.id AS project_id, p.project_manager_id, m.ms, m.k, CASE WHEN "
            "(p.id * 31 + m.k * 17) % 20 < CASE WHEN p.status = 'on_hold' THEN 6 ELSE 2 END "
            "THEN 'red' WHEN (p.id * 31 + m.k * 17) % 20 < CASE WHEN p.status = 'on_hold' THEN "
            "14 ELSE 6 END THEN 'amber' ELSE 'green' END AS rag, (p.id + m.k) % 4 AS n FROM "
            "projects p JOIN m ON p.start_date < m.ms + interval '1 month' AND p.end_date >= "
            "m.ms WHERE p.status IN ('active', 'on_hold')) "
            "INSERT INTO project_status_reports (project_id, period, rag, narrative, "
            "created_by, created_at, updated_at) SELECT r.project_id, to_char(r.ms, "
            "'YYYY-MM'), r.rag, (CASE r.rag "
            "WHEN 'green' THEN ARRAY['On track: milestones on plan, budget burn in line with "
            "progress.', 'Good month: the client signed off the last deliverable; team fully "
            "staffed.', 'On plan. Next month: integration testing and the steering committee "
            "review.', 'Delivery on schedule; no open risks above medium.'] "
            "WHEN 'amber' THEN ARRAY['Scope pressure: the client asked for additional "
            "reports; a change request is being prepared.', 'Two weeks behind on the data "
            "migration; recovery plan agreed with the client.', 'A key consultant is on leave; "
            "burn rate above plan, monitoring weekly.', 'Client decisions pending on the "
            "target architecture; risk to the next milestone.'] "
            "ELSE ARRAY['Milestone missed: acceptance blocked by open defects; escalated to "
            "the account lead.', 'Budget overrun forecast above 15 %; re-plan and change "
            "request needed.', 'Client-side dependency not delivered; work paused on the "
            "critical path.', 'Staffing gap on a critical role; delivery date at risk.'] END)"
            "[1 + r.n], r.project_manager_id, r.at, r.at FROM (SELECT r.*, (least((r.ms + "
            "interval '1 month' - interval '1 day')::date, DATE '%1') + time '16:00') AT TIME "
            "ZONE 'UTC' AS at FROM r) r ORDER BY r.project_id, r.ms"),

        // The change-request plan: on started projects with a manager and a budget, id % 10
        // of 2 or 6 → approved, 4 → pending (approved when the project has closed), 8 →
        // rejected. One line: 5–15 % more hours for the largest budgeted role at its sold rate.
        // Deciders: another project manager of the entity and the project's practice, the entity's
        // finance, the CEO.
        QStringLiteral(
            "CREATE TEMP TABLE demo_delivery_cr ON COMMIT DROP AS "
            "WITH bl AS (SELECT pv.project_id, pv.budget_version, b.job_role_id, sum(b.hours) "
            "AS hours, sum(b.revenue) AS revenue FROM project_budget_lines b JOIN "
            "project_budget_versions pv ON pv.id = b.budget_version_id WHERE pv.budget_version "
            "= (SELECT max(budget_version) FROM project_budget_versions x WHERE x.project_id = "
            "pv.project_id) GROUP BY 1, 2, 3), "
            "top AS (SELECT DISTINCT ON (project_id) * FROM bl WHERE hours > 0 ORDER BY "
            "project_id, hours DESC, job_role_id), "
            "c AS (SELECT p.id AS project_id, p.legal_entity_id, p.practice_id, p.currency, "
            "p.name, p.project_manager_id AS submitter, top.budget_version AS base_version, "
            "top.job_role_id, CASE WHEN p.id % 10 IN (2, 6) THEN 'approved' WHEN p.id % 10 = "
            "4 THEN CASE WHEN p.status = 'closed' THEN 'approved' ELSE 'submitted' END ELSE "
            "'rejected' END AS outcome, greatest(8, round(top.hours * (5 + p.id % 11) / "
            "100.0)) AS delta_hours, top.revenue / top.hours AS rate, "
            "(greatest(p.start_date + 3, least(p.end_date, DATE '%1') - (5 + p.id % 40)::int) "
            "+ time '10:00') AT TIME ZONE 'UTC' AS submitted_at, (SELECT count(*) FROM "
            "project_change_requests x WHERE x.project_id = p.id) + 1 AS seq FROM projects p "
            "JOIN top ON top.project_id = p.id WHERE p.status <> 'planned' AND "
            "p.project_manager_id IS NOT NULL AND p.start_date + 3 <= DATE '%1' AND p.id % 10 "
            "IN (2, 4, 6, 8)) "
            "SELECT c.project_id, c.legal_entity_id, c.practice_id, c.currency, c.name, "
            "c.submitter, c.base_version, c.job_role_id, c.outcome, c.delta_hours, "
            "round(c.delta_hours * c.rate, 2) AS delta_value, round(c.delta_hours * "
            "coalesce((SELECT jc.hourly_cost FROM job_role_costs jc WHERE jc.job_role_id = "
            "c.job_role_id AND jc.legal_entity_id = c.legal_entity_id AND jc.currency = "
            "c.currency AND jc.valid_from <= DATE '%1' AND (jc.valid_to IS NULL OR jc.valid_to "
            ">= DATE '%1') ORDER BY jc.valid_from DESC LIMIT 1), 0), 2) AS delta_cost, "
            "c.submitted_at, CASE WHEN c.outcome <> 'submitted' THEN least(c.submitted_at + "
            "make_interval(days => (1 + c.project_id % 3)::int), (DATE '%1' + time '18:00') AT "
            "TIME ZONE 'UTC') END AS decided_at, c.seq, (ARRAY['Client requested additional "
            "reporting and dashboards.', 'Extra data sources discovered during analysis.', "
            "'Additional environments for performance testing.', 'Extended hypercare after "
            "go-live at the client''s request.', 'New integration with the client''s billing "
            "system.'])[1 + c.project_id % 5] AS reason, (SELECT ur.user_id FROM user_roles ur "
            "JOIN users u ON u.id = ur.user_id WHERE ur.role = 'project_manager' AND "
            "ur.legal_entity_id = c.legal_entity_id AND ur.user_id <> c.submitter AND "
            "u.practice_id IS NOT DISTINCT FROM c.practice_id ORDER BY (ur.user_id * 7 + "
            "c.project_id) % 101, ur.user_id LIMIT 1) AS pm_decider, coalesce((SELECT ur.user_id "
            "FROM user_roles ur "
            "WHERE ur.role = 'finance' AND (ur.legal_entity_id = c.legal_entity_id OR "
            "ur.legal_entity_id IS NULL) AND ur.user_id <> c.submitter ORDER BY "
            "ur.legal_entity_id NULLS LAST, ur.user_id LIMIT 1), (SELECT id FROM users WHERE "
            "username = 'finance')) AS fin_decider, (SELECT id FROM users WHERE username = "
            "'ceo') AS exec_decider, NULL::bigint AS cr_id, NULL::bigint AS approval_id FROM c "
            "ORDER BY c.project_id"),
        // Only where another project manager of the project's entity and practice can decide.
        QStringLiteral("DELETE FROM demo_delivery_cr WHERE pm_decider IS NULL"),

        QStringLiteral(
            "INSERT INTO project_change_requests (project_id, legal_entity_id, seq, reason, "
            "currency, delta_value, delta_hours, status, decision_comment, budget_version, "
            "submitted_by, submitted_at, decided_at) SELECT project_id, legal_entity_id, seq, "
            "reason, currency, delta_value, delta_hours, outcome, CASE outcome WHEN 'rejected' "
            "THEN 'Not in the agreed scope; to be covered by the existing budget.' WHEN "
            "'approved' THEN 'Approved.' END, CASE WHEN outcome = 'approved' THEN base_version "
            "+ 1 END, submitter, submitted_at, decided_at FROM demo_delivery_cr ORDER BY "
            "project_id"),
        QStringLiteral("UPDATE demo_delivery_cr d SET cr_id = c.id FROM project_change_requests "
                       "c WHERE c.project_id = d.project_id AND c.seq = d.seq"),
        QStringLiteral(
            "INSERT INTO project_change_request_lines (change_request_id, line_no, "
            "job_role_id, phase_id, delta_hours, delta_cost, delta_value) SELECT cr_id, 1, "
            "job_role_id, NULL, delta_hours, delta_cost, delta_value FROM demo_delivery_cr "
            "ORDER BY cr_id"),

        // The approval requests and their chains as the workflow builds them from the demo
        // policies of migration 0008 (by the size of the change).
        QStringLiteral(
            "INSERT INTO approval_requests (document_type, document_id, legal_entity_id, "
            "practice_id, submitter_id, title, facts, status, current_step, submitted_at, "
            "decided_at) SELECT 'change_request', cr_id::text, legal_entity_id, practice_id, "
            "submitter, 'Change request ' || cr_id || ' on ' || name, "
            "jsonb_build_object('amount', abs(delta_value)::text), CASE outcome WHEN "
            "'submitted' THEN 'pending' ELSE outcome END, CASE WHEN outcome = 'submitted' THEN "
            "1 ELSE 0 END, submitted_at, decided_at FROM demo_delivery_cr ORDER BY cr_id"),
        QStringLiteral(
            "UPDATE demo_delivery_cr d SET approval_id = a.id FROM approval_requests a WHERE "
            "a.document_type = 'change_request' AND a.document_id = d.cr_id::text"),
        QStringLiteral("UPDATE project_change_requests c SET approval_request_id = "
                       "d.approval_id FROM demo_delivery_cr d WHERE d.cr_id = c.id"),
        QStringLiteral(
            "INSERT INTO approval_steps (request_id, step_order, role, reason, status, "
            "decided_by, decided_at, comment) SELECT d.approval_id, s.o, s.role, s.reason, "
            "CASE WHEN d.outcome = 'approved' THEN 'approved' WHEN d.outcome = 'submitted' "
            "THEN 'pending' WHEN s.o = 1 THEN 'rejected' ELSE 'skipped' END, CASE WHEN "
            "d.outcome = 'approved' OR (d.outcome = 'rejected' AND s.o = 1) THEN CASE s.role "
            "WHEN 'project_manager' THEN d.pm_decider WHEN 'finance' THEN d.fin_decider ELSE "
            "d.exec_decider END END, CASE WHEN d.outcome = 'approved' OR (d.outcome = "
            "'rejected' AND s.o = 1) THEN d.decided_at - make_interval(mins => 20 * (4 - "
            "s.o)) END, CASE WHEN d.outcome = 'approved' THEN 'Approved.' WHEN d.outcome = "
            "'rejected' AND s.o = 1 THEN 'Not in the agreed scope; to be covered by the "
            "existing budget.' END FROM demo_delivery_cr d CROSS JOIN (VALUES (1, "
            "'project_manager', 'Every change request: another project manager', 0), (2, "
            "'finance', 'Change request of 10,000 or more', 10000), (3, 'executive', 'Change "
            "request of 50,000 or more', 50000)) AS s (o, role, reason, threshold) WHERE "
            "abs(d.delta_value) >= s.threshold ORDER BY d.approval_id, s.o"),

        // Where the workflow keeps a per-step "approver of the subject's practice" flag, the
        // project-manager steps carry it, as the demo policy says.
        QStringLiteral(
            "DO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = "
            "'approval_steps' AND column_name = 'same_practice' AND table_schema = "
            "current_schema()) THEN EXECUTE 'UPDATE approval_steps s SET same_practice = true "
            "FROM demo_delivery_cr d WHERE s.request_id = d.approval_id AND s.role = "
            "''project_manager'''; END IF; END $$"),

        // Approved changes: budget version N+1 = version N plus the change's line, and the
        // project's approved change value.
        QStringLiteral(
            "INSERT INTO project_budget_versions (project_id, budget_version, reason, "
            "change_request_id, created_by, created_at) SELECT d.project_id, d.base_version + "
            "1, 'change request ' || d.seq, d.cr_id, (SELECT s.decided_by FROM approval_steps "
            "s WHERE s.request_id = d.approval_id ORDER BY s.step_order DESC LIMIT 1), "
            "d.decided_at FROM demo_delivery_cr d WHERE d.outcome = 'approved' ORDER BY "
            "d.project_id"),
        QStringLiteral(
            "INSERT INTO project_budget_lines (budget_version_id, job_role_id, phase_id, "
            "hours, cost, revenue) SELECT nv.id, x.job_role_id, x.phase_id, sum(x.hours), "
            "sum(x.cost), sum(x.revenue) FROM demo_delivery_cr d JOIN project_budget_versions "
            "nv ON nv.project_id = d.project_id AND nv.budget_version = d.base_version + 1 "
            "JOIN LATERAL (SELECT b.job_role_id, b.phase_id, b.hours, b.cost, b.revenue FROM "
            "project_budget_lines b JOIN project_budget_versions ov ON ov.id = "
            "b.budget_version_id WHERE ov.project_id = d.project_id AND ov.budget_version = "
            "d.base_version UNION ALL SELECT l.job_role_id, l.phase_id, l.delta_hours, "
            "l.delta_cost, l.delta_value FROM project_change_request_lines l WHERE "
            "l.change_request_id = d.cr_id) x ON true WHERE d.outcome = 'approved' GROUP BY "
            "nv.id, x.job_role_id, x.phase_id ORDER BY nv.id, x.job_role_id"),
        QStringLiteral(
            "UPDATE projects p SET approved_change_value = p.approved_change_value + "
            "d.delta_value, version = p.version + 1 FROM demo_delivery_cr d WHERE d.project_id "
            "= p.id AND d.outcome = 'approved'"),

        QStringLiteral("ANALYZE project_phases, project_tasks, project_status_reports, "
                       "project_change_requests, project_change_request_lines, "
                       "project_budget_versions, project_budget_lines"),
    };
}

} // namespace

bool loadDemoDelivery(QSqlDatabase &db, DemoDeliveryCounts *counts, QString *error)
{
    const QString asOf = demoAsOf().toString(Qt::ISODate);
    QSqlQuery q(db);
    for (const QString &sql : steps()) {
        const QString statement = sql.contains(QLatin1String("%1")) ? sql.arg(asOf) : sql;
        if (!q.exec(statement)) {
            if (error)
                *error = QStringLiteral("Loading delivery: %1 [%2]")
                             .arg(q.lastError().text(), statement.simplified().left(120));
            return false;
        }
    }
    if (counts) {
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM project_phases), (SELECT "
                                   "count(*) FROM project_tasks), (SELECT count(*) FROM "
                                   "project_status_reports), (SELECT count(*) FROM "
                                   "project_change_requests)")) ||
            !q.next()) {
            if (error)
                *error = QStringLiteral("Loading delivery: %1").arg(q.lastError().text());
            return false;
        }
        counts->phases = q.value(0).toInt();
        counts->tasks = q.value(1).toInt();
        counts->statusReports = q.value(2).toInt();
        counts->changeRequests = q.value(3).toInt();
    }
    return true;
}

} // namespace keel
