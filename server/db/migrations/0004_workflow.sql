-- Workflow: approval policies (data, editable by admins), approval requests with their ordered
-- steps, and one decision per step.

-- A policy requires its approver roles when `fact operator threshold` holds for a submitted
-- document; the threshold is a decimal (threshold_value) or another fact (threshold_fact).
CREATE TABLE approval_policies (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_type   text NOT NULL CHECK (document_type ~ '^[a-z][a-z0-9_]{1,62}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    fact            text NOT NULL CHECK (fact ~ '^[a-z][a-z0-9_]{0,62}$'),
    operator        text NOT NULL CHECK (operator IN ('>', '>=', '<', '<=')),
    threshold_value numeric(30, 6),
    threshold_fact  text CHECK (threshold_fact ~ '^[a-z][a-z0-9_]{0,62}$'),
    approver_roles  text[] NOT NULL CHECK (cardinality(approver_roles) >= 1),
    legal_entity_id bigint REFERENCES legal_entities (id), -- NULL: every entity
    practice_id     bigint REFERENCES practices (id),      -- NULL: every practice
    priority        integer NOT NULL DEFAULT 100,          -- lower first in the chain
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1,
    CHECK ((threshold_value IS NULL) <> (threshold_fact IS NULL))
);
CREATE INDEX approval_policies_type_idx ON approval_policies (document_type, priority, id);

CREATE TABLE approval_requests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_type   text NOT NULL,
    document_id     text NOT NULL CHECK (length(document_id) BETWEEN 1 AND 100),
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    practice_id     bigint REFERENCES practices (id),
    submitter_id    bigint NOT NULL REFERENCES users (id),
    title           text NOT NULL DEFAULT '',
    facts           jsonb NOT NULL DEFAULT '{}',
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'approved', 'rejected')),
    current_step    integer NOT NULL DEFAULT 1, -- 0 once decided
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    version         integer NOT NULL DEFAULT 1,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK ((status = 'pending') = (current_step > 0))
);
-- At most one open request per document.
CREATE UNIQUE INDEX approval_requests_open_key
    ON approval_requests (document_type, document_id) WHERE status = 'pending';
CREATE INDEX approval_requests_document_idx
    ON approval_requests (document_type, document_id, id);
CREATE INDEX approval_requests_pending_idx ON approval_requests (id) WHERE status = 'pending';

CREATE TABLE approval_steps (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  bigint NOT NULL REFERENCES approval_requests (id),
    step_order  integer NOT NULL CHECK (step_order >= 1),
    role        text NOT NULL REFERENCES roles (name),
    reason      text NOT NULL,
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected', 'skipped')),
    decided_by  bigint REFERENCES users (id),
    decided_at  timestamptz,
    comment     text,
    UNIQUE (request_id, step_order),
    -- One decision per step: decided exactly when approved or rejected.
    CHECK ((status IN ('approved', 'rejected')) = (decided_by IS NOT NULL)),
    CHECK ((decided_by IS NULL) = (decided_at IS NULL))
);

-- Demo defaults.
INSERT INTO approval_policies
    (document_type, name, fact, operator, threshold_value, threshold_fact, approver_roles, priority)
VALUES
    ('quote', 'Discount above 10%', 'discount_pct', '>', 10, NULL, '{sales_director}', 10),
    ('quote', 'Margin below target', 'margin_pct', '<', NULL, 'target_margin_pct',
     '{sales_director}', 20),
    ('quote', 'Margin below 15%', 'margin_pct', '<', 15, NULL, '{executive}', 30),
    ('contract_change_order', 'Every change order', 'amount', '>', 0, NULL,
     '{sales_director}', 10),
    ('contract_change_order', 'Change order of 50,000 or more', 'amount', '>=', 50000, NULL,
     '{executive}', 20);
