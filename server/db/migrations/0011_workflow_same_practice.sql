-- Approval policies may require the approver to belong to the subject's practice
-- (users.practice_id = approval_requests.practice_id). Each step keeps the flag of the policies
-- that put its role in the chain, so a later policy edit does not change open requests.
ALTER TABLE approval_policies ADD COLUMN same_practice boolean NOT NULL DEFAULT false;
ALTER TABLE approval_steps ADD COLUMN same_practice boolean NOT NULL DEFAULT false;

-- Demo default: a change request is approved by another project manager of the same practice.
UPDATE approval_policies SET same_practice = true, version = version + 1, updated_at = now()
 WHERE document_type = 'change_request' AND 'project_manager' = ANY (approver_roles);
