-- CRM, selling side: delivery job roles with standard cost rates, the service catalogue
-- (service lines, offerings with effort / milestone templates), the configurable opportunity
-- stage list, opportunities with their stage history, rate cards with client overrides, and
-- versioned quotes.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Delivery roles people are sold and staffed as (not permission roles).
CREATE TABLE job_roles (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    sort_order integer NOT NULL DEFAULT 100,
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);
INSERT INTO job_roles (code, name, sort_order) VALUES
    ('ANALYST', 'Analyst', 10),
    ('CONSULTANT', 'Consultant', 20),
    ('SENIOR_CONSULTANT', 'Senior consultant', 30),
    ('MANAGER', 'Manager', 40),
    ('ARCHITECT', 'Architect', 50),
    ('PRINCIPAL', 'Principal', 60);

-- Standard cost per hour of a job role, per legal entity and currency; valid_to inclusive,
-- NULL = open-ended. Periods of the same entity + currency + role never overlap.
CREATE TABLE job_role_costs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_role_id     bigint NOT NULL REFERENCES job_roles (id),
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    hourly_cost     numeric(20, 6) NOT NULL CHECK (hourly_cost >= 0),
    valid_from      date NOT NULL,
    valid_to        date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1,
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT job_role_costs_no_overlap EXCLUDE USING gist (
        legal_entity_id WITH =, currency WITH =, job_role_id WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE TABLE service_lines (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    practice_id bigint REFERENCES practices (id),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1
);

CREATE TABLE offerings (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_line_id        bigint NOT NULL REFERENCES service_lines (id),
    code                   text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description            text CHECK (description IS NULL OR length(description) <= 20000),
    typical_duration_weeks integer NOT NULL CHECK (typical_duration_weeks BETWEEN 1 AND 520),
    billing_model          text NOT NULL CHECK (billing_model IN
        ('time_and_materials', 'fixed_fee', 'milestones', 'retainer', 'subscription')),
    active                 boolean NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    version                integer NOT NULL DEFAULT 1
);
CREATE INDEX offerings_service_line_idx ON offerings (service_line_id, code);

-- The offering's template: standard effort by job role, standard milestones.
CREATE TABLE offering_effort (
    offering_id bigint NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    job_role_id bigint NOT NULL REFERENCES job_roles (id),
    hours       numeric(12, 2) NOT NULL CHECK (hours > 0),
    PRIMARY KEY (offering_id, job_role_id)
);

CREATE TABLE offering_milestones (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offering_id bigint NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    seq         integer NOT NULL CHECK (seq >= 1),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    value_pct   numeric(7, 4) NOT NULL CHECK (value_pct > 0 AND value_pct <= 100),
    week_offset integer NOT NULL CHECK (week_offset BETWEEN 0 AND 520),
    UNIQUE (offering_id, seq)
);

CREATE TABLE opportunity_stages (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    sort_order          integer NOT NULL UNIQUE,
    default_probability numeric(5, 2) NOT NULL CHECK (default_probability BETWEEN 0 AND 100),
    is_won              boolean NOT NULL DEFAULT false,
    is_lost             boolean NOT NULL DEFAULT false,
    active              boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 1,
    CHECK (NOT (is_won AND is_lost))
);
INSERT INTO opportunity_stages (code, name, sort_order, default_probability, is_won, is_lost)
VALUES
    ('QUALIFY', 'Qualify', 10, 10, false, false),
    ('DISCOVER', 'Discover', 20, 25, false, false),
    ('PROPOSE', 'Propose', 30, 50, false, false),
    ('NEGOTIATE', 'Negotiate', 40, 75, false, false),
    ('WON', 'Won', 50, 100, true, false),
    ('LOST', 'Lost', 60, 0, false, true);

CREATE TABLE opportunities (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id   bigint NOT NULL REFERENCES legal_entities (id),
    account_id        bigint NOT NULL REFERENCES accounts (id),
    owner_id          bigint NOT NULL REFERENCES users (id),
    practice_id       bigint REFERENCES practices (id),
    offering_id       bigint REFERENCES offerings (id),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description       text CHECK (description IS NULL OR length(description) <= 20000),
    stage_id          bigint NOT NULL REFERENCES opportunity_stages (id),
    is_open           boolean NOT NULL DEFAULT true, -- stage is neither won nor lost
    probability       numeric(5, 2) NOT NULL CHECK (probability BETWEEN 0 AND 100),
    -- Exact amount at the currency's minor unit (scale as entered, e.g. '1234.50', JPY '1234').
    expected_value    numeric NOT NULL DEFAULT 0 CHECK (expected_value >= 0),
    currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    expected_close    date,
    expected_start    date,
    required_skills   text[] NOT NULL DEFAULT '{}',
    target_margin_pct numeric(7, 2) CHECK (target_margin_pct BETWEEN -100 AND 100),
    loss_reason       text CHECK (loss_reason IS NULL OR length(loss_reason) <= 2000),
    competitor        text CHECK (competitor IS NULL OR length(competitor) <= 200),
    created_by        bigint REFERENCES users (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1
);
-- Pipeline list: keyset per sort key, filtered by entity (and optionally open only).
CREATE INDEX opportunities_close_idx ON opportunities (expected_close, id);
CREATE INDEX opportunities_value_idx ON opportunities (expected_value, id);
CREATE INDEX opportunities_probability_idx ON opportunities (probability, id);
CREATE INDEX opportunities_updated_idx ON opportunities (updated_at, id);
CREATE INDEX opportunities_entity_close_idx ON opportunities (legal_entity_id, expected_close, id);
CREATE INDEX opportunities_open_close_idx ON opportunities (expected_close, id) WHERE is_open;
CREATE INDEX opportunities_owner_idx ON opportunities (owner_id, expected_close, id);
CREATE INDEX opportunities_stage_idx ON opportunities (stage_id, expected_close, id);
CREATE INDEX opportunities_account_idx ON opportunities (account_id, id);
CREATE INDEX opportunities_practice_idx ON opportunities (practice_id);

CREATE TABLE opportunity_service_lines (
    opportunity_id  bigint NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    service_line_id bigint NOT NULL REFERENCES service_lines (id),
    PRIMARY KEY (opportunity_id, service_line_id)
);

CREATE TABLE opportunity_effort (
    opportunity_id bigint NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    job_role_id    bigint NOT NULL REFERENCES job_roles (id),
    hours          numeric(12, 2) NOT NULL CHECK (hours >= 0),
    PRIMARY KEY (opportunity_id, job_role_id)
);

CREATE TABLE opportunity_stage_history (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opportunity_id bigint NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    from_stage_id  bigint REFERENCES opportunity_stages (id), -- NULL: created
    to_stage_id    bigint NOT NULL REFERENCES opportunity_stages (id),
    probability    numeric(5, 2) NOT NULL,
    loss_reason    text,
    changed_by     bigint REFERENCES users (id),
    changed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opportunity_stage_history_opp_idx ON opportunity_stage_history (opportunity_id, id);

ALTER TABLE activities ADD CONSTRAINT activities_opportunity_fk
    FOREIGN KEY (opportunity_id) REFERENCES opportunities (id);
ALTER TABLE leads ADD CONSTRAINT leads_converted_opportunity_fk
    FOREIGN KEY (converted_opportunity_id) REFERENCES opportunities (id);

-- Rate cards: hourly bill rate per legal entity, currency and job role, effective-dated
-- (valid_to inclusive, NULL = open-ended), never overlapping for the same key.
CREATE TABLE rate_card_rates (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    job_role_id     bigint NOT NULL REFERENCES job_roles (id),
    hourly_rate     numeric(20, 6) NOT NULL CHECK (hourly_rate >= 0),
    valid_from      date NOT NULL,
    valid_to        date,
    created_by      bigint REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1,
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT rate_card_rates_no_overlap EXCLUDE USING gist (
        legal_entity_id WITH =, currency WITH =, job_role_id WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Client-specific rates: account × job role × currency, same no-overlap rule.
CREATE TABLE client_rate_overrides (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id),
    currency    text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    job_role_id bigint NOT NULL REFERENCES job_roles (id),
    hourly_rate numeric(20, 6) NOT NULL CHECK (hourly_rate >= 0),
    valid_from  date NOT NULL,
    valid_to    date,
    created_by  bigint REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1,
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT client_rate_overrides_no_overlap EXCLUDE USING gist (
        account_id WITH =, currency WITH =, job_role_id WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Quotes: one row per version; a revision is a new row (version_no + 1) and the previous one
-- becomes read-only (superseded).
CREATE TABLE quotes (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opportunity_id      bigint NOT NULL REFERENCES opportunities (id),
    version_no          integer NOT NULL CHECK (version_no >= 1),
    legal_entity_id     bigint NOT NULL REFERENCES legal_entities (id),
    account_id          bigint NOT NULL REFERENCES accounts (id),
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    quote_date          date NOT NULL,
    status              text NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft', 'submitted', 'approved', 'rejected', 'accepted', 'superseded')),
    discount_pct        numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount_pct BETWEEN 0 AND 100),
    list_value          numeric NOT NULL DEFAULT 0,
    discount_value      numeric NOT NULL DEFAULT 0,
    net_value           numeric NOT NULL DEFAULT 0,
    cost_value          numeric NOT NULL DEFAULT 0,
    margin_value        numeric NOT NULL DEFAULT 0,
    margin_pct          numeric(9, 2),
    notes               text CHECK (notes IS NULL OR length(notes) <= 20000),
    approval_request_id bigint REFERENCES approval_requests (id),
    submitted_by        bigint REFERENCES users (id),
    submitted_at        timestamptz,
    decided_at          timestamptz,
    accepted_at         timestamptz,
    created_by          bigint REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 1,
    UNIQUE (opportunity_id, version_no)
);
CREATE INDEX quotes_account_idx ON quotes (account_id, id);

CREATE TABLE quote_lines (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quote_id    bigint NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    line_no     integer NOT NULL CHECK (line_no >= 1),
    kind        text NOT NULL CHECK (kind IN ('role', 'fixed')),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    job_role_id bigint REFERENCES job_roles (id),
    hours       numeric(12, 2),
    rate        numeric(20, 6),
    rate_source text CHECK (rate_source IN ('rate_card', 'client_override', 'manual')),
    cost_rate   numeric(20, 6),
    list_amount numeric NOT NULL,
    cost_amount numeric NOT NULL,
    UNIQUE (quote_id, line_no),
    CHECK ((kind = 'role') = (job_role_id IS NOT NULL AND hours IS NOT NULL AND rate IS NOT NULL))
);
