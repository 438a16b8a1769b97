-- CRM, accounts side: accounts (clients) with a parent/child hierarchy, contacts, activities
-- and leads. Opportunities, quotes and contracts reference accounts from later migrations.

CREATE TABLE accounts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id    bigint NOT NULL REFERENCES legal_entities (id),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Lower case, punctuation and legal suffixes (Inc, Ltd, GmbH ...) stripped; computed by the
    -- server (crm duplicate rules) and used to find duplicates.
    name_norm          text NOT NULL,
    -- Web domain, lower case, without scheme, "www." and path.
    domain             text CHECK (domain IS NULL OR domain ~ '^[a-z0-9.-]+\.[a-z0-9-]+$'),
    parent_id          bigint REFERENCES accounts (id),
    industry           text CHECK (industry IS NULL OR length(industry) <= 100),
    country            char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    billing_currency   char(3) NOT NULL CHECK (billing_currency ~ '^[A-Z]{3}$'),
    payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
    tax_profile        text NOT NULL CHECK (tax_profile ~ '^[A-Z0-9_]{2,40}$'),
    billing_contact_id bigint,
    owner_id           bigint REFERENCES users (id),
    merged_into        bigint REFERENCES accounts (id),
    merged_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 1,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK (merged_into IS NULL OR merged_into <> id),
    CHECK ((merged_into IS NULL) = (merged_at IS NULL))
);
CREATE INDEX accounts_entity_name_idx ON accounts (legal_entity_id, name, id);
CREATE INDEX accounts_name_idx ON accounts (name, id);
CREATE INDEX accounts_name_norm_idx ON accounts (name_norm) WHERE merged_into IS NULL;
CREATE INDEX accounts_domain_idx ON accounts (domain) WHERE merged_into IS NULL;
CREATE INDEX accounts_parent_idx ON accounts (parent_id);
CREATE INDEX accounts_owner_idx ON accounts (owner_id);

CREATE TABLE contacts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email      text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone      text CHECK (phone IS NULL OR length(phone) <= 50),
    title      text CHECK (title IS NULL OR length(title) <= 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);
CREATE INDEX contacts_account_idx ON contacts (account_id, name, id);

ALTER TABLE accounts ADD CONSTRAINT accounts_billing_contact_fk
    FOREIGN KEY (billing_contact_id) REFERENCES contacts (id);

CREATE TABLE activities (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES accounts (id),
    -- The opportunities migration adds the foreign key.
    opportunity_id bigint,
    kind           text NOT NULL CHECK (kind IN ('note', 'call', 'meeting', 'task')),
    subject        text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body           text CHECK (body IS NULL OR length(body) <= 20000),
    due_date       date,
    done           boolean NOT NULL DEFAULT false,
    done_at        timestamptz,
    created_by     bigint REFERENCES users (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer NOT NULL DEFAULT 1,
    CHECK (kind = 'task' OR due_date IS NULL)
);
CREATE INDEX activities_account_idx ON activities (account_id, created_at DESC, id DESC);
CREATE INDEX activities_opportunity_idx ON activities (opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE TABLE leads (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity_id          bigint NOT NULL REFERENCES legal_entities (id),
    source                   text NOT NULL
        CHECK (source IN ('web', 'referral', 'event', 'outbound', 'partner')),
    status                   text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'disqualified')),
    company                  text NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
    contact_name             text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
    email                    text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone                    text CHECK (phone IS NULL OR length(phone) <= 50),
    notes                    text CHECK (notes IS NULL OR length(notes) <= 20000),
    owner_id                 bigint REFERENCES users (id),
    converted_account_id     bigint REFERENCES accounts (id),
    converted_contact_id     bigint REFERENCES contacts (id),
    -- The opportunities migration may add the foreign key.
    converted_opportunity_id bigint,
    converted_at             timestamptz,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  integer NOT NULL DEFAULT 1,
    CHECK ((status = 'converted') = (converted_account_id IS NOT NULL))
);
CREATE INDEX leads_entity_idx ON leads (legal_entity_id, id);
CREATE INDEX leads_status_idx ON leads (status, id);
